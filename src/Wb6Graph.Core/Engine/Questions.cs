using Wb6Graph.Gaps;
using Wb6Graph.Model;

namespace Wb6Graph.Engine;

/// <summary>How a shortest path is measured: by hops, or by evidence (H relations cost less than M, M less than L).</summary>
public enum PathWeighting : byte
{
    Hops,
    Evidence,
}

public enum CentralityMeasure : byte
{
    Betweenness,
    Degree,
}

public enum LinkScore : byte
{
    CommonNeighbours,
    AdamicAdar,
    ResourceAllocation,
    PreferentialAttachment,
}

/// <summary>What a traversal may use: relation types, the kinds of the entities passed through, a date, and direction.</summary>
public sealed record TraversalOptions(
    IReadOnlySet<RelationType>? Types = null,
    IReadOnlySet<EntityKind>? Kinds = null,
    DateOnly? AsOf = null,
    bool ForwardOnly = false,
    int? MaxHops = null);

/// <summary>One step of a path: every admitted relation that links two consecutive entities, either way.</summary>
public sealed record PathStep(string From, string To, IReadOnlyList<Relation> Relations);

/// <summary>A path of distinct entities, with the evidence for each step and the window in which all of it held.</summary>
public sealed record GraphPath(IReadOnlyList<Entity> Entities, IReadOnlyList<PathStep> Steps, double Cost)
{
    public int Length => Steps.Count;

    public IEnumerable<Relation> Relations => Steps.SelectMany(s => s.Relations);

    /// <summary>The weakest of the best relation of each step: a chain is as strong as its weakest link.</summary>
    public Confidence? WeakestConfidence => Steps.Count == 0 ? null : Steps.Max(s => s.Relations.Min(r => r.Confidence));

    /// <summary>The latest start of any step (each step counts from its earliest-starting relation).</summary>
    public DateOnly? ValidFrom => Steps.Select(s => s.Relations.Any(r => r.ValidFrom is null) ? null : s.Relations.Min(r => r.ValidFrom)).Max();

    /// <summary>The earliest end of any step (each step lasts as long as its longest-lasting relation).</summary>
    public DateOnly? ValidTo => Steps.Select(s => s.Relations.Any(r => r.ValidTo is null) ? (DateOnly?)null : s.Relations.Max(r => r.ValidTo))
        .Where(d => d is not null).DefaultIfEmpty(null).Min();
}

/// <summary>An answer cut short by a bound; Capped says so, so clients never mistake it for the whole answer.</summary>
public sealed record Bounded<T>(T Value, bool Capped);

/// <summary>
/// Entities and the relations among them. Truncated: a bound left entities out, the client's limit or a server cap;
/// Capped: a server cap (Engine:MaxDepth, Engine:MaxNeighbourhood) did, so the client cannot get more by asking.
/// </summary>
public sealed record Subgraph(IReadOnlyList<Entity> Entities, IReadOnlyList<Relation> Relations, bool Truncated, bool Capped = false);

public sealed record RankedEntity(Entity Entity, double Score, int Rank);

public sealed record LinkSuggestion(string From, string To, double Score, LinkScore Method, IReadOnlyList<string> SharedNeighbours);

public enum GapStatus : byte
{
    Present,
    Missing,
    Expired,
    NotEligible,
}

public sealed record GapItemReport(GapTemplateItem Item, GapStatus Status, IReadOnlyList<GraphPath> Evidence);

public sealed record GapReport(string Country, string Template, double Score, IReadOnlyList<GapItemReport> Items);

/// <summary>One cell of a gap matrix: whether 'from' reaches 'to', directly or within maxHops, and through whom.</summary>
public sealed record GapCell(string From, string To, bool Direct, int? Distance, IReadOnlyList<string> Via);
