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
