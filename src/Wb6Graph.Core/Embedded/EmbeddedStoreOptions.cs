namespace Wb6Graph.Embedded;

/// <summary>Where the embedded store keeps its SQLite file, and how much it keeps in memory.</summary>
public sealed class EmbeddedStoreOptions
{
    public string DataDirectory { get; set; } = "data";

    public string FileName { get; set; } = "wb6graph.db";

    /// <summary>An in-memory database that lives as long as the store: for tests.</summary>
    public bool InMemory { get; set; }

    /// <summary>What to do with a database file that is corrupt or empty: stop (the default), or keep it aside and start afresh.</summary>
    public CorruptDatabase OnCorruptDatabase { get; set; } = CorruptDatabase.Stop;

    /// <summary>The setting that names the folder, for messages: the API's and the command line's differ.</summary>
    public string DataDirectorySetting { get; set; } = "GraphStore:DataDirectory";

    /// <summary>Up to this many relations the snapshot keeps whole relation records; past it they are read from SQLite on demand.</summary>
    public int RelationDetailLimit { get; set; } = 1_000_000;
}

/// <summary>What to do with a database file that cannot be read as one.</summary>
public enum CorruptDatabase
{
    /// <summary>Refuse to start, change nothing: the operator restores a backup, or chooses StartFresh.</summary>
    Stop,

    /// <summary>Rename the file (and its -wal and -shm) to wb6graph.db.corrupt-&lt;UTC time&gt; and start with an empty graph.</summary>
    StartFresh,
}
