using GraphQL.DataLoader;
using GraphQL.Types;

namespace Wb6Graph.Api.GraphQL;

/// <summary>A calendar date, YYYY-MM-DD: GraphQL.NET's DateOnly scalar under the name the schema promises.</summary>
internal sealed class DateGraphType : DateOnlyGraphType
{
    public DateGraphType()
    {
        Name = "Date";
        Description = "A calendar date, written YYYY-MM-DD.";
    }
}

/// <summary>A result computed when the execution strategy awaits it, after the level's batch loaders have been queued.</summary>
internal sealed class Deferred<T>(Func<CancellationToken, Task<T>> compute) : IDataLoaderResult<T>
{
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => compute(cancellationToken);

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await compute(cancellationToken);
}

/// <summary>
/// A load that depends on another: GraphQL.NET's execution strategy queues the result of <paramref name="next"/> behind
/// the other pending loads, so the second level batches across a whole page too.
/// </summary>
internal sealed class Then<T>(IDataLoaderResult<T> first, Func<T, IDataLoaderResult> next) : IDataLoaderResult
{
    public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default) => next(await first.GetResultAsync(cancellationToken));
}
