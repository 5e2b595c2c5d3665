using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Wb6Graph.Benchmarks.Reliability;

/// <summary>
/// A seeded fuzzer of documents, bodies and headers, on loopback, bounded in count and time: known documents cut,
/// spliced, repeated and nested; bodies that are not JSON or not UTF-8; methods, media types, keys and conditions at
/// random; a few raw requests that are not HTTP. Any 5xx but 503 (not ready) and 504 (timeout) is a failure.
/// </summary>
internal static class Fuzzer
{
    private static readonly string[] Documents =
    [
        "{ stats { entities relations byKind { name count } } }",
        "{ entity(id: \"e-1\") { id name kind relations { id type from { id } to { id } sources { id } } neighbours { id } } }",
        "query Q($n: Int, $a: String) { entities(first: $n, after: $a) { totalCount pageInfo { endCursor hasNextPage } nodes { id name } } }",
        "{ relations(first: 5) { edges { cursor node { id type validFrom } } } }",
        "{ paths(from: \"e-1\", to: \"e-2\", k: 3) { length entities { id } steps { relations { id } } } }",
        "{ shortestPath(from: \"e-1\", to: \"e-9\", weighting: EVIDENCE) { cost entities { id } } }",
        "{ neighbourhood(id: \"e-1\", depth: 2, limit: 50) { truncated entities { id } relations { id } } }",
        "{ centrality(measure: DEGREE, limit: 5) { entity { id } score rank } }",
        "{ suggestedLinks(id: \"e-1\", limit: 5) { from to score sharedNeighbours } }",
        "{ gaps { country score } }",
        "{ gapMatrix(from: [\"e-1\"], to: [\"e-2\", \"e-3\"]) { from to status } }",
        "{ events(first: 3) { nodes { __typename } } changes { totalCount } }",
        "{ __schema { types { name fields { name } } } }",
        "query { entity(id: \"e-1\") { ...F } } fragment F on Entity { id ...G } fragment G on Entity { name }",
        "mutation { upsertEntity(input: {id: \"fz\", kind: NationalAuthority, name: \"Fz\", sources: {ids: [\"s-1\"]}}) { id } }",
        "mutation { addRelation(input: {type: COOPERATES_WITH, from: \"e-1\", to: \"e-2\", confidence: M, sources: {ids: [\"s-1\"]}}) { id } }",
        "mutation { endRelation(id: \"r-1\", validTo: \"2020\", sources: {ids: [\"s-1\"]}) { id } }",
        "subscription { stats { entities } }",
    ];

    private static readonly string[] Tokens =
    [
        "{", "}", "(", ")", "[", "]", ":", "...", "$n", "@skip(if: true)", "@include(if: $x)", "null", "\"\\ud800\"", "\"\\u0000\"",
        "99999999999999999999", "-1", "0", "2147483648", "1e308", "\"2024-02-30\"", "\"\"", "query", "mutation", "fragment F on Entity",
        "__typename", "__schema", "__type(name: \"Entity\")", "id", "relations", "neighbours", "k: 1000000", "first: 100000", "limit: -5",
        "depth: 99", "maxHops: 1000", "asOf: \"1999\"", "#", "\n", "\t", "\u00e9", "\ud83d\ude00", "\\", "\"", ",", "=", "!", "&",
    ];

