using BenchmarkDotNet.Attributes;
using QuikGraph.Algorithms.Search;
using Wb6Graph.Engine;

namespace Wb6Graph.Benchmarks;

/// <summary>
/// Full BFS, shortest paths and link suggestions on the 1M / 10M synthetic graph, ours beside QuikGraph's BFS on the
/// same graph (QuikGraph has no link prediction). The entities for suggestions are the first ends of the seeded pairs,
/// as in the latency runner.
/// </summary>
[MemoryDiagnoser]
public class TraversalBenchmarks
{
    private const int PairCount = 200;
    private int _hub;
    private (int From, int To)[] _pairs = [];
    private string[] _ids = [];
    private readonly List<int> _path = [];
    private ArcFilter _filter;

    [GlobalSetup]
    public void Setup()
    {
        _hub = BenchGraph.Hub();
        _pairs = BenchGraph.Pairs(PairCount);
        _ids = _pairs.Select(p => BenchGraph.Snapshot.Entities.Records[p.From].Id).ToArray();
        _filter = new ArcFilter(BenchGraph.Snapshot, new TraversalOptions());
        if (Environment.GetEnvironmentVariable("WB6_BENCH_QUIK") != "0") _ = BenchGraph.Quik;
    }

    [Benchmark(Description = "full BFS (Wb6Graph)")]
    public int FullBfs() => Traversal.Bfs(BenchGraph.Snapshot, _hub, _filter);

    [Benchmark(Description = "full BFS (QuikGraph)")]
    public int FullBfsQuikGraph()
    {
        var bfs = new UndirectedBreadthFirstSearchAlgorithm<int, QuikGraph.SEdge<int>>(BenchGraph.Quik);
        var reached = 0;
        bfs.DiscoverVertex += _ => reached++;
        bfs.Compute(_hub);
        return reached;
    }

    [Benchmark(Description = "top-10 Adamic-Adar suggestions, per entity (Wb6Graph)", OperationsPerInvoke = PairCount)]
    public int SuggestedLinks()
    {
        var total = 0;
        foreach (var id in _ids) total += BenchGraph.Engine.SuggestedLinks(id, null, null, null, LinkScore.AdamicAdar, 10, null).Value.Count;
        return total;
    }

    [Benchmark(Description = "shortest path, per pair (Wb6Graph)", OperationsPerInvoke = PairCount)]
    public int ShortestPaths()
    {
        var total = 0;
        foreach (var (a, b) in _pairs) total += Traversal.ShortestPath(BenchGraph.Snapshot, a, b, _filter, 10, null, _path);
        return total;
    }
}
