using System.Diagnostics;
using Wb6Graph.Embedded;
using Wb6Graph.Generate;

namespace Wb6Graph.Benchmarks.Reliability;

/// <summary>
/// `reliability [--short] [--seed N] [--api PATH] [--work DIR] [--only crash,concurrency,fuzz,expensive]`: the API as an
/// attacker and as an operator would try it, on loopback only, each case bounded in count and time and printing its
/// figure. Exits 1 when a property fails (a lost or duplicated write, a stale read, a 5xx other than 503 or 504);
/// performance is printed, never judged.
/// </summary>
internal static class ReliabilityRunner
{
    public sealed record Settings(bool Short, int Seed, string ApiDll, string Work, HashSet<string> Only)
    {
        public int CrashRounds => Short ? 3 : 10;
        public TimeSpan Concurrency => TimeSpan.FromSeconds(Short ? 8 : 30);
        public int FuzzRequests => Short ? 3_000 : 20_000;
        public TimeSpan FuzzTime => TimeSpan.FromSeconds(Short ? 60 : 300);
        public TimeSpan Load => TimeSpan.FromSeconds(Short ? 10 : 30);
        public (int Entities, int Relations) Big => Short ? (20_000, 200_000) : (20_000, 200_000);
    }

    public static int Run(string[] args)
    {
        var settings = Parse(args);
        Console.WriteLine($"reliability: seed {settings.Seed}, {(settings.Short ? "short" : "full")} run, API {settings.ApiDll}, work folder {settings.Work}");
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        void Case(string name, Func<Settings, Task<IReadOnlyList<string>>> run)
        {
            if (settings.Only.Count > 0 && !settings.Only.Contains(name)) return;
            Console.WriteLine($"\n== {name}");
            var started = clock.Elapsed;
            try
            {
                failures.AddRange(run(settings).GetAwaiter().GetResult().Select(f => $"{name}: {f}"));
            }
            catch (Exception e)
            {
                failures.Add($"{name}: {e.GetType().Name}: {e.Message}");
            }
            Console.WriteLine($"   ({(clock.Elapsed - started).TotalSeconds:F0} s)");
        }
        Case("crash", CrashDurability.RunAsync);
        Case("concurrency", ConcurrentReadsAndWrites.RunAsync);
        Case("fuzz", Fuzzer.RunAsync);
        Case("expensive", ExpensiveCases.RunAsync);
        Console.WriteLine();
        foreach (var f in failures) Console.WriteLine($"FAILED {f}");
        Console.WriteLine($"reliability: {(failures.Count == 0 ? "every property held" : $"{failures.Count} failed")} in {clock.Elapsed.TotalSeconds:F0} s");
        return failures.Count == 0 ? 0 : 1;
    }

    private static Settings Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var root = FindRepository();
        var api = Value("--api") ?? Path.Combine(root, "src/Wb6Graph.Api/bin/Release/net10.0/Wb6Graph.Api.dll");
        if (!File.Exists(api)) throw new FileNotFoundException($"no API build at {api}: run 'dotnet build -c Release src/Wb6Graph.Api' first, or pass --api");
        var work = Value("--work") ?? Path.Combine(Path.GetTempPath(), "wb6graph-reliability");
        Directory.CreateDirectory(work);
        var only = (Value("--only") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        return new Settings(args.Contains("--short"), int.Parse(Value("--seed") ?? "19", System.Globalization.CultureInfo.InvariantCulture), api, work, only);
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Wb6Graph.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }

    /// <summary>A generated graph in its own folder: made once per size and seed, copied when a case writes to it.</summary>
    public static string Graph(Settings s, int entities, int relations, bool fresh, string name)
    {
        var made = Path.Combine(s.Work, $"graph-{entities}-{relations}-{s.Seed}");
        if (!File.Exists(Path.Combine(made, "wb6graph.db")) || File.Exists(Path.Combine(made, "incomplete")))
        {
            Directory.CreateDirectory(made);
            File.WriteAllText(Path.Combine(made, "incomplete"), "");
            var clock = Stopwatch.StartNew();
            var graph = new SyntheticGraph(entities, relations, s.Seed);
            using (var store = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { DataDirectory = made }))
                store.BulkImportAsync(graph.Sources(), graph.Entities(), graph.Relations(), null, default, graph.RelationCount).GetAwaiter().GetResult();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(Path.Combine(made, "incomplete"));
            Console.WriteLine($"   generated {entities:N0} entities and {relations:N0} relations (seed {s.Seed}) in {clock.Elapsed.TotalSeconds:F1} s");
        }
        if (!fresh) return made;
        var copy = Path.Combine(s.Work, $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(made, "wb6graph.db*")) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        return copy;
    }

    /// <summary>The p-th percentile of some durations, in milliseconds.</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary>An entity write the API acknowledges with its id; cites a source every generated graph has.</summary>
    public static string Write(string id) =>
        $$$"""mutation { upsertEntity(input: {id: "{{{id}}}", kind: NationalAuthority, name: "Written {{{id}}}", sources: {ids: ["s-1"]}}) { id } }""";
}
