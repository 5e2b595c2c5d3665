namespace Wb6Graph.Model;

/// <summary>What research into one expected link of one country came to.</summary>
public enum ResearchOutcome : byte
{
    /// <summary>Evidence was found: the link is in the graph.</summary>
    Found,

    /// <summary>A source documents that the link does not exist: an absence is in the graph.</summary>
    AbsenceDocumented,

    /// <summary>Nothing either way was found in what was consulted.</summary>
    NotFound,
}

/// <summary>One thing consulted: a source of the graph, an address, or a search, and what it gave.</summary>
public sealed record ResearchStep(string? Source, string? Url, string? Query, string Result);

/// <summary>
/// The research record of one gap item for one country: what was consulted, when, and what it came to. It lets the
/// next curator start where the last one stopped, and it is what an UNKNOWN cell shows instead of a false "missing".
/// </summary>
public sealed record ResearchRecord(
    string Country,
    string Item,
    DateOnly Checked,
    ResearchOutcome Outcome,
    IReadOnlyList<ResearchStep> Consulted,
    string Conclusion);
