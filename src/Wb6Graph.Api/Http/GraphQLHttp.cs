using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Wb6Graph.Model;

namespace Wb6Graph.Api.Http;

/// <summary>
/// Our GraphQL-over-HTTP transport (graphql/graphql-over-http, current draft): GET and POST, media-type negotiation,
/// the spec's status codes, API keys for writes, persisted documents, ETags and 304s for GET. README.md, section
/// "The GraphQL API", lists where the spec left us a choice and what we chose.
/// </summary>
internal sealed class GraphQLHttp(
    IDocumentExecuter<ISchema> executer,
    IGraphQLTextSerializer serializer,
    IGraphStore store,
    DocumentCache documents,
    PersistedDocumentStore persisted,
    IOptions<ApiOptions> options)
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    private const string Json = "application/json";

    public async Task HandleAsync(HttpContext http)
    {
        var o = options.Value;
        var mediaType = Negotiate(http.Request);
        if (mediaType is null)
        {
            await Plain(http, StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE", $"Accept {GraphQLResponseJson} or {Json}.");
            return;
        }

        var (request, requestError) = http.Request.Method == HttpMethods.Get ? ReadGet(http.Request, o) : await ReadPostAsync(http.Request, o);
        if (requestError is not null)
        {
            await Plain(http, requestError.Value.Status, requestError.Value.Code, requestError.Value.Message, mediaType);
            return;
        }

        // The document: free text, or a persisted document by id.
        string? text = request!.Query;
        if (request.DocumentId is { } documentId)
        {
            if (!PersistedDocumentStore.IsWellFormed(documentId))
            {
                await Plain(http, 400, "DOCUMENT_ID_INVALID", "documentId must be 'sha256:' followed by 64 lowercase hex digits.", mediaType);
                return;
            }
            text = persisted.Find(documentId);
            if (text is null)
            {
                await Plain(http, 404, "DOCUMENT_NOT_FOUND", $"No persisted document has the id {documentId}.", mediaType);
                return;
            }
        }
        else if (o.OnlyPersistedDocuments)
        {
            await Plain(http, 400, "PERSISTED_DOCUMENT_REQUIRED", "This server accepts only persisted documents: send documentId instead of query.", mediaType);
            return;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            await Plain(http, 400, "QUERY_REQUIRED", "Send a GraphQL document as 'query' (or a persisted one as 'documentId').", mediaType);
            return;
        }
        if (text.Length > o.MaxDocumentLength)
        {
            await Plain(http, 413, "DOCUMENT_TOO_LARGE", $"The document has {text.Length} characters; at most {o.MaxDocumentLength} are accepted.", mediaType);
            return;
        }

        GraphQLDocument document;
        try
        {
            document = documents.Parse(text);
        }
        catch (GraphQLSyntaxErrorException e)
        {
            await Plain(http, 400, "SYNTAX_ERROR", $"The document is not valid GraphQL: {e.Description} at line {e.Location.Line}, column {e.Location.Column}.", mediaType);
            return;
        }

        var operation = FindOperation(document, request.OperationName, out var operationError);
        if (operation is null)
        {
            await Plain(http, mediaType == Json ? 200 : 422, "OPERATION_NOT_FOUND", operationError!, mediaType);
            return;
        }
        if (http.Request.Method == HttpMethods.Get && operation.Operation != OperationType.Query)
        {
            http.Response.Headers.Allow = "POST";
            await Plain(http, 405, "METHOD_NOT_ALLOWED", $"A {operation.Operation.ToString().ToLowerInvariant()} must be sent with POST.", mediaType);
            return;
        }
        if ((operation.Operation == OperationType.Mutation || o.RequireKeyForReads) && !Authorized(http.Request, o))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await Plain(http, 401, "UNAUTHENTICATED",
                operation.Operation == OperationType.Mutation ? "Writes need an API key: send 'Authorization: Bearer <key>'. Nothing was written." : "This server needs an API key for reads.", mediaType);
            return;
        }

        // GET answers are cacheable: the ETag changes with the data version, the request and the media type.
        string? etag = null;
        if (http.Request.Method == HttpMethods.Get)
        {
            etag = ETag(store.DataVersion, http.Request.QueryString.Value ?? "", mediaType);
            if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
            {
                http.Response.StatusCode = 304;
                http.Response.Headers.ETag = etag;
                http.Response.Headers.CacheControl = CacheControl(o);
                return;
            }
        }

        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            // A persisted document was already resolved above through the loader GraphQL.NET's persisted-document
            // handler uses; passing its text and parsed form lets it share the caches of free-form queries.
            Query = text,
            Document = document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            CancellationToken = http.RequestAborted,
            Timeout = TimeSpan.FromSeconds(o.TimeoutSeconds),
            TimeoutAction = TimeoutAction.ReturnTimeoutError,
            UnhandledExceptionDelegate = ErrorMapping.MapAsync,
            // A document that passed validation (the spec's rules and our depth and complexity limits, which depend on
            // the document alone) passes again: for it only variable coercion runs, which GraphQL.NET does regardless.
            ValidationRules = documents.IsValidated(document) ? [] : null,
        });
        if (result.Executed) documents.MarkValidated(document);

        var status = StatusOf(result, mediaType);
        if (etag is not null && status == 200 && result.Errors is not { Count: > 0 })
        {
            http.Response.Headers.ETag = etag;
            http.Response.Headers.CacheControl = CacheControl(o);
        }
        http.Response.StatusCode = status;
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>
    /// With application/graphql-response+json: 200 when there is data (partial results included, see README),
    /// 400 for documents that cannot be parsed, 422 when validation or variable coercion fails, 504 on timeout.
    /// With application/json (legacy clients): 200 for every well-formed GraphQL response, as the spec asks.
    /// </summary>
    private static int StatusOf(ExecutionResult result, string mediaType)
    {
        if (mediaType == Json) return 200;
        if (result.Executed) return 200;
        var errors = result.Errors ?? [];
        if (errors.Any(e => e.Code == "TIMEOUT")) return 504;
        if (errors.Any(e => e.Code == "UNAUTHENTICATED")) return 401;
        if (errors.Any(e => e is SyntaxError)) return 400;
        return errors.Count > 0 ? 422 : 500;
    }

    private static string? Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0) return GraphQLResponseJson;
        foreach (var type in accept.OrderByDescending(a => a.Quality ?? 1))
        {
            if (type.Quality == 0) continue;
            var name = type.MediaType.Value;
            if (name is GraphQLResponseJson or "application/*" or "*/*") return GraphQLResponseJson;
            if (name == Json) return Json;
        }
        return null;
    }

    private (GraphQLRequest?, RequestError?) ReadGet(HttpRequest request, ApiOptions o)
    {
        if (o.RequirePreflightForGet && !request.Headers.ContainsKey("GraphQL-Require-Preflight"))
            return (null, new(400, "PREFLIGHT_REQUIRED", "GET requests need a GraphQL-Require-Preflight header (protection against cross-site requests)."));
        var q = request.Query;
        string? Param(string name) => q.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;
        try
        {
            return (new GraphQLRequest
            {
                Query = Param("query"),
                OperationName = Param("operationName"),
                DocumentId = Param("documentId"),
                Variables = ParseObject<Inputs>(Param("variables"), "variables"),
                Extensions = ParseObject<Inputs>(Param("extensions"), "extensions"),
            }, null);
        }
        catch (BadRequest e)
        {
            return (null, new(400, "BAD_REQUEST", e.Message));
        }
    }

    private async Task<(GraphQLRequest?, RequestError?)> ReadPostAsync(HttpRequest request, ApiOptions o)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType))
            return (null, new(415, "UNSUPPORTED_MEDIA_TYPE", "Send the request as Content-Type: application/json."));
        if (contentType.MediaType.Value != Json)
            return (null, new(415, "UNSUPPORTED_MEDIA_TYPE", $"Content-Type {contentType.MediaType.Value} is not accepted (it would allow cross-site requests); send application/json."));
        if (contentType.Charset.HasValue && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
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
        try
        {
            using var json = JsonDocument.Parse(buffer.ToArray());
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
                ? v.ValueKind == JsonValueKind.Object ? serializer.Deserialize<Inputs>(v.GetRawText()) : throw new BadRequest($"'{name}' must be a JSON object.")
                : null;
    }

    private static string? Str(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : throw new BadRequest($"'{name}' must be a string.")
            : null;

    private T? ParseObject<T>(string? json, string name)
    {
        if (json is null) return default;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new BadRequest($"'{name}' must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new BadRequest($"'{name}' is not valid JSON: {e.Message}");
        }
        return serializer.Deserialize<T>(json);
    }

    private static GraphQLOperationDefinition? FindOperation(GraphQLDocument document, string? name, out string? error)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        error = null;
        if (name is null)
        {
            if (operations.Count == 1) return operations[0];
            error = operations.Count == 0 ? "The document has no operation." : "The document has several operations: say which with operationName.";
            return null;
        }
        var match = operations.FirstOrDefault(op => op.Name?.StringValue == name);
        if (match is null) error = $"The document has no operation named '{name}'.";
        return match;
    }

    private static bool Authorized(HttpRequest request, ApiOptions o)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        var given = Encoding.UTF8.GetBytes(header[7..].Trim());
        return o.ApiKeys.Any(k => k.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(k), given));
    }

    private static string ETag(long version, string query, string mediaType)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{mediaType}\n{query}"));
        return $"\"v{version}-{Convert.ToHexStringLower(hash.AsSpan(0, 8))}\"";
    }

    private static string CacheControl(ApiOptions o) => $"public, max-age={o.GetMaxAgeSeconds}, must-revalidate";

    /// <summary>A request error as a GraphQL response without data; its media type is the negotiated one (or JSON for 406).</summary>
    private static async Task Plain(HttpContext http, int status, string code, string message, string mediaType = Json)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            errors = new[] { new { message, extensions = new { code } } },
        });
    }

    private readonly record struct RequestError(int Status, string Code, string Message);

    private sealed class BadRequest(string message) : Exception(message);
}
