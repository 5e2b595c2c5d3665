using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Wb6Graph.Benchmarks.Reliability;

/// <summary>
/// The expensive requests of issue 19 on a generated graph of 20,000 entities and 200,000 relations: the fragment bomb,
/// 660 conflicting fields, the hub query; then a cheap query's latency alone and under 32 connections of expensive ones,
/// with the server's memory sampled throughout.
/// </summary>
internal static class ExpensiveCases
{
    private const int TimeoutSeconds = 10;

    public static string FragmentBomb(int n, string id)
    {
        var text = new StringBuilder($"query {{ entity(id: \"{id}\") {{ ...F{n} }} }}\nfragment F0 on Entity {{ id }}\n");
        for (var i = 1; i <= n; i++) text.Append($"fragment F{i} on Entity {{ ...F{i - 1} ...F{i - 1} }}\n");
        return text.ToString();
    }

    public static string ConflictingFields(int n) => "{ " + string.Join(' ', Enumerable.Range(1, n).Select(i => $"centrality(limit: {i}){{score}}")) + " }";

    public static async Task<IReadOnlyList<string>> RunAsync(ReliabilityRunner.Settings s)
    {
        var (entities, relations) = s.Big;
        var dir = ReliabilityRunner.Graph(s, entities, relations, fresh: false, "expensive");
        await using var api = await ApiProcess.StartAsync(s.ApiDll, dir, $"--Api:TimeoutSeconds={TimeoutSeconds}");
        var (_, top) = await api.PostAsync("{ centrality(measure: DEGREE, limit: 1) { entity { id } score } }");
        var hub = top!["data"]!["centrality"]![0]!["entity"]!["id"]!.GetValue<string>();
        var hubDegree = top["data"]!["centrality"]![0]!["score"]!.GetValue<double>();
        await Task.Delay(500);
        var idle = api.ResidentMb();
        Console.WriteLine($"   graph: {entities:N0} entities, {relations:N0} relations; hub {hub} with {hubDegree:N0} relations; server idle at {idle:N0} MB");

        using var sampler = new MemorySampler(api);
        var bomb = await TimeAsync(api, FragmentBomb(25, hub));
        Console.WriteLine($"   fragment bomb (25 fragments, {FragmentBomb(25, hub).Length:N0} characters): {bomb.Status} {bomb.Code} in {bomb.Ms:F1} ms");
        var conflicts = await TimeAsync(api, ConflictingFields(660));
        Console.WriteLine($"   660 conflicting fields ({ConflictingFields(660).Length:N0} characters): {conflicts.Status} {conflicts.Code}, a {conflicts.Bytes:N0}-byte body in {conflicts.Ms:F1} ms; " +
                          $"server peak so far {sampler.Peak:N0} MB ({sampler.Peak - idle:+0;-0} MB over idle)");
        var hubQuery = $$"""{ entity(id: "{{hub}}") { relations { from { relations { id } } } } }""";
        var hubAnswer = await TimeAsync(api, hubQuery);
        Console.WriteLine($"   hub query: {hubAnswer.Status} {hubAnswer.Code} in {hubAnswer.Ms:F1} ms; server peak so far {sampler.Peak:N0} MB");
        var wide = await TimeAsync(api, $$"""{ entity(id: "{{hub}}") { relations { id type from { id name } to { id name } sources { id title } } } }""");
        Console.WriteLine($"   the hub's relations with both ends and sources (admitted): {wide.Status} {wide.Code}, {wide.Bytes:N0} bytes in {wide.Ms:F0} ms; peak {sampler.Peak:N0} MB");
        var page = await TimeAsync(api, "{ entities(first: 100) { nodes { id relations { id fromId toId from { name } } } } }");
        Console.WriteLine($"   a page of 100 entities with their relations: {page.Status} {page.Code}, {page.Bytes:N0} bytes in {page.Ms:F0} ms");

        await DocumentCacheAsync(s, api, idle);
        await StopsAsync(s, dir);

        // A cheap query alone, then beside 32 connections that send expensive ones without pause.
        var random = new Random(s.Seed);
        string Cheap() => $$"""{ entity(id: "e-{{random.Next(entities)}}") { id name kind } }""";
        for (var i = 0; i < 50; i++) await api.PostAsync(Cheap());
        var alone = new List<double>();
        for (var i = 0; i < 400; i++) alone.Add((await TimeAsync(api, Cheap())).Ms);

        string[] expensive =
        [
            hubQuery,
            FragmentBomb(25, hub),
            ConflictingFields(660),
            "{ centrality(measure: BETWEENNESS, limit: 20) { score entity { id } } }",
            $$"""{ neighbourhood(id: "{{hub}}", depth: 3) { entities { id name } relations { id type } } }""",
            "{ suggestedLinks(limit: 20) { from to score } }",
            "{ entities(first: 100) { nodes { id relations { id fromId toId } } } }",
        ];
        var statuses = new ConcurrentDictionary<int, int>();
        var slowest = new ConcurrentBag<double>();
        var under = new ConcurrentBag<double>();
        using var stop = new CancellationTokenSource(s.Load);
        var load = Enumerable.Range(0, 32).Select(c => Task.Run(async () =>
        {
            var r = new Random(s.Seed + 100 + c);
            while (!stop.IsCancellationRequested)
            {
                var document = expensive[r.Next(expensive.Length)].Replace("paths-from", $"e-{r.Next(entities)}");
                var result = await TimeAsync(api, document);
                statuses.AddOrUpdate(result.Status, 1, (_, n) => n + 1);
                slowest.Add(result.Ms);
            }
        })).ToList();
        var cheap = Task.Run(async () =>
        {
            var r = new Random(s.Seed + 7);
            while (!stop.IsCancellationRequested)
            {
                under.Add((await TimeAsync(api, $$"""{ entity(id: "e-{{r.Next(entities)}}") { id name kind } }""")).Ms);
                await Task.Delay(5);
            }
        });
        await Task.WhenAll(load.Append(cheap));
        var p99Alone = ReliabilityRunner.Percentile(alone, 0.99);
        var p99Under = ReliabilityRunner.Percentile([.. under], 0.99);
        Console.WriteLine($"   cheap query alone: p50 {ReliabilityRunner.Percentile(alone, 0.5):F1} ms, p99 {p99Alone:F1} ms ({alone.Count} requests)");
        Console.WriteLine($"   cheap query beside 32 connections of expensive ones ({s.Load.TotalSeconds:F0} s): p50 {ReliabilityRunner.Percentile([.. under], 0.5):F1} ms, " +
                          $"p99 {p99Under:F1} ms ({under.Count} requests), {p99Under / p99Alone:F1}x alone");
        Console.WriteLine($"   expensive requests: {slowest.Count:N0}, statuses " + string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}")) +
                          $"; slowest {slowest.DefaultIfEmpty().Max() / 1000:F1} s (timeout {TimeoutSeconds} s; a 429 waited its turn up to Api:ExpensiveWaitSeconds)");
        Console.WriteLine($"   server memory: idle {idle:N0} MB, peak {sampler.Peak:N0} MB ({sampler.Peak - idle:+0;-0} MB over idle; /proc VmHWM {api.PeakMb():N0} MB)");
        var problems = new List<string>();
        var fivexx = statuses.Where(p => p.Key >= 500 && p.Key != 503 && p.Key != 504).Sum(p => p.Value);
        if (fivexx > 0) problems.Add($"{fivexx} expensive requests got a 5xx other than 503/504");
        return problems;
    }

    /// <summary>Distinct documents of 20 kB each, every one parsed and cached: the server's memory before and after.</summary>
    private static async Task DocumentCacheAsync(ReliabilityRunner.Settings s, ApiProcess api, double idle)
    {
        var count = s.Short ? 500 : 2_000;
        var before = api.ResidentMb();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var document = "{ " + string.Join(' ', Enumerable.Range(0, 1_130).Select(j => $"a{j}: __typename")) + $" d{i}: __typename }}";
            await TimeAsync(api, document);
        }
        Console.WriteLine($"   {count:N0} distinct documents of {20_000 / 1000} kB: {clock.Elapsed.TotalSeconds:F0} s; the server from {before:N0} MB to {api.ResidentMb():N0} MB (idle {idle:N0} MB)");
    }

    /// <summary>
    /// Betweenness on the whole graph (seconds of work) past a 1 s timeout, and again with a client that leaves after
    /// 0.5 s: the answer's time, and the CPU the server spends in the second after it (idle: the work stopped).
    /// </summary>
    private static async Task StopsAsync(ReliabilityRunner.Settings s, string dir)
    {
        const string question = "{ centrality(measure: BETWEENNESS, limit: 5) { score entity { id } } }";
        await using var api = await ApiProcess.StartAsync(s.ApiDll, dir, "--Api:TimeoutSeconds=1");
        await TimeAsync(api, question.Replace("5", "4")); // once cold: code compiled on first use would count
        await Task.Delay(1_000);
        var timedOut = await TimeAsync(api, question);
        var cpu = api.CpuMs();
        await Task.Delay(1_000);
        var after = api.CpuMs() - cpu;
        Console.WriteLine($"   betweenness past a 1 s timeout: {timedOut.Status} {timedOut.Code} after {timedOut.Ms:F0} ms; the server then used {after:F0} ms of CPU in 1 s");
        await Task.Delay(500);
        var clock = Stopwatch.StartNew();
        using var leave = new CancellationTokenSource(500);
        try
        {
            await api.Http.PostAsync("/graphql", new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query = question.Replace("5", "6") }), Encoding.UTF8, "application/json"), leave.Token);
        }
        catch (OperationCanceledException)
        {
        }
        var left = clock.ElapsedMilliseconds;
        await Task.Delay(100);
        cpu = api.CpuMs();
        await Task.Delay(1_000);
        Console.WriteLine($"   the same with a client that leaves after {left} ms: 100 ms later, the server used {api.CpuMs() - cpu:F0} ms of CPU in 1 s");
    }

    private readonly record struct Timed(int Status, string Code, long Bytes, double Ms);

    private static async Task<Timed> TimeAsync(ApiProcess api, string query)
    {
        var clock = Stopwatch.StartNew();
        using var response = await api.Http.PostAsync("/graphql", new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsByteArrayAsync();
        var ms = clock.Elapsed.TotalMilliseconds;
        var code = "";
        if ((int)response.StatusCode != 200 || body.AsSpan().IndexOf("\"errors\""u8) >= 0)
        {
            var at = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 2_000)).IndexOf("\"code\":\"", StringComparison.Ordinal);
            if (at >= 0)
            {
                var text = Encoding.UTF8.GetString(body, at + 8, Math.Min(60, body.Length - at - 8));
                code = text[..Math.Max(0, text.IndexOf('"'))];
            }
        }
        return new((int)response.StatusCode, code, body.Length, ms);
    }

    /// <summary>The server's resident memory every 50 ms, keeping the peak.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private double _peak;

        public MemorySampler(ApiProcess api) => _ = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var now = api.ResidentMb();
                if (now > _peak) _peak = now;
                await Task.Delay(50);
            }
        });

        public double Peak => _peak;

        public void Dispose() => _stop.Cancel();
    }
}
