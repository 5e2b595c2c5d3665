using System.Diagnostics;
using QuikGraph.Algorithms;
using Wb6Graph.Engine;
using Wb6Graph.Gaps;
using Wb6Graph.Seeds;

namespace Wb6Graph.Benchmarks;

/// <summary>
/// Per-question latency distributions (p50 / p99) that BenchmarkDotNet's means do not give: each question is timed
/// alone over seeded inputs after a warm-up, and allocations are read from the thread's allocation counter.
/// </summary>
internal static class LatencyRunner
{
    public static void Run(string[] args)
    {
        var s = BenchGraph.Snapshot;
        Console.WriteLine($"graph: {s.EntityCount:N0} entities, {s.RelationCount:N0} relations, opened in {BenchGraph.Store.OpenedIn.TotalSeconds:0.0} s");
        Console.WriteLine($"topology: {s.TopologyBytes:N0} bytes = {(double)s.TopologyBytes / (2.0 * s.RelationCount):0.00} bytes per arc (8 for neighbour + relation, the rest CSR offsets)");
        var f = new ArcFilter(s, new TraversalOptions());
        var path = new List<int>();
        var pairs = BenchGraph.Pairs(200);
        var hub = BenchGraph.Hub();

        Report("full BFS from the hub", Enumerable.Range(0, 20).Select(_ => hub).ToArray(), h => Traversal.Bfs(s, h, f));
        Report("shortest path (200 seeded pairs, maxHops 10)", pairs, p => Traversal.ShortestPath(s, p.From, p.To, f, 10, null, path));
        Report("shortest path with evidence, engine API", pairs.Take(50).ToArray(), p =>
            BenchGraph.Engine.ShortestPath(s.Entities.Records[p.From].Id, s.Entities.Records[p.To].Id, new TraversalOptions(MaxHops: 10)));
        Report("k = 3 shortest paths (50 pairs, maxHops 6)", pairs.Take(50).ToArray(), p =>
            KShortestPaths.Find(s, p.From, p.To, f, 3, 6, weighted: false, CancellationToken.None));
        var ids = pairs.Select(p => s.Entities.Records[p.From].Id).Take(200).ToArray();
        Report("top-10 link suggestions, Adamic-Adar (200 entities)", ids, id =>
            BenchGraph.Engine.SuggestedLinks(id, null, null, LinkScore.AdamicAdar, 10, null));

        if (args.Contains("--quikgraph"))
        {
            var build = Stopwatch.StartNew();
            var q = BenchGraph.Quik;
            Console.WriteLine($"QuikGraph graph built in {build.Elapsed.TotalSeconds:0.0} s");
            Report("QuikGraph full BFS from the hub (3 runs)", [hub, hub, hub], h =>
            {
                var bfs = new QuikGraph.Algorithms.Search.UndirectedBreadthFirstSearchAlgorithm<int, QuikGraph.SEdge<int>>(q);
                var reached = 0;
                bfs.DiscoverVertex += _ => reached++;
                bfs.Compute(h);
                return reached;
            });
            Report("QuikGraph shortest path (20 pairs, Dijkstra unit weights)", pairs.Take(20).ToArray(), p =>
            {
                var tryPath = q.ShortestPathsDijkstra(_ => 1.0, p.From);
                return tryPath(p.To, out var edges) ? edges.Count() : -1;
            });
        }
    }

    public static void Curated(string seedsDir)
    {
        var seeds = SeedLoader.LoadDirectory(seedsDir);
        if (!seeds.IsValid) throw new InvalidOperationException(string.Join('\n', seeds.Errors));
        using var store = Wb6Graph.Embedded.EmbeddedGraphStore.Open(new Wb6Graph.Embedded.EmbeddedStoreOptions { InMemory = true });
        store.LoadSeedsAsync(seeds.Graph).GetAwaiter().GetResult();
        var engine = new GraphEngine(store, new EngineLimits());
        var template = seeds.Templates.Single(t => t.Id == "eu-alignment");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Report("curated: gaps for all six countries", Enumerable.Range(0, 200).ToArray(), _ => engine.Gaps(template, null, today));
        Report("curated: paths kcss -> enisa, k = 3", Enumerable.Range(0, 200).ToArray(), _ => engine.Paths("kcss", "enisa", 3, new TraversalOptions()));
    }

    private static void Report<T, TResult>(string name, T[] inputs, Func<T, TResult> question)
    {
        foreach (var input in inputs.Take(Math.Min(20, inputs.Length))) question(input); // warm-up: JIT, tiering, pooled buffers
        var times = new double[inputs.Length];
        long allocated = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var t = Stopwatch.GetTimestamp();
            GC.KeepAlive(question(inputs[i]));
            times[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Array.Sort(times);
        Console.WriteLine($"{name,-60} p50 {Pct(times, 0.50),9:0.000} ms   p99 {Pct(times, 0.99),9:0.000} ms   max {times[^1],9:0.000} ms   alloc/op {allocated / inputs.Length,10:N0} B");
    }

    private static double Pct(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
