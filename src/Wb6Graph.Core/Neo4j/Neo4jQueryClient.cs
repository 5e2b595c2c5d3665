using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Wb6Graph.Neo4j;

public enum Neo4jAccess
{
    Read,
    Write,
}

/// <summary>One statement's answer: the column names, the rows (plain JSON values in column order), what it changed.</summary>
public sealed record Neo4jResult(IReadOnlyList<string> Fields, IReadOnlyList<JsonElement[]> Rows, Neo4jCounters Counters, IReadOnlyList<string> Bookmarks);

public sealed record Neo4jCounters(bool ContainsUpdates, int NodesCreated, int RelationshipsCreated, int PropertiesSet, int NodesDeleted, int RelationshipsDeleted)
{
    public static Neo4jCounters None { get; } = new(false, 0, 0, 0, 0, 0);
}

/// <summary>
/// Neo4j's HTTP Query API v2 (<c>POST /db/{db}/query/v2</c>) as a typed HttpClient. Every statement is one request in
/// one implicit transaction: the Query API's explicit transactions work only on a single instance and Aura, not on a
/// 5.26 cluster. Reads go with <c>accessMode: Read</c> so a cluster can route them to secondaries; the bookmarks of the
/// last answer ride along with every later request, so a read always sees the writes this process made before it.
/// </summary>
public sealed class Neo4jQueryClient
{
    private readonly HttpClient _http;
    private readonly Neo4jOptions _options;
    private readonly string _queryUrl;
    private readonly AuthenticationHeaderValue _auth;
    private string[] _bookmarks = [];

