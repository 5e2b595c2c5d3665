using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Wb6Graph.Tests.Neo4j;

/// <summary>
/// A stand-in for Neo4j's Query API: records every request and answers with what the test scripted, in order,
/// or from a responder that looks at the statement. No server is needed. As Neo4j would, it refuses a statement sent
/// without a parameter it uses; unlike Neo4j, it also refuses one sent with a parameter it does not use (a sign that a
/// call site and its statement drifted apart). Either fails the test that sent it.
/// </summary>
internal sealed partial class FakeNeo4jServer : HttpMessageHandler
{
    private readonly Queue<Func<RecordedRequest, HttpResponseMessage>> _script = new();

    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>Answers requests that the script does not cover; by default an empty 202 result.</summary>
    public Func<RecordedRequest, HttpResponseMessage> Fallback { get; set; } = _ => Result([], []);

    public FakeNeo4jServer Then(Func<RecordedRequest, HttpResponseMessage> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    public FakeNeo4jServer Then(HttpStatusCode status, string json, params (string Name, string Value)[] headers) =>
        Then(_ => Json(status, json, headers));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(ct);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, body,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
        lock (Requests) Requests.Add(recorded);
        if (recorded.Statement is { } statement)
        {
            var used = UsedParameters(statement);
            var sent = recorded.Parameters.ValueKind == JsonValueKind.Object
                ? recorded.Parameters.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
                : [];
            var missing = used.Except(sent).ToList();
            var unused = sent.Except(used).ToList();
            if (missing.Count > 0 || unused.Count > 0)
                throw new InvalidOperationException(
                    $"a statement was sent with the wrong parameters (missing: {string.Join(", ", missing)}; unused: {string.Join(", ", unused)}):\n{statement}");
        }
        var answer = _script.Count > 0 ? _script.Dequeue() : Fallback;
        return answer(recorded);
    }

    /// <summary>
    /// The parameters a statement uses. Our statements never hold '$' in a string or a comment, so a scan finds them;
    /// the linter test checks that it finds what Neo4j's grammar finds, for every statement the store can send.
    /// </summary>
    public static HashSet<string> UsedParameters(string cypher) =>
        ParameterPattern().Matches(cypher).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ParameterPattern();

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }

    /// <summary>A 202 answer with the given columns and rows (each row a list of plain JSON values).</summary>
    public static HttpResponseMessage Result(string[] fields, object?[][] rows, string[]? bookmarks = null, bool containsUpdates = false) =>
        Json(HttpStatusCode.Accepted, JsonSerializer.Serialize(new
        {
            data = new { fields, values = rows },
            counters = new { containsUpdates, nodesCreated = 0, relationshipsCreated = 0, propertiesSet = 0, nodesDeleted = 0, relationshipsDeleted = 0 },
            bookmarks = bookmarks ?? [],
        }));

    public static HttpResponseMessage Error(HttpStatusCode status, string code, string message) =>
        Json(status, JsonSerializer.Serialize(new { errors = new[] { new { code, message } } }));

    public static object Node(string label, object properties) =>
        new { elementId = "4:x:" + Guid.NewGuid().ToString("N")[..6], labels = new[] { "Entity", label }, properties };

    public static object Rel(string type, object properties) =>
        new { elementId = "5:x:1", startNodeElementId = "4:x:1", endNodeElementId = "4:x:2", type, properties };
}

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonElement Json => JsonSerializer.Deserialize<JsonElement>(Body ?? "null");

    public string? Statement => Body is null ? null : Json.TryGetProperty("statement", out var s) ? s.GetString() : null;

    public JsonElement Parameters => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("parameters", out var p) ? p : default;
}
