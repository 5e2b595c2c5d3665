using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Wb6Graph.Api.GraphQL;
using Wb6Graph.Hosting;
using Wb6Graph.Model;

namespace Wb6Graph.Api.Http;

/// <summary>
/// Our GraphQL-over-HTTP transport (graphql/graphql-over-http, current draft): GET and POST, media-type negotiation,
/// the spec's status codes, API keys for writes, persisted documents and automatic persisted queries, ETags and 304s
/// for GET. docs/api.md, section "Transport", lists where the spec left us a choice and what we chose.
/// </summary>
internal sealed partial class GraphQLHttp(
    IDocumentExecuter<ISchema> executer,
    IGraphQLTextSerializer serializer,
    ISchema schema,
    IGraphStore store,
    GraphStoreReadiness readiness,
    ComplexitySizes sizes,
    ExpensiveRequests expensive,
    DocumentCache documents,
    GraphQLRequestReader reader,
    DocumentSource sources,
    ResponseCache responses,
    IOptions<ApiOptions> options,
    ILogger<GraphQLHttp> log)
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    private const string Json = "application/json";

    /// <summary>The transport's own answers escape only what JSON requires, as the GraphQL answers do.</summary>
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task HandleAsync(HttpContext http)
    {
        // HEAD: everything as for GET, the body left out (Kestrel would drop it; not every host does).
        if (HttpMethods.IsHead(http.Request.Method)) http.Response.Body = Stream.Null;
        try
        {
            await HandleCoreAsync(http);
        }
        catch (BadHttpRequestException e) when (!http.Response.HasStarted)
        {
            // Kestrel's own refusals while reading the body (cut short, too slow, too large): the client's fault.
            await Plain(http, e.StatusCode, "BAD_REQUEST", e.Message);
        }
        catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            // Whatever slipped past the checks above: a GraphQL error with a code, the details only in the log.
            log.LogError(e, "GraphQL request failed outside execution");
            http.Response.Clear();
            await Plain(http, 500, "INTERNAL_SERVER_ERROR", "An internal error occurred; it has been logged.");
        }
    }

    private async Task HandleCoreAsync(HttpContext http)
    {
        var o = options.Value;
        var mediaType = Negotiate(http.Request);
        if (mediaType is null)
        {
            await Plain(http, StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE", $"Accept {GraphQLResponseJson} or {Json}.");
            return;
        }
        // One clock for the whole request: parsing, validation, execution and writing the answer.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        deadline.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
        if (!readiness.IsReady)
        {
            // Reads would see an empty or stale graph and writes would land beside seeds that never loaded.
            http.Response.Headers.RetryAfter = "5";
            await Plain(http, 503, "NOT_READY", $"The graph is not ready: {readiness.Reason}. Nothing was read or written.", mediaType);
            return;
        }

        var get = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        var (request, requestError) = get ? reader.ReadGet(http.Request, o) : await reader.ReadPostAsync(http.Request, o);
        if (request is null)
        {
            var (status, code, message) = requestError!.Value;
            await Plain(http, status, code, message, mediaType);
            return;
        }

        // The document: free text, a persisted document by id, or an automatic persisted query by its hash.
        var (text, register, sourceError, unknown) = sources.Resolve(request);
        if (unknown is not null)
        {
            await PersistedQueryNotFound(http, unknown, mediaType);
            return;
        }
        if (sourceError is { } refused)
        {
            await Plain(http, refused.Status, refused.Code, refused.Message, mediaType);
            return;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            await Plain(http, 400, "QUERY_REQUIRED", "Send a GraphQL document as 'query' (or a persisted one as 'documentId' or 'extensions.persistedQuery').", mediaType);
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
        catch (GraphQLParserException e)
        {
            // A document that does not parse is still a well-formed GraphQL-over-HTTP request: legacy JSON clients get 200.
            var (code, message) = e is GraphQLMaxDepthExceededException
                ? ("DOCUMENT_TOO_DEEP", $"The document nests too deeply to be parsed (line {e.Location.Line}, column {e.Location.Column}); flatten it: queries may be at most {o.MaxDepth} fields deep.")
                : ("SYNTAX_ERROR", $"The document is not valid GraphQL: {e.Description} at line {e.Location.Line}, column {e.Location.Column}.");
            await Plain(http, mediaType == Json ? 200 : 400, code, message, mediaType);
            return;
        }
        catch (IndexOutOfRangeException)
        {
            // GraphQL-Parser 9.5 fails while quoting the line of some syntax errors (a carriage return inside the
            // document, found by the fuzzer): still a syntax error, without its place.
            await Plain(http, mediaType == Json ? 200 : 400, "SYNTAX_ERROR", "The document is not valid GraphQL (the parser could not say where).", mediaType);
            return;
        }

        var operation = FindOperation(document, request.OperationName, out var operationError);
        if (operation is null)
        {
            await Plain(http, mediaType == Json ? 200 : 422, "OPERATION_NOT_FOUND", operationError!, mediaType);
            return;
        }
        if (get && operation.Operation != OperationType.Query)
        {
            http.Response.Headers.Allow = "POST";
            await Plain(http, 405, "METHOD_NOT_ALLOWED", $"A {operation.Operation.ToString().ToLowerInvariant()} must be sent with POST.", mediaType);
            return;
        }
        if ((operation.Operation == OperationType.Mutation || o.RequireKeyForReads) && !Authorized(http.Request, o))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await Plain(http, 401, "UNAUTHENTICATED", Unauthenticated(http.Request, o, operation.Operation == OperationType.Mutation), mediaType);
            return;
        }
        if (operation.Operation == OperationType.Mutation && Writes(document, operation.SelectionSet) is { Count: > 1 } writes)
        {
            await Plain(http, mediaType == Json ? 200 : 422, "ONE_WRITE_PER_REQUEST",
                $"Send one write per request: each write is all-or-nothing on its own, so a request of several could leave some written and " +
                $"others not. This one has {writes.Count}: {string.Join(", ", writes)}. Nothing was written.", mediaType);
            return;
        }

        // Registered only now: a document its sender may not run (a write without a key, a mutation over GET) is not kept.
        if (register is not null) documents.Register(register, text);

        // GET answers are cacheable: the ETag changes with the data version, the day, the request and the media type.
        string? etag = null;
        var condition = Condition.None;
        var version = store.DataVersion;
        if (get)
        {
            etag = ETag(version, http.Request.QueryString.Value ?? "", mediaType);
            // Origin when browsers on other sites may call: only an allowed origin's answer carries
            // Access-Control-Allow-Origin, so a shared cache must not hand one origin's answer to another.
            http.Response.Headers.Vary = "Accept" + (o.RequireKeyForReads ? ", Authorization" : "") + (o.CorsOrigins.Count > 0 ? ", Origin" : "");
            http.Response.Headers.CacheControl = CacheControl(o);
            http.Response.Headers.ETag = etag;
            condition = IfNoneMatch(http.Request.Headers.IfNoneMatch, etag);
            if (condition == Condition.Tag)
            {
                http.Response.StatusCode = 304;
                return;
            }
            if (responses.Find(etag) is { } cached)
            {
                if (condition == Condition.Any)
                {
                    http.Response.StatusCode = 304;
                    return;
                }
                http.Response.ContentType = $"{mediaType}; charset=utf-8";
                http.Response.ContentLength = cached.Length;
                await http.Response.Body.WriteAsync(cached, http.RequestAborted);
                return;
            }
        }

        await ExecuteAsync(http, request, text, document, operation, mediaType, etag, condition, version, deadline);
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

    /// <summary>
    /// The response type: the one the client rates higher; on a tie application/graphql-response+json if the client
    /// names it, else application/json if it names that (a legacy client, "application/json, */*" included), else
    /// application/graphql-response+json. Media types are compared ignoring case. Null: neither is acceptable.
    /// </summary>
    private static string? Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0) return GraphQLResponseJson;
        double modern = -1, json = -1, application = -1, any = -1; // the best quality each is named with; -1: not named
        foreach (var type in accept)
        {
            var q = type.Quality ?? 1;
            var name = type.MediaType.Value ?? "";
            if (name.Equals(GraphQLResponseJson, StringComparison.OrdinalIgnoreCase)) modern = Math.Max(modern, q);
            else if (name.Equals(Json, StringComparison.OrdinalIgnoreCase)) json = Math.Max(json, q);
            else if (name.Equals("application/*", StringComparison.OrdinalIgnoreCase)) application = Math.Max(application, q);
            else if (name == "*/*") any = Math.Max(any, q);
        }
        // The most specific range that matches a type rates it (RFC 9110 12.5.1): "application/json;q=0, */*" refuses
        // JSON, and "application/*;q=0, */*" refuses both.
        var wildcard = application >= 0 ? application : any;
        var qModern = modern >= 0 ? modern : wildcard;
        var qJson = json >= 0 ? json : wildcard;
        if (qModern <= 0 && qJson <= 0) return null;
        if (qModern != qJson) return qModern > qJson ? GraphQLResponseJson : Json;
        return modern < 0 && json >= 0 ? Json : GraphQLResponseJson;
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

    /// <summary>Why a request without a valid key was refused: no key sent, a key the server does not know, or a server with no keys at all.</summary>
    private static string Unauthenticated(HttpRequest request, ApiOptions o, bool write)
    {
        var what = write ? "Writes need" : "This server needs";
        var after = write ? " Nothing was written." : "";
        if (!o.ApiKeys.Any(k => k.Length > 0))
            return $"{what} an API key, and this server has no API keys configured: set Api:ApiKeys (or WB6GRAPH_API_KEYS) and restart it.{after}";
        if (!request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return $"{what} an API key: send 'Authorization: Bearer <key>'.{after}";
        return $"The API key sent is not one this server accepts.{after}";
    }

    /// <summary>Whether the request carries one of the keys, byte for byte: a key with a space added is another key.</summary>
    internal static bool Authorized(HttpRequest request, ApiOptions o)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        var given = Encoding.UTF8.GetBytes(header[7..]);
        return o.ApiKeys.Any(k => k.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(k), given));
    }

    /// <summary>The day counts because some answers default to today (gaps without asOf).</summary>
    private static string ETag(long version, string query, string mediaType)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{DateOnly.FromDateTime(DateTime.UtcNow):yyyy-MM-dd}\n{mediaType}\n{query}"));
        return $"\"v{version}-{Convert.ToHexStringLower(hash.AsSpan(0, 8))}\"";
    }

    private enum Condition { None, Tag, Any }

    /// <summary>
    /// If-None-Match uses the weak comparison (RFC 9110 13.1.2): a W/ prefix does not matter. "*" asks whether any
    /// answer exists, which only the cache or the execution can tell.
    /// </summary>
    private static Condition IfNoneMatch(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        var any = false;
        foreach (var header in ifNoneMatch)
            foreach (var tag in (header ?? "").Split(',', StringSplitOptions.TrimEntries))
            {
                if (tag == "*") any = true;
                else if ((tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag) == etag) return Condition.Tag;
            }
        return any ? Condition.Any : Condition.None;
    }

    /// <summary>
    /// The writes of a mutation, as "alias (field)" or "field", through its fragments: one per response key (fields of
    /// one key are merged and run once), leaving out __typename and what @skip or @include leaves out by a literal.
    /// </summary>
    private static List<string> Writes(GraphQLDocument document, GraphQLSelectionSet selections)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Walk(GraphQLSelectionSet set)
        {
            foreach (var selection in set.Selections.Where(s => !LeftOut(s)))
                switch (selection)
                {
                    case GraphQLField f when f.Name.StringValue != "__typename":
                        found.TryAdd((f.Alias?.Name ?? f.Name).StringValue, f.Alias is { } a ? $"{a.Name.StringValue} ({f.Name.StringValue})" : f.Name.StringValue);
                        break;
                    case GraphQLInlineFragment inline:
                        Walk(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread when seen.Add(spread.FragmentName.Name.StringValue):
                        if (document.FindFragmentDefinition(spread.FragmentName.Name.Value) is { } fragment)
                            Walk(fragment.SelectionSet);
                        break;
                }
        }
        Walk(selections);
        return [.. found.Values];
    }

    /// <summary>A selection under @skip(if: true) or @include(if: false); one whose condition is a variable counts.</summary>
    private static bool LeftOut(ASTNode selection) =>
        selection is IHasDirectivesNode { Directives: { } directives } && directives.Items.Any(d =>
            d.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "if")?.Value is GraphQLBooleanValue condition
            && (d.Name.StringValue, condition.BoolValue) is ("skip", true) or ("include", false));

    /// <summary>Answers that need a key must not sit in shared caches.</summary>
    private static string CacheControl(ApiOptions o) => $"{(o.RequireKeyForReads ? "private" : "public")}, max-age={o.GetMaxAgeSeconds}, must-revalidate";

    /// <summary>
    /// The answer automatic persisted queries define for a hash that names no document: the client resends the request
    /// with its query. 200 whatever the media type, as Apollo Server and Apollo Router answer: clients that stop at a
    /// non-2xx status without reading the body (Apollo iOS, Apollo Client before 3.8 on 400) would never resend. Never
    /// stored: the same URL answers once the document is registered.
    /// </summary>
    private static async Task PersistedQueryNotFound(HttpContext http, string sha256, string mediaType)
    {
        http.Response.StatusCode = 200;
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            errors = new[]
            {
                new
                {
                    message = DocumentSource.NotFoundMessage,
                    extensions = new
                    {
                        code = DocumentSource.NotFoundCode,
                        sha256Hash = sha256,
                        detail = "No document is registered under this sha256Hash: send the request again with the document as 'query'.",
                    },
                },
            },
        }, Readable);
    }

    /// <summary>A request error as a GraphQL response without data; its media type is the negotiated one (or JSON for 406).</summary>
    private static async Task Plain(HttpContext http, int status, string code, string message, string mediaType = Json)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            errors = new[] { new { message, extensions = new { code } } },
        }, Readable);
    }

}
