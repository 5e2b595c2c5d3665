using BenchmarkDotNet.Attributes;
using QuikGraph.Algorithms.Search;
using Wb6Graph.Engine;

namespace Wb6Graph.Benchmarks;

/// <summary>Full BFS and shortest paths on the 1M / 10M synthetic graph, ours beside QuikGraph's on the same graph.</summary>
[MemoryDiagnoser]
public class TraversalBenchmarks
{
    private const int PairCount = 200;
    private int _hub;
    private (int From, int To)[] _pairs = [];
    private readonly List<int> _path = [];
    private ArcFilter _filter;

    [GlobalSetup]
    public void Setup()
    {
        _hub = BenchGraph.Hub();
        _pairs = BenchGraph.Pairs(PairCount);
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

    [Benchmark(Description = "shortest path, per pair (Wb6Graph)", OperationsPerInvoke = PairCount)]
    public int ShortestPaths()
    {
        var total = 0;
        foreach (var (a, b) in _pairs) total += Traversal.ShortestPath(BenchGraph.Snapshot, a, b, _filter, 10, null, _path);
        return total;
    }
}
