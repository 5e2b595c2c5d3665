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
    private static (int From, int To)[] _warmPairs = [];
    private static string[] _warmIds = [];
    private static string? _only;
    private static bool _explain;
    private static int _passes = 1;

    public static void Run(string[] args)
    {
        // `--only TEXT` times only the questions whose name contains TEXT; `--explain` lists each one's slowest inputs.
        _only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        _explain = args.Contains("--explain");
        _passes = int.TryParse(args.SkipWhile(a => a != "--passes").Skip(1).FirstOrDefault(), out var passes) ? Math.Max(1, passes) : 1;
        var s = BenchGraph.Snapshot;
        Console.WriteLine($"graph: {s.EntityCount:N0} entities, {s.RelationCount:N0} relations, opened in {BenchGraph.Store.OpenedIn.TotalSeconds:0.0} s");
        Console.WriteLine($"topology: {s.TopologyBytes:N0} bytes = {(double)s.TopologyBytes / (2.0 * s.RelationCount):0.00} bytes per arc (4 for the neighbour, 2 for the entering half's relation index, the rest CSR offsets)");
        var f = new ArcFilter(s, new TraversalOptions());
        var path = new List<int>();
        var pairs = BenchGraph.Pairs(200);
        // Warm-up runs on other pairs, so that the timed inputs find no cache or tiered code prepared for them alone.
        _warmPairs = BenchGraph.Pairs(200, seed: 7);
        var hub = BenchGraph.Hub();

        Report("full BFS from the hub", Enumerable.Range(0, 20).Select(_ => hub).ToArray(), h => Traversal.Bfs(s, h, f));
        Report("shortest path (200 seeded pairs, maxHops 10)", pairs, p => Traversal.ShortestPath(s, p.From, p.To, f, 10, null, path));
        // Most seeded pairs have an entity without relations (about 44% of the synthetic graph), answered at once.
        Report("shortest path, only pairs of entities with relations", pairs.Where(p => s.Adjacency.Degree(p.From) > 0 && s.Adjacency.Degree(p.To) > 0).ToArray(),
            p => Traversal.ShortestPath(s, p.From, p.To, f, 10, null, path));
        // On a date every arc's relation is read (its validity), which the unfiltered questions above never do.
        var dated = new ArcFilter(s, new TraversalOptions(AsOf: new DateOnly(2022, 6, 1)));
        Report("shortest path on a date (asOf 2022-06-01, same pairs)", pairs, p => Traversal.ShortestPath(s, p.From, p.To, dated, 10, null, path));
        Report("shortest path with evidence, engine API", pairs.Take(50).ToArray(), p =>
            BenchGraph.Engine.ShortestPath(s.Entities.Records[p.From].Id, s.Entities.Records[p.To].Id, new TraversalOptions(MaxHops: 10)));
        Report("k = 3 shortest paths (50 pairs, maxHops 6)", pairs.Take(50).ToArray(), p =>
            KShortestPaths.Find(s, p.From, p.To, f, 3, 6, weighted: false, CancellationToken.None));
        var ids = pairs.Select(p => s.Entities.Records[p.From].Id).Take(200).ToArray();
        _warmIds = _warmPairs.Select(p => s.Entities.Records[p.From].Id).ToArray();
        // Built once per snapshot on the first suggestion, outside the timings below: report what that first one pays.
        var index = Stopwatch.StartNew();
        _ = LinkIndex.Of(s).Degree;
        Console.WriteLine($"link index (simple degrees, id ranks) built in {index.Elapsed.TotalMilliseconds:0} ms, {8L * s.EntityCount:N0} bytes");
        Report("top-10 link suggestions, Adamic-Adar (200 entities)", ids, id =>
            BenchGraph.Engine.SuggestedLinks(id, null, null, null, LinkScore.AdamicAdar, 10, null));

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

    /// <summary>
    /// QuikGraph's Yen (k = 3) on the synthetic graph, beside ours on the same pair. It needs its own directed graph of
    /// tagged edges (both directions of every relation), and on a graph this size it runs for minutes, so it has its own
    /// flag and a time limit: past the limit the run reports that it had not finished.
    /// </summary>
    public static void QuikGraphYen(string[] args)
    {
        var limit = TimeSpan.FromSeconds(int.TryParse(args.SkipWhile(a => a != "--limit").Skip(1).FirstOrDefault(), out var seconds) ? seconds : 300);
        var s = BenchGraph.Snapshot;
        var f = new ArcFilter(s, new TraversalOptions());
        // The first seeded pair that has three paths of at most 6 hops, so both sides answer the same question in full.
        var (from, to) = BenchGraph.Pairs(200).First(p => KShortestPaths.Find(s, p.From, p.To, f, 3, 6, weighted: false, CancellationToken.None).Count == 3);
        var ours = Stopwatch.StartNew();
        var found = KShortestPaths.Find(s, from, to, f, 3, 6, weighted: false, CancellationToken.None);
        Console.WriteLine($"ours: k = 3 paths {from} -> {to} of {string.Join(", ", found.Select(p => p.Nodes.Length - 1))} hops in {ours.Elapsed.TotalMilliseconds:0.000} ms");

        var build = Stopwatch.StartNew();
        var g = new QuikGraph.AdjacencyGraph<int, QuikGraph.EquatableTaggedEdge<int, double>>(allowParallelEdges: true, s.EntityCount, 20);
        g.AddVertexRange(Enumerable.Range(0, s.EntityCount));
        for (var r = 0; r < s.RelationCount; r++)
        {
            g.AddEdge(new(s.Relations.From[r], s.Relations.To[r], 1.0));
            g.AddEdge(new(s.Relations.To[r], s.Relations.From[r], 1.0));
        }
        Console.WriteLine($"QuikGraph directed graph of {g.EdgeCount:N0} edges built in {build.Elapsed.TotalSeconds:0.0} s");
        var hops = new List<int>();
        var yen = Stopwatch.StartNew();
        var worker = new Thread(() =>
        {
            var algorithm = new QuikGraph.Algorithms.ShortestPath.YenShortestPathsAlgorithm<int>(g, from, to, 3);
            foreach (var path in algorithm.Execute()) hops.Add(path.Count());
        }) { IsBackground = true };
        worker.Start();
        Console.WriteLine(worker.Join(limit)
            ? $"QuikGraph Yen: k = 3 paths of {string.Join(", ", hops)} hops in {yen.Elapsed.TotalSeconds:0.0} s"
            : $"QuikGraph Yen: not finished after {limit.TotalSeconds:0} s (stopped)");
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
        if (_only is not null && !name.Contains(_only, StringComparison.OrdinalIgnoreCase)) return;
        // Warm-up until the code is fully tiered (tier 1 after 30 calls and a delay, OSR for long loops) and the pooled
        // buffers are sized: other inputs of the same kind where there are some, else these.
        var warm = typeof(T) == typeof((int, int)) && _warmPairs.Length > 0 ? (T[])(object)_warmPairs
            : typeof(T) == typeof(string) && _warmIds.Length > 0 ? (T[])(object)_warmIds : inputs;
        var start = Stopwatch.GetTimestamp();
        for (var round = 0; round < 3 || Stopwatch.GetElapsedTime(start).TotalSeconds < 1; round++)
            foreach (var input in warm.Take(inputs.Length))
            {
                question(input);
                if (Stopwatch.GetElapsedTime(start).TotalSeconds > 10) goto warmed; // QuikGraph's slow questions
            }
        warmed:
        // On a shared machine a question can lose the core mid-way: --passes N times every input in N passes over all
        // of them and keeps each input's best; the thread's CPU time is reported beside the wall time.
        var times = Enumerable.Repeat(double.MaxValue, inputs.Length).ToArray();
        var cpu = Enumerable.Repeat(double.MaxValue, inputs.Length).ToArray();
        long allocated = 0;
        for (var pass = 0; pass < _passes; pass++)
            for (var i = 0; i < inputs.Length; i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var c = ThreadCpuMilliseconds();
                var t = Stopwatch.GetTimestamp();
                GC.KeepAlive(question(inputs[i]));
                times[i] = Math.Min(times[i], Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                cpu[i] = Math.Min(cpu[i], ThreadCpuMilliseconds() - c);
                if (pass == 0) allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            }
        if (_explain)
            foreach (var i in Enumerable.Range(0, inputs.Length).OrderByDescending(i => times[i]).Take(5))
                Console.WriteLine($"    slow: {inputs[i]} {times[i]:0.000} ms -> {question(inputs[i])}");
        Array.Sort(times);
        Array.Sort(cpu);
        Console.WriteLine($"{name,-60} p50 {Pct(times, 0.50),9:0.000} ms   p99 {Pct(times, 0.99),9:0.000} ms   max {times[^1],9:0.000} ms   alloc/op {allocated / inputs.Length,10:N0} B");
        Console.WriteLine($"{"  (thread CPU time)",-60} p50 {Pct(cpu, 0.50),9:0.000} ms   p99 {Pct(cpu, 0.99),9:0.000} ms   max {cpu[^1],9:0.000} ms");
    }

    private static double ThreadCpuMilliseconds()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        ClockGetTime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var ts);
        return ts.Seconds * 1e3 + ts.Nanoseconds / 1e6;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static double Pct(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
