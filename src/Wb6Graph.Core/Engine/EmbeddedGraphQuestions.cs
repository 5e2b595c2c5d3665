using Wb6Graph.Gaps;
using Wb6Graph.Model;

namespace Wb6Graph.Engine;

/// <summary>The questions answered in process by <see cref="GraphEngine"/>; its answers are already in memory, so the tasks complete at once.</summary>
public sealed class EmbeddedGraphQuestions(GraphEngine engine) : IGraphQuestions
{
    public Task<Bounded<GraphPath?>> ShortestPathAsync(string from, string to, TraversalOptions options, PathWeighting weighting = PathWeighting.Hops, CancellationToken ct = default) =>
        Run(() => engine.ShortestPath(from, to, options, weighting, ct));

    public Task<Bounded<IReadOnlyList<GraphPath>>> PathsAsync(string from, string to, int k, TraversalOptions options, PathWeighting weighting = PathWeighting.Hops, CancellationToken ct = default) =>
        Run(() => engine.Paths(from, to, k, options, weighting, ct));

    public Task<Subgraph> NeighbourhoodAsync(string id, int depth, TraversalOptions options, int? limit = null, CancellationToken ct = default) =>
        Run(() => engine.Neighbourhood(id, depth, options, limit, ct));

    public Task<Bounded<IReadOnlyList<RankedEntity>>> CentralityAsync(CentralityMeasure measure, IReadOnlySet<EntityKind>? kinds, DateOnly? asOf, int? limit, CancellationToken ct = default) =>
        Run(() => engine.Centrality(measure, kinds, asOf, limit, ct));

    public Task<Bounded<IReadOnlyList<LinkSuggestion>>> SuggestedLinksAsync(
        string? id, IReadOnlySet<EntityKind>? fromKinds, IReadOnlyList<string>? countries, IReadOnlySet<EntityKind>? toKinds, LinkScore method, int? limit, DateOnly? asOf,
        CancellationToken ct = default) =>
        Run(() => engine.SuggestedLinks(id, fromKinds, countries, toKinds, method, limit, asOf, ct));

    public Task<IReadOnlyList<GapReport>> GapsAsync(GapTemplate template, string? country, DateOnly asOf, CancellationToken ct = default) =>
        Run(() => engine.Gaps(template, country, asOf, ct));

    public Task<Bounded<IReadOnlyList<GapCell>>> GapMatrixAsync(IReadOnlyList<string> from, IReadOnlyList<string> to, TraversalOptions options, CancellationToken ct = default) =>
        Run(() => engine.GapMatrix(from, to, options, ct));

    // Exceptions travel in the task, as they would from a real asynchronous backend, so callers handle both alike.
    private static Task<T> Run<T>(Func<T> question)
    {
        try
        {
            return Task.FromResult(question());
        }
        catch (OperationCanceledException e)
        {
            return Task.FromCanceled<T>(e.CancellationToken.IsCancellationRequested ? e.CancellationToken : new CancellationToken(true));
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }
}