    public Neo4jQueryClient(HttpClient http, Neo4jOptions options)
    {
        _http = http;
        _options = options;
        ServerUrl = (options.Url ?? throw new ArgumentException("Neo4j:Url must be set", nameof(options))).TrimEnd('/');
        _queryUrl = $"{ServerUrl}/db/{Uri.EscapeDataString(options.Database)}/query/v2";
        _auth = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}")));
    }

    /// <summary>The server address from Neo4j:Url, for messages.</summary>
    public string ServerUrl { get; }

    public string Database => _options.Database;

    /// <summary>The bookmarks of the last answer, sent with every following request.</summary>
    public IReadOnlyList<string> Bookmarks => Volatile.Read(ref _bookmarks);

    public async Task<Neo4jResult> RunAsync(string cypher, IReadOnlyDictionary<string, object?>? parameters, Neo4jAccess access, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var bookmarks = Volatile.Read(ref _bookmarks);
            try
            {
                var body = Body(cypher, parameters, access, bookmarks);
                using var response = await SendAsync(HttpMethod.Post, _queryUrl, body, ct);
                var result = await ReadResultAsync(response, ct);
                // A read's bookmarks are at least as new as the ones it was sent with, and may carry another instance's
                // write (the data-version poll sees it first): passing them on keeps every later read at least that new.
                Remember(result.Bookmarks);
                return result;
            }
            // The server does not know the state the bookmarks name (InvalidBookmark), or does not reach it in time
            // (BookmarkTimeout): it was restored from a backup or replaced by a new volume, and no later answer can carry
            // them. Nothing ran; they are forgotten (unless a newer answer replaced them meanwhile) and the statement sent
            // again without them. Kept, they would refuse every request until a restart.
            catch (Neo4jException e) when (bookmarks.Length > 0 && IsBookmarkRefusal(e.Code))
            {
                Interlocked.CompareExchange(ref _bookmarks, [], bookmarks);
                attempt--;
            }
            // A transient error in the body (a deadlock, a leader switch) rolled the statement back, so it may run again.
            // The HTTP-level failures were already retried by the resilience handler.
            catch (Neo4jException e) when (attempt < MaxTransientAttempts && e.Code.StartsWith("Neo.TransientError.", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), ct);
            }
        }
    }

    private const int MaxTransientAttempts = 3;

    internal static bool IsBookmarkRefusal(string code) => code is "Neo.ClientError.Transaction.InvalidBookmark"
        or "Neo.ClientError.Transaction.InvalidBookmarkMixture" or "Neo.TransientError.Transaction.BookmarkTimeout";

    private void Remember(IReadOnlyList<string> bookmarks)
    {
        if (bookmarks.Count > 0) Volatile.Write(ref _bookmarks, [.. bookmarks]);
    }

    private static string Body(string cypher, IReadOnlyDictionary<string, object?>? parameters, Neo4jAccess access, string[] bookmarks)
    {
        var body = new Dictionary<string, object?>
        {
            ["statement"] = cypher,
            ["parameters"] = parameters ?? new Dictionary<string, object?>(),
            ["includeCounters"] = true,
        };
        body["accessMode"] = access == Neo4jAccess.Read ? "Read" : "Write";
        if (bookmarks.Length > 0) body["bookmarks"] = bookmarks;
        return Json(body);
    }

    private static string Json(object body) => JsonSerializer.Serialize(body, Neo4jJson.Options);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = _auth;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        try
        {
            return await _http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw Neo4jException.Unavailable(ServerUrl, e.Message, e);
        }
        catch (Polly.Timeout.TimeoutRejectedException e)
        {
            throw Neo4jException.Unavailable(ServerUrl, $"no answer within Neo4j:TimeoutSeconds ({_options.TimeoutSeconds} s)", e);
        }
        catch (Polly.ExecutionRejectedException e)
        {
            // The circuit breaker is open after repeated failures: the server was unreachable moments ago.
            throw Neo4jException.Unavailable(ServerUrl, e.Message, e);
        }
        catch (Exception e) when (e is TaskCanceledException or TimeoutException && !ct.IsCancellationRequested)
        {
            throw Neo4jException.Unavailable(ServerUrl, $"no answer within Neo4j:TimeoutSeconds ({_options.TimeoutSeconds} s)", e);
        }
    }

    private async Task<JsonElement> ReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        JsonElement root = default;
        var parsed = false;
        if (!string.IsNullOrWhiteSpace(text))
        {
            try
            {
                root = JsonSerializer.Deserialize<JsonElement>(text);
                parsed = true;
            }
            catch (JsonException)
            {
            }
        }
        var error = parsed && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errors", out var errors)
            && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0 ? errors[0] : (JsonElement?)null;
        if (error is { } e)
            throw Neo4jException.FromError(ServerUrl, _options, (int)response.StatusCode, Str(e, "code") ?? "", Str(e, "message") ?? "");
        if (!response.IsSuccessStatusCode)
            throw Neo4jException.FromStatus(ServerUrl, _options, response.StatusCode, Truncate(text));
        if (!parsed && response.StatusCode != HttpStatusCode.NoContent && !string.IsNullOrWhiteSpace(text))
            throw new Neo4jException(Neo4jException.ProtocolError, $"Neo4j at {ServerUrl} answered {(int)response.StatusCode} with a body that is not JSON: {Truncate(text)}");
        return parsed ? root : default;
    }

    private async Task<Neo4jResult> ReadResultAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var root = await ReadBodyAsync(response, ct);
        if (root.ValueKind != JsonValueKind.Object) return new([], [], Neo4jCounters.None, []);
        var fields = new List<string>();
        var rows = new List<JsonElement[]>();
        if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            if (data.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array)
                fields.AddRange(f.EnumerateArray().Select(x => x.GetString() ?? ""));
            if (data.TryGetProperty("values", out var v) && v.ValueKind == JsonValueKind.Array)
                rows.AddRange(v.EnumerateArray().Select(row => row.EnumerateArray().ToArray()));
        }
        var counters = Neo4jCounters.None;
        if (root.TryGetProperty("counters", out var c) && c.ValueKind == JsonValueKind.Object)
            counters = new(
                c.TryGetProperty("containsUpdates", out var u) && u.ValueKind == JsonValueKind.True,
                Int(c, "nodesCreated"), Int(c, "relationshipsCreated"), Int(c, "propertiesSet"), Int(c, "nodesDeleted"), Int(c, "relationshipsDeleted"));
        var bookmarks = root.TryGetProperty("bookmarks", out var b) && b.ValueKind == JsonValueKind.Array
            ? b.EnumerateArray().Select(x => x.GetString()).OfType<string>().ToList()
            : [];
        return new(fields, rows, counters, bookmarks);
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetInt32(out var n) ? n : 0;

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";
}

internal static class Neo4jJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
