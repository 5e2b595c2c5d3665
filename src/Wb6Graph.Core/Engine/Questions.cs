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

    /// <summary>The latest start of any step (each step counts from its earliest-starting relation: an act from its date).</summary>
    public PartialDate? ValidFrom => Steps.Select(s => s.Relations.Any(r => r.Start is null) ? null : s.Relations.Min(r => r.Start)).Max();

    /// <summary>The earliest end of any step (each step lasts as long as its longest-lasting relation; an act never ends).</summary>
    public PartialDate? ValidTo => Steps.Select(s => s.Relations.Any(r => r.End is null) ? (PartialDate?)null : s.Relations.Max(r => r.End))
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

public sealed record LinkSuggestion(string From, string To, double Score, LinkScore Method, IReadOnlyList<string> SharedNeighbours)
{
    /// <summary>The institutional relation types that could join the two, either way.</summary>
    public IReadOnlyList<RelationType> Types { get; init; } = [];
}

/// <summary>
/// Where a country stands on one expected link on a date. MISSING needs a documented absence; with no evidence either
/// way the link is UNKNOWN, never "missing".
/// </summary>
public enum GapStatus : byte
{
    /// <summary>A chain of the pattern holds on the date.</summary>
    Present,

    /// <summary>A documented absence, valid on the date, says the link does not exist.</summary>
    Missing,

    /// <summary>A chain held before the date and has ended.</summary>
    Expired,

    /// <summary>The item is open to member states only.</summary>
    NotEligible,

    /// <summary>Partly there: a law partly aligned or only drafted, or adopted and not yet applicable.</summary>
    Partial,

    /// <summary>No evidence either way; the research record says what was consulted.</summary>
    Unknown,
}

/// <summary>
/// One item of a gap report: its status, the chains that show it (PRESENT, PARTIAL, EXPIRED) or the absences that
/// document it (MISSING), whether a date known only to the month or year leaves it open on the day asked, and a
/// short explanation for PARTIAL.
/// </summary>
public sealed record GapItemReport(GapTemplateItem Item, GapStatus Status, IReadOnlyList<GraphPath> Evidence)
{
    public IReadOnlyList<Absence> Absences { get; init; } = [];

    public bool Uncertain { get; init; }

    public string? Detail { get; init; }

    /// <summary>The country the item is about.</summary>
    public string Country { get; init; } = "";

    /// <summary>Researched: the status rests on evidence (anything but UNKNOWN and NOT_ELIGIBLE).</summary>
    public bool Researched => Status is not (GapStatus.Unknown or GapStatus.NotEligible);
}

/// <summary>
/// A country's report. Score: over the researched eligible items that count (PRESENT 1, PARTIAL 0.5), null when none
/// is researched. Coverage: researched / eligible, over the items that count.
/// </summary>
public sealed record GapReport(string Country, string Template, double? Score, IReadOnlyList<GapItemReport> Items)
{
    public int Eligible => Items.Count(i => i.Status != GapStatus.NotEligible && i.Item.CountsInScore);

    public int Researched => Items.Count(i => i.Researched && i.Item.CountsInScore);

    public double Coverage => Eligible == 0 ? 0 : Math.Round((double)Researched / Eligible, 4);
}

/// <summary>One cell of a gap matrix: whether 'from' reaches 'to', directly or within maxHops, and through whom.</summary>
public sealed record GapCell(string From, string To, bool Direct, int? Distance, IReadOnlyList<string> Via);
