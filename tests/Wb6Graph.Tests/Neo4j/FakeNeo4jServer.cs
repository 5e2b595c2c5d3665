using System.Net;
using System.Text;
using System.Text.Json;

namespace Wb6Graph.Tests.Neo4j;

/// <summary>
/// A stand-in for Neo4j's Query API: records every request and answers with what the test scripted, in order,
/// or from a responder that looks at the statement. No server is needed.
/// </summary>
internal sealed class FakeNeo4jServer : HttpMessageHandler
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
        Requests.Add(recorded);
        var answer = _script.Count > 0 ? _script.Dequeue() : Fallback;
        return answer(recorded);
    }

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

    public JsonElement Parameters => Json.GetProperty("parameters");
}
