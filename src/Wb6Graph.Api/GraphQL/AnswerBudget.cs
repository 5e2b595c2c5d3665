using System.Collections;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace Wb6Graph.Api.GraphQL;

/// <summary>
/// How much of an answer one request may build, counted in result nodes (one per field of each object, one per list
/// item) as GraphQL.NET creates them. Past the budget the request's work is cancelled before the next list or object
/// is built: the answer is refused with ANSWER_TOO_LARGE, never built and then thrown away.
/// </summary>
internal sealed class AnswerBudget(long maxNodes, CancellationTokenSource cancel)
{
    /// <summary>The key under which a request's budget travels in the execution's user context.</summary>
    public const string Key = "wb6graph.answerBudget";

    /// <summary>
    /// What one result node costs in memory while the answer is built and written: GraphQL.NET's node, the value, and
    /// its share of the JSON. Measured on a list of 3,000 relations with both ends (27,002 nodes): the server allocated
    /// about 200 bytes a node in all, from execution to the last byte written, not all of it held at once.
    /// </summary>
    public const long BytesPerNode = 200;

    private long _nodes;

    public long MaxNodes => maxNodes;

    public long Nodes => Interlocked.Read(ref _nodes);

    public bool Exceeded { get; private set; }

    public void Add(long nodes)
    {
        if (Interlocked.Add(ref _nodes, nodes) <= maxNodes || Exceeded) return;
        Exceeded = true;
        cancel.Cancel();
        cancel.Token.ThrowIfCancellationRequested();
    }
}

/// <summary>
/// GraphQL.NET's serial strategy (our resolvers answer from memory: running fields one by one beats a task per field),
/// charging each list and object to the request's <see cref="AnswerBudget"/> before its nodes are made.
/// </summary>
internal sealed class BudgetedExecutionStrategy : SerialExecutionStrategy
{
    protected override Task SetArrayItemNodesAsync(ExecutionContext context, ArrayExecutionNode parent)
    {
        if (Budget(context) is { } budget && parent.Result is ICollection items) budget.Add(items.Count);
        return base.SetArrayItemNodesAsync(context, parent);
    }

    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        Budget(context)?.Add(parent.Field?.SelectionSet?.Selections.Count ?? 1);
        base.SetSubFieldNodes(context, parent);
    }

    private static AnswerBudget? Budget(ExecutionContext context) =>
        context.UserContext.TryGetValue(AnswerBudget.Key, out var value) ? value as AnswerBudget : null;
}
