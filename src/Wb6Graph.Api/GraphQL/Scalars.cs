using GraphQL.DataLoader;
using GraphQL.Types;
using GraphQLParser.AST;
using Wb6Graph.Model;

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

/// <summary>
/// A date as precise as the sources give it: <c>2024-06-11</c>, <c>2013-02</c> or <c>2010</c>. The text is the value, so the
/// precision travels with it; a year is never turned into 1 January.
/// </summary>
internal sealed class PartialDateGraphType : ScalarGraphType
{
    public PartialDateGraphType()
    {
        Name = "PartialDate";
        Description = "A date as precise as the sources give it: YYYY-MM-DD (a day), YYYY-MM (a month) or YYYY (a year).";
    }

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        PartialDate d => d.ToString(),
        DateOnly d => PartialDate.Day(d).ToString(),
        _ => ThrowSerializationError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        PartialDate d => d,
        string text when PartialDate.TryParse(text, out var d) => d,
        _ => ThrowValueConversionError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s when PartialDate.TryParse((string)s.Value, out var d) => d,
        _ => ThrowLiteralConversionError(value, "write YYYY-MM-DD, YYYY-MM or YYYY"),
    };

    public override bool CanParseLiteral(GraphQLValue value) =>
        value is GraphQLNullValue || (value is GraphQLStringValue s && PartialDate.TryParse((string)s.Value, out _));

    public override bool CanParseValue(object? value) =>
        value is null or PartialDate || (value is string text && PartialDate.TryParse(text, out _));
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
