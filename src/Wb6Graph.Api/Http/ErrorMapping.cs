using GraphQL;
using GraphQL.Execution;
using Wb6Graph.Model;

namespace Wb6Graph.Api.Http;

/// <summary>Turns the store's and engine's refusals into GraphQL errors that name the argument and the bad value; anything else stays opaque.</summary>
internal static class ErrorMapping
{
    public static Task MapAsync(UnhandledExceptionContext context, ILogger log)
    {
        switch (context.OriginalException)
        {
            case GraphValidationException e:
                var error = new ExecutionError(string.Join("; ", e.Errors.Select(x => x.ToString()))) { Code = "BAD_USER_INPUT" };
                error.Data["details"] = e.Errors.Select(x => new Dictionary<string, object?> { ["field"] = x.Where, ["value"] = x.Value, ["message"] = x.Message }).ToList();
                context.Exception = error;
                break;
            case NotFoundException e:
                context.Exception = new ExecutionError(e.Message) { Code = "NOT_FOUND" };
                context.Exception.Data["field"] = "id";
                context.Exception.Data["value"] = e.Id;
                break;
            case Wb6Graph.Neo4j.Neo4jException { IsTransient: true }:
                // The server's address stays in the log; the client learns that retrying is the remedy.
                context.Exception = new ExecutionError("The graph store (Neo4j) is unavailable right now; retry shortly.") { Code = "STORE_UNAVAILABLE" };
                break;
            case OperationCanceledException:
                context.Exception = new ExecutionError("The request was cancelled or took too long.") { Code = "TIMEOUT" };
                break;
            default:
                log.LogError(context.OriginalException, "GraphQL field {Field} failed", context.FieldContext?.FieldDefinition.Name ?? "(none)");
                context.ErrorMessage = "An internal error occurred; it has been logged.";
                break;
        }
        return Task.CompletedTask;
    }
}
