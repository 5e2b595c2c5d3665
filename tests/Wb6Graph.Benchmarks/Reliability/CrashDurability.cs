using System.Collections.Concurrent;

namespace Wb6Graph.Benchmarks.Reliability;

/// <summary>kill -9 while writers are being acknowledged, restart, and count: every acknowledged write must be there.</summary>
internal static class CrashDurability
{
    public static async Task<IReadOnlyList<string>> RunAsync(ReliabilityRunner.Settings s)
    {
        var dir = ReliabilityRunner.Graph(s, 200, 600, fresh: true, "crash");
        var random = new Random(s.Seed);
        var acknowledged = new ConcurrentBag<string>();
        var sent = new ConcurrentBag<string>();
        for (var round = 0; round < s.CrashRounds; round++)
        {
            await using var api = await ApiProcess.StartAsync(s.ApiDll, dir);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var id = $"w-{round}-{w}-{n}";
                    sent.Add(id);
                    try
                    {
                        var (status, body) = await api.PostAsync(ReliabilityRunner.Write(id), key: true, ct: stop.Token);
                        if (status == 200 && body?["data"]?["upsertEntity"]?["id"]?.GetValue<string>() == id) acknowledged.Add(id);
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                    {
                        return; // the server is gone: this write was not acknowledged
                    }
                }
            })).ToList();
            await Task.Delay(random.Next(300, 1_500));
            api.KillHard();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        await using var after = await ApiProcess.StartAsync(s.ApiDll, dir);
        var present = await PresentAsync(after, sent.ToList());
        var lost = acknowledged.Count(id => !present.Contains(id));
        var extra = present.Count - acknowledged.Count(present.Contains);
        Console.WriteLine($"   crash durability: {acknowledged.Count:N0} acknowledged writes across {s.CrashRounds} kill -9, {lost} lost " +
                          $"({extra} more were written but their answers never arrived, as a crash allows)");
        return lost == 0 ? [] : [$"{lost} acknowledged writes lost"];
    }

    /// <summary>Which of these entity ids the store has, asked 100 at a time.</summary>
    public static async Task<HashSet<string>> PresentAsync(ApiProcess api, IReadOnlyList<string> ids)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(100))
        {
            var query = "{ " + string.Join(' ', chunk.Select((id, i) => $"e{i}: entity(id: \"{id}\") {{ id }}")) + " }";
            var (status, body) = await api.PostAsync(query);
            if (status != 200) throw new InvalidOperationException($"counting failed: {status} {body?.ToJsonString()}");
            for (var i = 0; i < chunk.Length; i++)
                if (body?["data"]?[$"e{i}"]?["id"]?.GetValue<string>() is { } id) present.Add(id);
        }
        return present;
    }
}
