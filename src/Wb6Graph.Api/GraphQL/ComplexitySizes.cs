using Microsoft.Extensions.Options;
using Wb6Graph.Embedded;
using Wb6Graph.Hosting;

namespace Wb6Graph.Api.GraphQL;

/// <summary>
/// How many items a list field returns, for the cost analysis. Lists that are short by construction (a gap report's
/// items, a path's steps) have their typical size; lists sized by an argument (k, limit) use the argument; an entity's
/// relations and neighbours use the store's real degrees: the largest degree for one entity's list, a high percentile
/// of the distribution for a list asked of many entities at once (the answer budget stops the rare page of hubs).
/// </summary>
internal sealed class ComplexitySizes(IServiceProvider services, IOptions<GraphStoreOptions> store)
{
    /// <summary>An unknown list's size, and the degree used when the store cannot tell (Neo4j).</summary>
    public const double DefaultList = 10;

    private static readonly Dictionary<(string Type, string Field), double> Typical = new()
    {
        [("Query", "gaps")] = 6, // the WB6; one with `country`
        [("Query", "centrality")] = 20, // the default limits, when none is given
        [("Query", "suggestedLinks")] = 10,
        [("GapReport", "items")] = 13, // the EU-alignment template
        [("GapItem", "evidence")] = 5, // Engine:GapEvidence
        [("Path", "entities")] = 4,
        [("Path", "steps")] = 3,
        [("Path", "relations")] = 4,
        [("PathStep", "relations")] = 2,
        [("Entity", "sources")] = 2,
        [("Entity", "citations")] = 2,
        [("Relation", "sources")] = 2,
        [("Relation", "citations")] = 2,
        [("Subgraph", "entities")] = 50,
        [("Subgraph", "relations")] = 100,
        [("LinkSuggestion", "sharedNeighbours")] = 5,
        [("GapCell", "via")] = 3,
    };

    /// <summary>Lists whose length is an entity's degree.</summary>
    private static readonly HashSet<(string, string)> ByDegree = [("Entity", "relations"), ("Entity", "neighbours"), ("Entity", "timeline")];

    /// <summary>An entity's timeline lists at most this many entries (EntityGraphType).</summary>
    private const double TimelineLength = 500;

    public static readonly string[] SizeArguments = ["k", "limit"]; // `first` belongs to connections, sized apart

    private GraphFigures? _figures;
    private EmbeddedGraphStore? _embedded;

    /// <summary>The figures of the graph as it is now (recomputed when a write publishes a new snapshot).</summary>
    public GraphFigures Figures()
    {
        if (store.Value.Backend != "Embedded") return new GraphFigures(-1, DefaultList, DefaultList, 200);
        var snapshot = (_embedded ??= services.GetRequiredService<EmbeddedGraphStore>()).Snapshot;
        if (_figures is { } f && f.Version == snapshot.Version) return f;
        var degrees = snapshot.Degrees;
        return _figures = new GraphFigures(snapshot.Version, Math.Max(1, degrees.Max), Math.Max(1, degrees.P99), Math.Max(1, snapshot.SourceCount));
    }

    /// <summary>The typical size of a list field that no argument sizes; single: asked of one parent, not of a list of them.</summary>
    public static double Of(GraphFigures figures, string type, string field, bool single)
    {
        if (ByDegree.Contains((type, field)))
        {
            var degree = single ? figures.MaxDegree : figures.HighDegree;
            return field == "timeline" ? Math.Min(degree, TimelineLength) : degree;
        }
        if ((type, field) == ("Query", "sources")) return figures.Sources;
        return Typical.TryGetValue((type, field), out var size) ? size : DefaultList;
    }
}

/// <summary>The store's figures that list sizes come from, at one data version.</summary>
internal sealed record GraphFigures(long Version, double MaxDegree, double HighDegree, double Sources);
