using QuikGraph;
using Wb6Graph.Embedded;
using Wb6Graph.Engine;

namespace Wb6Graph.Benchmarks;

/// <summary>
/// The synthetic graph every benchmark runs on, opened once per process from the store that
/// `wb6graph generate` wrote (WB6_BENCH_DATA, default /tmp/wb6-bench/g1m), and the same graph in QuikGraph.
/// </summary>
internal static class BenchGraph
{
    private static readonly Lazy<EmbeddedGraphStore> LazyStore = new(Open);
    private static readonly Lazy<UndirectedGraph<int, SEdge<int>>> LazyQuik = new(BuildQuik);

    public static string DataDirectory => Environment.GetEnvironmentVariable("WB6_BENCH_DATA") ?? "/tmp/wb6-bench/g1m";

    public static EmbeddedGraphStore Store => LazyStore.Value;

    public static GraphSnapshot Snapshot => Store.Snapshot;

    public static GraphEngine Engine { get; } = new(Store, new EngineLimits());

    public static UndirectedGraph<int, SEdge<int>> Quik => LazyQuik.Value;

    /// <summary>Seeded random pairs of entities, the same in every run.</summary>
    public static (int From, int To)[] Pairs(int count, int seed = 42)
    {
        var rnd = new Random(seed);
        var n = Snapshot.EntityCount;
        return Enumerable.Range(0, count).Select(_ => (rnd.Next(n), rnd.Next(n))).Where(p => p.Item1 != p.Item2).ToArray();
    }

    /// <summary>The entity with the most arcs: a BFS from it reaches the giant component.</summary>
    public static int Hub()
    {
        var s = Snapshot;
        var best = 0;
        for (var i = 1; i < s.EntityCount; i++)
            if (Degree(s, i) > Degree(s, best)) best = i;
        return best;
    }

    private static int Degree(GraphSnapshot s, int i) => s.Adjacency.Degree(i);

    private static EmbeddedGraphStore Open()
    {
        if (!File.Exists(Path.Combine(DataDirectory, "wb6graph.db")))
            throw new InvalidOperationException(
                $"no benchmark graph in {DataDirectory}: run `dotnet run -c Release --project src/Wb6Graph.Cli -- generate --entities 1000000 --relations 10000000 --seed 42 --data-dir {DataDirectory}` first");
        // Relation records stay in SQLite: traversals need only the columns, and the 2 GiB budget has no room for 10M records.
        return EmbeddedGraphStore.Open(new EmbeddedStoreOptions { DataDirectory = DataDirectory, RelationDetailLimit = 0 });
    }

    private static UndirectedGraph<int, SEdge<int>> BuildQuik()
    {
        var s = Snapshot;
        var g = new UndirectedGraph<int, SEdge<int>>(allowParallelEdges: true);
        g.AddVertexRange(Enumerable.Range(0, s.EntityCount));
        for (var r = 0; r < s.RelationCount; r++) g.AddEdge(new SEdge<int>(s.Relations.From[r], s.Relations.To[r]));
        return g;
    }
}
