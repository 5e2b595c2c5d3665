using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using GraphQL.Validation.Rules;
using GraphQLParser.AST;
using Microsoft.Net.Http.Headers;
using Wb6Graph.Api.GraphQL;

namespace Wb6Graph.Api.Http;

/// <summary>
/// A request's bounded run: priced before anything runs (complexity, depth, merged fields), given a turn when it is
/// expensive, built within its answer budget, and cancelled as a whole when Api:TimeoutSeconds runs out or the client
/// leaves. Parsing came before, under the same clock.
/// </summary>
internal sealed partial class GraphQLHttp
{
    /// <summary>The spec's rules less the one we run ourselves, in linear time (<see cref="FieldMerging"/>).</summary>
    private static readonly IValidationRule[] Rules = [.. DocumentValidator.CoreRules.Where(r => r is not OverlappingFieldsCanBeMerged)];

    private async Task ExecuteAsync(HttpContext http, GraphQLRequest request, string text, GraphQLDocument document, GraphQLOperationDefinition operation,
        string mediaType, string? etag, Condition condition, long version, CancellationTokenSource deadline)
    {
        var o = options.Value;
        var refused = mediaType == Json ? 200 : 422;
        schema.Initialize(); // GraphQL.NET resolves field types on first use; the price needs them from the first request on
        var cost = DocumentCost.Measure(document, operation, schema, request.Variables, sizes.Figures(), o.MaxPageSize);
        if (cost.Depth > o.MaxDepth)
        {
            await Plain(http, refused, "DEPTH", $"The query nests {cost.Depth} fields deep; at most {o.MaxDepth} are allowed (Api:MaxDepth).", mediaType);
            return;
        }
        if (cost.Complexity > o.MaxComplexity)
        {
            await Plain(http, refused, "COMPLEXITY",
                $"The query's complexity is {Figure(cost.Complexity)}, over the limit of {o.MaxComplexity:N0} (Api:MaxComplexity): each field counts once per item " +
                "of the lists above it, an entity's relations as many as the graph's entities have. Ask for fewer items (first, limit, k) or fewer nested lists.", mediaType);
            return;
        }
        var validated = documents.IsValidated(operation);
        if (!validated && FieldMerging.Conflicts(document, operation, o.MaxErrors) is { Count: > 0 } conflicts)
        {
            await Errors(http, refused, "OVERLAPPING_FIELDS_CAN_BE_MERGED", conflicts, mediaType);
            return;
        }

        var isExpensive = cost.AsksEngine || cost.Complexity >= o.ExpensiveComplexity;
        IDisposable? turn = NoTurn.Instance;
        if (isExpensive)
        {
            // The wait for a turn has its own bound (Api:ExpensiveWaitSeconds); the clock stops meanwhile and starts again
            // with the turn: the timeout bounds a request's own work, not its place in the queue.
            deadline.CancelAfter(Timeout.InfiniteTimeSpan);
            try
            {
                turn = await expensive.EnterAsync(http.RequestAborted);
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                return; // the client left while waiting
            }
            deadline.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
        }
        using var held = turn;
        if (turn is null)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, o.ExpensiveWaitSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Plain(http, 429, "TOO_MANY_REQUESTS",
                $"Too many expensive requests are running or waiting ({o.ExpensiveConcurrency} at once, {o.ExpensiveQueue} waiting); retry after a few seconds.", mediaType);
            return;
        }

