using System.Collections.Concurrent;

namespace Wb6Graph.Benchmarks.Reliability;

/// <summary>
/// 8 writers and 8 readers at once, reads by GET (through the answer cache and its ETags): a writer reads its own write
/// right after the acknowledgement, readers read writes acknowledged before they asked and a count that never goes back;
/// at the end every acknowledged write is there exactly once.
/// </summary>
internal static class ConcurrentReadsAndWrites
{
    public static async Task<IReadOnlyList<string>> RunAsync(ReliabilityRunner.Settings s)
    {
        var dir = ReliabilityRunner.Graph(s, 200, 600, fresh: true, "concurrency");
        await using var api = await ApiProcess.StartAsync(s.ApiDll, dir);
        var (_, before) = await api.GetAsync("{ stats { entities } }");
        var initial = before!["data"]!["stats"]!["entities"]!.GetValue<int>();
        var acknowledged = new ConcurrentQueue<string>();
        int stale = 0, reads = 0, errors = 0;
        var failures = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource(s.Concurrency);

        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var id = $"c-{w}-{n}";
                var (status, body) = await api.PostAsync(ReliabilityRunner.Write(id), key: true);
                if (status != 200 || body?["data"]?["upsertEntity"]?["id"]?.GetValue<string>() != id)
                {
                    Interlocked.Increment(ref errors);
                    failures.Enqueue($"write {id}: {status} {body?.ToJsonString()}");
                    continue;
                }
                acknowledged.Enqueue(id);
                var (readStatus, read) = await api.GetAsync($$"""{ entity(id: "{{id}}") { id } }""");
                Interlocked.Increment(ref reads);
                if (readStatus != 200 || read?["data"]?["entity"]?["id"]?.GetValue<string>() != id)
                {
                    Interlocked.Increment(ref stale);
                    failures.Enqueue($"own write {id} not read back: {readStatus} {read?.ToJsonString()}");
                }
            }
        })).ToList();

        var readers = Enumerable.Range(0, 8).Select(r => Task.Run(async () =>
        {
            var random = new Random(s.Seed + r);
            var lastCount = 0;
            while (!stop.IsCancellationRequested)
            {
                var known = acknowledged.ToArray(); // acknowledged before this read was asked
                var (status, body) = await api.GetAsync("{ stats { entities } }");
                Interlocked.Increment(ref reads);
                var count = body?["data"]?["stats"]?["entities"]?.GetValue<int>() ?? -1;
                if (status != 200 || count < lastCount || count < initial + known.Length)
                {
                    Interlocked.Increment(ref stale);
                    failures.Enqueue($"count {count} after {lastCount}, with {known.Length} writes acknowledged before asking (status {status})");
                }
                lastCount = Math.Max(lastCount, count);
                if (known.Length == 0) continue;
                var id = known[random.Next(known.Length)];
                var (entityStatus, entity) = await api.GetAsync($$"""{ entity(id: "{{id}}") { id name } }""");
                Interlocked.Increment(ref reads);
                if (entityStatus != 200 || entity?["data"]?["entity"]?["id"]?.GetValue<string>() != id)
                {
                    Interlocked.Increment(ref stale);
                    failures.Enqueue($"{id} acknowledged but not read: {entityStatus} {entity?.ToJsonString()}");
                }
            }
        })).ToList();
        await Task.WhenAll(writers.Concat(readers));

        var ids = acknowledged.ToList();
        var present = await CrashDurability.PresentAsync(api, ids);
        var (_, after) = await api.GetAsync("{ stats { entities } }");
        var final = after!["data"]!["stats"]!["entities"]!.GetValue<int>();
        var missing = ids.Count(id => !present.Contains(id));
        var duplicated = final - initial - ids.Distinct().Count();
        Console.WriteLine($"   concurrent writers and readers ({s.Concurrency.TotalSeconds:F0} s, 8 + 8): {ids.Count:N0} writes acknowledged, " +
                          $"{missing} missing, {duplicated} counted twice; {reads:N0} reads by GET, {stale} stale; {errors} failed writes");
        foreach (var f in failures.Take(5)) Console.WriteLine($"   e.g. {f}");
        var problems = new List<string>();
        if (missing > 0) problems.Add($"{missing} acknowledged writes missing");
        if (duplicated != 0) problems.Add($"{duplicated} writes counted twice or lost");
        if (stale > 0) problems.Add($"{stale} stale reads");
        if (errors > 0) problems.Add($"{errors} writes failed");
        return problems;
    }
}
