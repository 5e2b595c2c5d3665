namespace Wb6Graph.Engine;

/// <summary>The <c>Engine</c> configuration section: bounds on the work one question may ask for.</summary>
public sealed class EngineLimits
{
    public const string Section = "Engine";

    public int DefaultMaxHops { get; set; } = 6;

    public int MaxHops { get; set; } = 10;

    public int MaxK { get; set; } = 10;

    public int MaxDepth { get; set; } = 4;

    /// <summary>At most this many entities in a neighbourhood.</summary>
    public int MaxNeighbourhood { get; set; } = 500;

    /// <summary>At most this many items in a ranked list (centrality, suggestions).</summary>
    public int MaxResults { get; set; } = 200;

    /// <summary>Link suggestions stop after scoring this many (entity, candidate) pairs and say they were capped.</summary>
    public int SuggestionWork { get; set; } = 2_000_000;

    /// <summary>Betweenness is exact up to this many source entities and estimated from a seeded sample above it.</summary>
    public int CentralitySources { get; set; } = 2_000;

    /// <summary>Paths found per gap item, as evidence.</summary>
    public int GapEvidence { get; set; } = 5;

    /// <summary>
    /// A neighbourhood's bounds, for both stores: the depth and size asked (no limit: the cap), lowered to the caps, and
    /// whether each cap lowered them. An answer is capped only if a lowered bound then left someone out.
    /// </summary>
    public (int Depth, int Size, bool DepthCapped, bool SizeCapped) Neighbourhood(int depth, int? limit) =>
        (Math.Min(depth, MaxDepth), Math.Min(limit ?? MaxNeighbourhood, MaxNeighbourhood), depth > MaxDepth, limit is null || limit > MaxNeighbourhood);

    /// <summary>A ranked list's length: the limit asked (or the default), lowered to MaxResults, and whether it was.</summary>
    public (int Size, bool Capped) Ranked(int? limit, int fallback) => (Math.Min(limit ?? fallback, MaxResults), (limit ?? fallback) > MaxResults);
}