        var budget = new AnswerBudget(o.MaxAnswerBytes / AnswerBudget.BytesPerNode, deadline);
        ExecutionResult result;
        try
        {
            var execution = new ExecutionOptions
            {
                // A persisted document was already resolved above through the loader GraphQL.NET's persisted-document
                // handler uses; passing its text and parsed form lets it share the caches of free-form queries.
                Query = text,
                Document = document,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                RequestServices = http.RequestServices,
                CancellationToken = deadline.Token,
                UserContext = new Dictionary<string, object?> { [AnswerBudget.Key] = budget },
                UnhandledExceptionDelegate = context => ErrorMapping.MapAsync(context, log),
                // A document that passed the spec's validation rules, which depend on the document alone, passes them
                // again; it was priced above with this request's variables (k, limit), and variable coercion runs regardless.
                ValidationRules = validated ? [] : Rules,
            };
            result = turn is NoTurn ? await executer.ExecuteAsync(execution) : await expensive.RunAsync(() => executer.ExecuteAsync(execution));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            await Cancelled(http, budget, mediaType);
            return;
        }
        if (deadline.IsCancellationRequested)
        {
            // Cancelled inside a field: GraphQL.NET may still hand back a result, but it is not the answer.
            await Cancelled(http, budget, mediaType);
            return;
        }
        if (result.Executed) documents.MarkValidated(operation);
        if (result.Errors is { Count: var count } errors && count > o.MaxErrors)
        {
            var kept = new ExecutionErrors();
            foreach (var error in errors.Take(o.MaxErrors)) kept.Add(error);
            kept.Add(new ExecutionError($"{count - o.MaxErrors} more errors are left out (Api:MaxErrors is {o.MaxErrors}).") { Code = "TOO_MANY_ERRORS" });
            result.Errors = kept;
        }

        try
        {
            await WriteAsync(http, result, mediaType, etag, condition, version, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            if (!http.Response.HasStarted)
            {
                http.Response.Clear();
                await Cancelled(http, budget, mediaType);
            }
            else http.Abort(); // half an answer must not pass for a whole one
        }
    }

    private async Task WriteAsync(HttpContext http, ExecutionResult result, string mediaType, string? etag, Condition condition, long version, CancellationToken ct)
    {
        var o = options.Value;
        var status = StatusOf(result, mediaType);
        if (etag is not null && status == 200 && result.Errors is not { Count: > 0 })
        {
            // Only complete answers are cacheable; they are kept serialized for the next identical GET.
            var buffer = new MemoryStream();
            await serializer.WriteAsync(buffer, result, ct);
            var body = buffer.ToArray();
            if (o.ResponseCacheBytes > 0) responses.Add(version, etag, body);
            if (condition == Condition.Any)
            {
                // "*": any current answer will do, and this request has one (an answer with errors has none).
                http.Response.StatusCode = 304;
                return;
            }
            http.Response.StatusCode = status;
            http.Response.ContentType = $"{mediaType}; charset=utf-8";
            http.Response.ContentLength = body.Length;
            await http.Response.Body.WriteAsync(body, ct);
            return;
        }
        http.Response.StatusCode = status;
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        http.Response.Headers.Remove(HeaderNames.ETag);
        http.Response.Headers.Remove(HeaderNames.CacheControl);
        await serializer.WriteAsync(http.Response.Body, result, ct);
    }

    /// <summary>The answer outgrew its budget (422), or the time ran out (504); a client that left gets nothing.</summary>
    private async Task Cancelled(HttpContext http, AnswerBudget budget, string mediaType)
    {
        if (http.RequestAborted.IsCancellationRequested && !budget.Exceeded) return;
        ClearCaching(http);
        var o = options.Value;
        if (budget.Exceeded)
            await Plain(http, mediaType == Json ? 200 : 422, "ANSWER_TOO_LARGE",
                $"The answer would hold more than {budget.MaxNodes:N0} values (Api:MaxAnswerBytes, {o.MaxAnswerBytes / (1024 * 1024):N0} MB); it was not built. " +
                "Ask for fewer items (first, limit), fewer nested lists, or page through them.", mediaType);
        else
            await Plain(http, 504, "TIMEOUT", $"The request took longer than {o.TimeoutSeconds} s (Api:TimeoutSeconds) and was stopped.", mediaType);
    }

    private static void ClearCaching(HttpContext http)
    {
        http.Response.Headers.Remove(HeaderNames.ETag);
        http.Response.Headers.Remove(HeaderNames.CacheControl);
    }

    private static string Figure(double value) => value >= 1e15 ? "over 10^15" : value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Several request errors of one code, as a GraphQL response without data.</summary>
    private static async Task Errors(HttpContext http, int status, string code, IEnumerable<string> messages, string mediaType)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            errors = messages.Select(message => new { message, extensions = new { code } }).ToArray(),
        }, Readable);
    }

    private sealed class NoTurn : IDisposable
    {
        public static readonly NoTurn Instance = new();

        public void Dispose()
        {
        }
    }
}
