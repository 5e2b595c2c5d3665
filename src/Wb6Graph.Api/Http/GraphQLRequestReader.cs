using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Net.Http.Headers;

namespace Wb6Graph.Api.Http;

/// <summary>A refusal before any GraphQL work: the status, a code for clients, and what to fix.</summary>
internal readonly record struct RequestError(int Status, string Code, string Message);

/// <summary>
/// Reads a GraphQL-over-HTTP request: GET parameters (variables and extensions as JSON strings, an empty string
/// counting as absent) or a POST body of application/json. Form and text types are refused, since those are the
/// "simple" requests a cross-site form can send without a preflight.
/// </summary>
internal sealed class GraphQLRequestReader(IGraphQLTextSerializer serializer)
{
    private const string Json = "application/json";

    public (GraphQLRequest?, RequestError?) ReadGet(HttpRequest request, ApiOptions o)
    {
        if (o.RequirePreflightForGet && !request.Headers.ContainsKey("GraphQL-Require-Preflight"))
            return (null, new(400, "PREFLIGHT_REQUIRED", "GET requests need a GraphQL-Require-Preflight header (protection against cross-site requests)."));
        var q = request.Query;
        string? Param(string name) => q.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString())
            ? v.Count == 1 ? v.ToString() : throw new BadRequest($"'{name}' is given {v.Count} times in the URL; give it once.")
            : null;
        try
        {
            return (new GraphQLRequest
            {
                Query = Param("query"),
                OperationName = Param("operationName"),
                DocumentId = Param("documentId"),
                Variables = ParseObject(Param("variables"), "variables"),
                Extensions = ParseObject(Param("extensions"), "extensions"),
            }, null);
        }
        catch (BadRequest e)
        {
            return (null, new(400, "BAD_REQUEST", e.Message));
        }
    }

    public async Task<(GraphQLRequest?, RequestError?)> ReadPostAsync(HttpRequest request, ApiOptions o)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType))
            return (null, new(415, "UNSUPPORTED_MEDIA_TYPE", "Send the request as Content-Type: application/json."));
        if (!contentType.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase))
            return (null, new(415, "UNSUPPORTED_MEDIA_TYPE", $"Content-Type {contentType.MediaType.Value} is not accepted (it would allow cross-site requests); send application/json."));
        if (contentType.Charset.HasValue && !HeaderUtilities.RemoveQuotes(contentType.Charset).Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            return (null, new(415, "UNSUPPORTED_MEDIA_TYPE", "Only UTF-8 is accepted."));
        if (request.ContentLength > o.MaxBodyBytes)
            return (null, new(413, "BODY_TOO_LARGE", $"The body may be at most {o.MaxBodyBytes} bytes."));

        var buffer = new MemoryStream();
        var read = new byte[16 * 1024];
        int n;
        while ((n = await request.Body.ReadAsync(read, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(read, 0, n);
            if (buffer.Length > o.MaxBodyBytes) return (null, new(413, "BODY_TOO_LARGE", $"The body may be at most {o.MaxBodyBytes} bytes."));
        }
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        // Checked whole: the JSON reader would only notice bad bytes inside the strings it decodes.
        if (!System.Text.Unicode.Utf8.IsValid(bytes.Span)) return (null, new(400, "INVALID_JSON", "The body is not valid UTF-8."));
        try
        {
            using var json = JsonDocument.Parse(bytes);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                return (null, new(400, "BAD_REQUEST", "The body must be a JSON object with 'query' and optional 'operationName', 'variables', 'extensions'."));
            var root = json.RootElement;
            return (new GraphQLRequest
            {
                Query = Str(root, "query"),
                OperationName = Str(root, "operationName"),
                DocumentId = Str(root, "documentId"),
                Variables = Obj(root, "variables"),
                Extensions = Obj(root, "extensions"),
            }, null);
        }
        catch (JsonException e)
        {
            return (null, new(400, "INVALID_JSON", $"The body is not valid JSON: {e.Message}"));
        }
        catch (BadRequest e)
        {
            return (null, new(400, "BAD_REQUEST", e.Message));
        }

        Inputs? Obj(JsonElement root, string name) =>
            root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
                ? v.ValueKind == JsonValueKind.Object ? ReadInputs(v.GetRawText(), name) : throw new BadRequest($"'{name}' must be a JSON object.")
                : null;
    }

    private static string? Str(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String) throw new BadRequest($"'{name}' must be a string.");
        try
        {
            return v.GetString();
        }
        catch (InvalidOperationException)
        {
            // Valid UTF-8 can still escape half of a surrogate pair ("\ud800"), which is no text.
            throw new BadRequest($"'{name}' escapes an unpaired UTF-16 surrogate (\\uD800-\\uDFFF), which is not text.");
        }
    }

    /// <summary>Variables or extensions as GraphQL.NET reads them; what it cannot read (an escaped half of a surrogate pair) is named.</summary>
    private Inputs ReadInputs(string json, string name)
    {
        try
        {
            return serializer.Deserialize<Inputs>(json)!;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new BadRequest($"'{name}' cannot be read: {e.Message}");
        }
        catch (ArgumentException)
        {
            // GraphQL.NET's reader adds each key to a dictionary: a key given twice in one object throws (found by the fuzzer).
            throw new BadRequest($"'{name}' gives a key twice in one object; give each once.");
        }
    }

    private Inputs? ParseObject(string? json, string name)
    {
        if (json is null) return default;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind == JsonValueKind.Null) return default; // null means absent, as in a POST body
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new BadRequest($"'{name}' must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new BadRequest($"'{name}' is not valid JSON: {e.Message}");
        }
        return ReadInputs(json, name);
    }

    private sealed class BadRequest(string message) : Exception(message);
}
