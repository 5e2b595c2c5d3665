namespace Wb6Graph.Embedded;

/// <summary>Where the embedded store keeps its SQLite file, and how much it keeps in memory.</summary>
public sealed class EmbeddedStoreOptions
{
    public string DataDirectory { get; set; } = "data";

    public string FileName { get; set; } = "wb6graph.db";

    /// <summary>An in-memory database that lives as long as the store: for tests.</summary>
    public bool InMemory { get; set; }

    /// <summary>Up to this many relations the snapshot keeps whole relation records; past it they are read from SQLite on demand.</summary>
    public int RelationDetailLimit { get; set; } = 1_000_000;
}