    private static readonly string[] MediaTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=latin1", "application/graphql-response+json",
        "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/graphql", "*/*", "",
        "application/json;q=0", "text/html", "application/*;q=0.5, */*;q=0.1", "garbage/;;;", "application/json; charset=\"UTF-8\"",
    ];

    public static async Task<IReadOnlyList<string>> RunAsync(ReliabilityRunner.Settings s)
    {
        var dir = ReliabilityRunner.Graph(s, 2_000, 10_000, fresh: true, "fuzz");
        await using var api = await ApiProcess.StartAsync(s.ApiDll, dir, "--Api:TimeoutSeconds=5");
        var statuses = new ConcurrentDictionary<int, int>();
        var bad = new ConcurrentQueue<string>();
        var sent = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var random = new Random(s.Seed * 31 + w);
            while (clock.Elapsed < s.FuzzTime)
            {
                var n = Interlocked.Increment(ref sent);
                if (n > s.FuzzRequests) break;
                int status;
                string what;
                try
                {
                    (status, what) = random.Next(50) == 0 ? await RawAsync(api, random) : await OneAsync(api, random);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or SocketException)
                {
                    status = -1;
                    what = $"{e.GetType().Name}: {e.Message}";
                }
                statuses.AddOrUpdate(status, 1, (_, c) => c + 1);
                if (status is >= 500 and not 503 and not 504 || status == -1) bad.Enqueue($"{status}: {what}");
            }
        })).ToList();
        await Task.WhenAll(workers);
        var total = statuses.Values.Sum();
        var fivexx = statuses.Where(p => p.Key >= 500).Sum(p => p.Value);
        Console.WriteLine($"   fuzzer: {total:N0} requests in {clock.Elapsed.TotalSeconds:F0} s (seed {s.Seed}); {bad.Count} failures (5xx other than 503/504, or a dropped connection); " +
                          $"5xx in all: {fivexx}; statuses " + string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}")));
        foreach (var b in bad.Take(5)) Console.WriteLine($"   e.g. {b[..Math.Min(b.Length, 700)]}");
        if (!bad.IsEmpty)
            foreach (var line in api.Log.Split('\n').SkipWhile(l => !l.StartsWith("fail:", StringComparison.Ordinal)).Take(12))
                Console.WriteLine($"   server: {line}");
        try
        {
            var alive = await api.PostAsync("{ stats { entities } }");
            if (alive.Status != 200) bad.Enqueue($"the server no longer answers: {alive.Status}");
        }
        catch (HttpRequestException e)
        {
            bad.Enqueue($"the server is gone: {e.Message}");
            foreach (var line in api.Log.Split('\n').TakeLast(25)) Console.WriteLine($"   server: {line}");
        }
        return bad.IsEmpty ? [] : [$"{bad.Count} requests got a 5xx other than 503/504 or lost their connection"];
    }

    private static async Task<(int, string)> OneAsync(ApiProcess api, Random random)
    {
        var document = Mutate(random, Documents[random.Next(Documents.Length)]);
        var variables = random.Next(4) switch
        {
            0 => "{\"n\": " + Pick(random, ["1", "-1", "1e9", "\"ten\"", "null", "[]", "{}", "99999999999999999999"]) + ", \"a\": " + Pick(random, ["null", "\"!!!\"", "\"cjpub3Q=\"", "1"]) + "}",
            1 => Pick(random, ["null", "[]", "\"x\"", "{\"x\": {\"y\": [1, 2, {\"z\": null}]}}", "{" + new string('[', 500) + "}"]),
            _ => "{}",
        };
        var method = random.Next(10) switch
        {
            < 6 => HttpMethod.Post,
            < 9 => HttpMethod.Get,
            _ => new HttpMethod(Pick(random, ["PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO"])),
        };
        var path = random.Next(20) == 0 ? Pick(random, ["/graphql/schema.graphql", "/health/ready", "/health/live", "/", "/explorer/main.js", "/graphql/../etc/passwd", "/%ff"]) : "/graphql";
        string url;
        HttpContent? content = null;
        if (method == HttpMethod.Post)
        {
            url = path;
            var body = random.Next(6) switch
            {
                0 => Mutate(random, $"{{\"query\": {Quote(document)}, \"variables\": {variables}}}"),
                1 => $"{{\"query\": {Quote(document)}, \"operationName\": {Pick(random, ["null", "\"Q\"", "1", "\"\""])}, \"variables\": {variables}}}",
                2 => $"{{\"documentId\": {Pick(random, ["\"sha256:" + new string('a', 64) + "\"", "\"md5:x\"", "1", "null"])}}}",
                _ => $"{{\"query\": {Quote(document)}, \"variables\": {variables}}}",
            };
            var bytes = Encoding.UTF8.GetBytes(body);
            if (random.Next(15) == 0) bytes = [.. bytes, 0xff, 0xfe, 0xc0];
            content = new ByteArrayContent(bytes);
            var type = Pick(random, MediaTypes);
            if (random.Next(3) > 0) type = "application/json";
            if (type.Length > 0) content.Headers.TryAddWithoutValidation("Content-Type", type);
        }
        else
        {
            var query = random.Next(5) == 0 ? Mutate(random, "query=" + Uri.EscapeDataString(document)) : "query=" + Uri.EscapeDataString(document);
            if (random.Next(3) == 0) query += "&variables=" + Uri.EscapeDataString(variables);
            if (random.Next(10) == 0) query += "&query=" + Uri.EscapeDataString(document);
            url = path + "?" + query;
        }
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (random.Next(3) == 0) request.Headers.TryAddWithoutValidation("Accept", Pick(random, MediaTypes));
        if (random.Next(4) == 0)
            request.Headers.TryAddWithoutValidation("Authorization", Pick(random, ["Bearer " + ApiProcess.Key, "Bearer  " + ApiProcess.Key, "Bearer", "Basic eA==", "Bearer " + new string('k', 5000), "bearer " + ApiProcess.Key]));
        if (random.Next(6) == 0) request.Headers.TryAddWithoutValidation("If-None-Match", Pick(random, ["*", "W/\"v1-x\"", "\"", "a, b, *", new string(',', 300)]));
        if (random.Next(10) == 0) request.Headers.TryAddWithoutValidation("GraphQL-Require-Preflight", "1");
        if (random.Next(10) == 0) request.Headers.TryAddWithoutValidation("Origin", Pick(random, ["https://evil.example", "null", "http://127.0.0.1"]));
        var sentBody = content is null ? "" : Encoding.UTF8.GetString(await content.ReadAsByteArrayAsync());
        using var response = await api.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, $"{method} {url[..Math.Min(url.Length, 200)]} {sentBody[..Math.Min(sentBody.Length, 300)]} -> {text[..Math.Min(text.Length, 200)]}");
    }

    /// <summary>A request that is not quite HTTP, on a socket of its own; Kestrel answers 400 or closes it.</summary>
    private static async Task<(int, string)> RawAsync(ApiProcess api, Random random)
    {
        var raw = Pick(random,
        [
            "GET /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
            "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{\"query\":",
            "POST /graphql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n",
            "GARBAGE\r\n\r\n",
            "GET /graphql?query=%7B HTTP/1.1\r\nHost: x\r\n" + string.Concat(Enumerable.Repeat("X-A: " + new string('a', 1000) + "\r\n", 40)) + "\r\n",
        ]);
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", api.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(raw));
        client.Client.Shutdown(SocketShutdown.Send);
        var buffer = new byte[4096];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var read = 0;
        try
        {
            read = await stream.ReadAsync(buffer, cts.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            return (0, "closed");
        }
        var head = Encoding.ASCII.GetString(buffer, 0, read);
        var status = head.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && int.TryParse(head.AsSpan(9, 3), out var code) ? code : 0;
        return (status, $"raw {raw[..Math.Min(raw.Length, 60)].ReplaceLineEndings(" ")} -> {head[..Math.Min(head.Length, 100)]}");
    }

    private static string Mutate(Random random, string text)
    {
        var result = new StringBuilder(text);
        var edits = random.Next(4);
        for (var i = 0; i < edits && result.Length > 0; i++)
        {
            var at = random.Next(result.Length);
            switch (random.Next(6))
            {
                case 0: result.Remove(at, Math.Min(random.Next(1, 8), result.Length - at)); break;
                case 1: result.Insert(at, Pick(random, Tokens)); break;
                case 2: result.Insert(at, result.ToString(at, Math.Min(random.Next(1, 40), result.Length - at))); break;
                case 3: result.Insert(at, string.Concat(Enumerable.Repeat("{ a", random.Next(1, 80)))); break;
                case 4: result.Length = at; break;
                default: result.Insert(at, (char)random.Next(0, 0x3000)); break;
            }
        }
        if (random.Next(30) == 0) result.Append(string.Concat(Enumerable.Repeat(" x", random.Next(1_000, 12_000))));
        return result.ToString();
    }

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];
}
