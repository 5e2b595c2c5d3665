using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Wb6Graph.Hosting;

namespace Wb6Graph.Api.Http;

/// <summary>
/// A first visit to the explorer, made by the server itself as soon as it listens and its store is ready: the page and
/// the files it names, compressed as a browser asks for them, the Start question exactly as the page sends it (so its
/// answer waits in the answer cache), and a question on the first entity's neighbourhood and panel. On a fresh process
/// every one of these paths runs for the first time, compiled on the way; without this, the first person to open the
/// page after a start or a deploy paid for that (a first visit took 2.5 s instead of 1.1 s here). Best effort: a
/// failure is logged and changes nothing else. <c>Api:WarmUp=false</c> turns it off.
/// </summary>
internal sealed partial class WarmUp(
    IServer server, IHostApplicationLifetime lifetime, GraphStoreReadiness readiness, IWebHostEnvironment environment,
    IOptions<ApiOptions> options, ILogger<WarmUp> log) : BackgroundService
{
    // What the page's own fetch sends (wwwroot/index.html, explorer/api.js): the same URL and media type hit the same
    // cached answer.
    private const string Accept = "application/graphql-response+json, application/json";

    /// <summary>
    /// The neighbourhood, panel and timeline fields the explorer reads for its first entity, with the variable types it
    /// sends: not its documents (api.js and timeline.js build those), but the same resolvers, coercions and serializers.
    /// </summary>
    private const string FirstEntity = """
        query WarmUp($id: ID!, $types: [RelationType!], $kinds: [EntityKind!], $asOf: Date) {
          neighbourhood(id: $id, depth: 1, types: $types, kinds: $kinds, asOf: $asOf, limit: 200) {
            truncated
            entities { id name kind aliases countryId validFrom validTo ended }
            relations { id type fromId toId temporality occurredOn validFrom validTo attestedOn startUnknown uncertain alignment confidence role }
          }
          entity(id: $id) {
            id kind name aliases countryId country { name } description validFrom validTo origin
            attributes { key type value }
            citations { sourceId locator note source { id title publisher published retrieved url document kind } }
            relations(asOf: $asOf) {
              id type fromId toId temporality occurredOn validFrom validTo attestedOn startUnknown uncertain alignment confidence role
              from { id name kind } to { id name kind }
              citations { sourceId locator note source { id title publisher published retrieved url document kind } }
            }
            timeline {
              kind date uncertain
              relation { id type fromId toId temporality occurredOn validFrom validTo confidence from { id name kind } to { id name kind } }
            }
          }
        }
        """;

    private readonly TaskCompletionSource<WarmUpReport> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What the warm-up asked and how each went; never faults (a skipped warm-up says why).</summary>
    public Task<WarmUpReport> Completed => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        try
        {
            _done.TrySetResult(await RunAsync(stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            _done.TrySetResult(WarmUpReport.Skipped("the server stopped first"));
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Warm-up failed; the first visit will be slower");
            _done.TrySetResult(WarmUpReport.Skipped($"failed: {e.Message}"));
        }
    }

    private async Task<WarmUpReport> RunAsync(CancellationToken stopping)
    {
        if (!options.Value.WarmUp) return WarmUpReport.Skipped("Api:WarmUp is false");
        await WhenStartedAsync(stopping);
        if (LoopbackAddress(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []) is not { } baseAddress)
            return WarmUpReport.Skipped("the server has no address to call (in-memory test server)");
        while (!readiness.IsReady) await Task.Delay(200, stopping);

        var clock = Stopwatch.StartNew();
        using var handler = new SocketsHttpHandler
        {
            // The response bodies are read only to the end, never decoded: the browser does the decompressing.
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            // Our own server on loopback, possibly under the development certificate.
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds * 3) };
        // A key only where reads need one: it may also write, and the page itself never sends one.
        var key = options.Value.RequireKeyForReads ? options.Value.ApiKeys.FirstOrDefault() : null;
        var steps = new List<WarmUpStep>();

        var page = await ReadPageAsync(stopping);
        foreach (var file in (string[])["/", .. page is null ? [] : LocalFiles(page)])
            steps.Add(await GetAsync(http, file, stopping));

        var start = page is null ? null : StartQuery(page);
        if (start is null) steps.Add(new(WarmUpStep.Question, "wwwroot/index.html", 0, "no Start question found in it"));
        else
        {
            var (step, body) = await AskAsync(http, "/graphql?query=" + EncodeUriComponent(start), key, stopping);
            steps.Add(step);
            var top = body is { } answer ? TopEntity(answer) : null;
            if (top is not null)
            {
                var variables = JsonSerializer.Serialize(new Dictionary<string, object?> { ["id"] = top, ["types"] = null, ["kinds"] = null, ["asOf"] = null });
                steps.Add((await AskAsync(http, $"/graphql?query={EncodeUriComponent(FirstEntity)}&operationName=WarmUp&variables={EncodeUriComponent(variables)}", key, stopping)).Step);
            }
        }

        var report = new WarmUpReport(steps, clock.Elapsed, null);
        var failed = steps.Where(s => s.Problem is not null).ToList();
        if (failed.Count == 0)
            log.LogInformation("Warm-up: {Files} files and {Questions} questions in {Ms} ms", report.Files, steps.Count - report.Files, (long)clock.Elapsed.TotalMilliseconds);
        else
            log.LogWarning("Warm-up: {Failed} of {Count} requests failed ({Problems}); the first visit will be slower",
                failed.Count, steps.Count, string.Join("; ", failed.Select(s => $"{s.Url}: {s.Problem}")));
        return report;
    }

    private async Task WhenStartedAsync(CancellationToken stopping)
    {
        if (lifetime.ApplicationStarted.IsCancellationRequested) return;
        var started = new TaskCompletionSource();
        await using var _ = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stopping);
    }

    /// <summary>The first address the server listens on (plain HTTP first), a wildcard host (`+`, `*`, 0.0.0.0, [::]) read as localhost.</summary>
    internal static Uri? LoopbackAddress(IEnumerable<string> addresses)
    {
        var parsed = addresses
            .Select(a => Uri.TryCreate(a.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var u) ? u : null)
            .OfType<Uri>()
            // Not a Unix socket or a named pipe (http://unix:/…, http://pipe:/…): an HttpClient cannot call those by URL.
            .Where(u => u.Scheme is "http" or "https" && (u.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || u.IsLoopback))
            .OrderBy(u => u.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .FirstOrDefault();
        if (parsed is null) return null;
        // localhost rather than 127.0.0.1 or [::1]: the client tries both, and a container may have no IPv6.
        var host = parsed.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : parsed.Host;
        return new UriBuilder(parsed) { Host = host, Path = "/" }.Uri;
    }

    private async Task<string?> ReadPageAsync(CancellationToken ct)
    {
        var file = environment.WebRootFileProvider.GetFileInfo("index.html");
        if (!file.Exists) return null;
        await using var stream = file.CreateReadStream();
        return await new StreamReader(stream).ReadToEndAsync(ct);
    }

    /// <summary>The page's own files: every `src` and `href` that is a path on this server.</summary>
    internal static IEnumerable<string> LocalFiles(string page) =>
        LocalFileAttribute().Matches(page).Select(m => m.Groups["path"].Value).Distinct(StringComparer.Ordinal);

    /// <summary>The Start question of the page's first script: the text inside <c>encodeURIComponent(`…`)</c>.</summary>
    internal static string? StartQuery(string page) =>
        // A template literal reads a CRLF of the file as LF: so must we, on a checkout with CRLF line ends.
        StartQueryText().Match(page) is { Success: true } m ? m.Groups["query"].Value.ReplaceLineEndings("\n") : null;

    /// <summary>JavaScript's encodeURIComponent, which leaves <c>!'()*</c> as they are where .NET escapes them.</summary>
    internal static string EncodeUriComponent(string text) => Uri.EscapeDataString(text)
        .Replace("%21", "!").Replace("%27", "'").Replace("%28", "(").Replace("%29", ")").Replace("%2A", "*");

    private static string? TopEntity(JsonElement body) =>
        body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
        && data.TryGetProperty("top", out var top) && top.ValueKind == JsonValueKind.Array && top.GetArrayLength() > 0
        && top[0].TryGetProperty("entity", out var entity) && entity.TryGetProperty("id", out var id)
            ? id.GetString() : null;

    private static async Task<WarmUpStep> GetAsync(HttpClient http, string url, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br, zstd"); // Chromium's
        try
        {
            using var response = await http.SendAsync(request, ct);
            await response.Content.CopyToAsync(Stream.Null, ct);
            return new(WarmUpStep.File, url, (int)response.StatusCode, response.IsSuccessStatusCode ? null : $"answered {(int)response.StatusCode}");
        }
        catch (HttpRequestException e)
        {
            return new(WarmUpStep.File, url, 0, e.Message);
        }
    }

    private static async Task<(WarmUpStep Step, JsonElement? Body)> AskAsync(HttpClient http, string url, string? key, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(Accept);
        request.Headers.Add("GraphQL-Require-Preflight", "1");
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        HttpResponseMessage response;
        byte[] body;
        try
        {
            response = await http.SendAsync(request, ct);
            body = await response.Content.ReadAsByteArrayAsync(ct);
        }
        catch (HttpRequestException failure)
        {
            return (new WarmUpStep(WarmUpStep.Question, url, 0, failure.Message), null);
        }
        using var _ = response;
        JsonElement? json = null;
        try
        {
            json = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
        }
        var errors = json is { } j && j.TryGetProperty("errors", out var e) ? string.Join("; ", e.EnumerateArray().Select(x => x.GetProperty("message").GetString())) : null;
        var problem = !response.IsSuccessStatusCode ? $"answered {(int)response.StatusCode}{(errors is null ? "" : $": {errors}")}" : errors;
        return (new WarmUpStep(WarmUpStep.Question, url, (int)response.StatusCode, problem) { ETag = response.Headers.ETag?.ToString() }, json);
    }

    [GeneratedRegex(@"(?:src|href)=""(?<path>/[^""/][^""]*\.(?:js|css))""")]
    private static partial Regex LocalFileAttribute();

    [GeneratedRegex(@"encodeURIComponent\(`(?<query>query Start\b[^`]*)`\)")]
    private static partial Regex StartQueryText();
}

/// <summary>One request of the warm-up: a file or a question, its URL, the status (0: not sent), what went wrong if anything.</summary>
internal sealed record WarmUpStep(string Kind, string Url, int Status, string? Problem)
{
    /// <summary>The answer's ETag: the answer cache's key, so a browser's request with the same tag finds this answer.</summary>
    public string? ETag { get; init; }

    public const string File = "file";
    public const string Question = "question";
}

/// <summary>The warm-up's requests, how long they took together, or why it did not run.</summary>
internal sealed record WarmUpReport(IReadOnlyList<WarmUpStep> Steps, TimeSpan Duration, string? SkippedBecause)
{
    public static WarmUpReport Skipped(string why) => new([], TimeSpan.Zero, why);

    public int Files => Steps.Count(s => s.Kind == WarmUpStep.File);
}

/// <summary>The warm-up, as a hosted service and as itself (tests await <see cref="WarmUp.Completed"/>).</summary>
internal static class WarmUpRegistration
{
    public static IHostApplicationBuilder AddWarmUp(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WarmUp>();
        builder.Services.AddHostedService(s => s.GetRequiredService<WarmUp>());
        return builder;
    }
}
