namespace Wb6Graph.Hosting;

/// <summary>The <c>GraphStore</c> configuration section.</summary>
public sealed class GraphStoreOptions
{
    public const string Section = "GraphStore";

    /// <summary>Embedded (SQLite + in-memory snapshot, the default) or Neo4j.</summary>
    public string Backend { get; set; } = "Embedded";

    /// <summary>Where the embedded store keeps its SQLite file; relative paths are taken from the repository root when run from a checkout.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>An in-memory database for tests; nothing survives the process.</summary>
    public bool InMemory { get; set; }

    /// <summary>The curated seed folder, validated and loaded at start when <see cref="LoadSeedsAtStart"/> is set.</summary>
    public string SeedsDirectory { get; set; } = "graph-seeds";

    public bool LoadSeedsAtStart { get; set; } = true;

    public int RelationDetailLimit { get; set; } = 1_000_000;

    /// <summary>A database file that is corrupt or empty: Stop (refuse to start, change nothing) or StartFresh (keep it aside, start empty).</summary>
    public Wb6Graph.Embedded.CorruptDatabase OnCorruptDatabase { get; set; } = Wb6Graph.Embedded.CorruptDatabase.Stop;
}
