using Wb6Graph.Gaps;
using Wb6Graph.Model;

namespace Wb6Graph.Engine;

/// <summary>
/// The path, gap, centrality and suggestion questions, whatever backend answers them: the embedded engine over its
/// snapshot, or Cypher executed in Neo4j. Both give the same records, the same validation errors and the same bounds.
/// </summary>
public interface IGraphQuestions
{
    Task<Bounded<GraphPath?>> ShortestPathAsync(string from, string to, TraversalOptions options, PathWeighting weighting = PathWeighting.Hops, CancellationToken ct = default);

    /// <summary>The k shortest simple paths, ranked by hops (or evidence cost).</summary>
    Task<Bounded<IReadOnlyList<GraphPath>>> PathsAsync(string from, string to, int k, TraversalOptions options, PathWeighting weighting = PathWeighting.Hops, CancellationToken ct = default);

    /// <summary>Entities within <paramref name="depth"/> hops and the admitted relations among them.</summary>
    Task<Subgraph> NeighbourhoodAsync(string id, int depth, TraversalOptions options, int? limit = null, CancellationToken ct = default);

    Task<Bounded<IReadOnlyList<RankedEntity>>> CentralityAsync(CentralityMeasure measure, IReadOnlySet<EntityKind>? kinds, DateOnly? asOf, int? limit, CancellationToken ct = default);

    /// <summary>
    /// Without <paramref name="id"/>, across the graph: only from entities of <paramref name="fromKinds"/> and, when
    /// <paramref name="countries"/> names some, only from those countries and the entities whose country they are.
    /// With an id, both are ignored; the countries must still be Country ids.
    /// </summary>
    Task<Bounded<IReadOnlyList<LinkSuggestion>>> SuggestedLinksAsync(
        string? id, IReadOnlySet<EntityKind>? fromKinds, IReadOnlyList<string>? countries, IReadOnlySet<EntityKind>? toKinds, LinkScore method, int? limit, DateOnly? asOf,
        CancellationToken ct = default);

    /// <summary>A gap template evaluated for one country (or all of the template's countries) on a date.</summary>
    Task<IReadOnlyList<GapReport>> GapsAsync(GapTemplate template, string? country, DateOnly asOf, CancellationToken ct = default);

    Task<Bounded<IReadOnlyList<GapCell>>> GapMatrixAsync(IReadOnlyList<string> from, IReadOnlyList<string> to, TraversalOptions options, CancellationToken ct = default);
}

/// <summary>A question this backend cannot answer as configured (e.g. betweenness without Neo4j's GDS plugin).</summary>
public sealed class QuestionUnavailableException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
