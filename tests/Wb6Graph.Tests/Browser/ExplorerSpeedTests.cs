using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Wb6Graph.Tests.Support;
using Xunit.Abstractions;

namespace Wb6Graph.Tests.Browser;

/// <summary>
/// Reports (never asserts: timings depend on the machine) how fast the explorer is, beside a baseline explorer: a
/// server already running at WB6GRAPH_BASELINE_URL, or else the page of another commit (WB6GRAPH_BASELINE_REF, default
/// main) served by a second server over the same seeds. Fresh loads taken in turn, the median time to the first painted
/// graph of each and their ratio; then, on a warm page, the medians of an expand, a path question and a slider move,
/// each from the click to the frame that shows its answer. Written to the test output and to TestResults/speed.txt.
/// It runs only when asked (WB6GRAPH_SPEED=1): it takes minutes, and figures belong in a quiet run, not in the suite.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExplorerSpeedTests(ExplorerServer server, ITestOutputHelper output)
{
    private static readonly int Loads = int.TryParse(Environment.GetEnvironmentVariable("WB6GRAPH_SPEED_LOADS"), out var n) ? n : 15;
    private const int Width = 1280, Height = 720;
    private const string Painted = "performance.getEntriesByName('explorer:first-graph-painted').length > 0";

    /// <summary>Runs an action in the page and waits for the redraw it starts to end and a frame to show it; milliseconds.</summary>
    private const string Measure = """
        action => new Promise(resolve => {
          const t0 = performance.now();
          let started = false;
          const done = () => { observer.disconnect(); requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0))); };
          const observer = new MutationObserver(() => {
            if (document.body.dataset.busy === 'true') started = true;
            else if (started) done();
          });
          observer.observe(document.body, { attributes: true, attributeFilter: ['data-busy'] });
          setTimeout(() => { observer.disconnect(); resolve(-1); }, 15000);
          new Function(action)();
        })
        """;

    /// <summary>The baseline's page (wwwroot at that commit) in a temporary folder, with today's vendored Cytoscape.js; null and why when it cannot be had.</summary>
    private static (string? Root, string Why) BaselinePage()
    {
        var reference = Environment.GetEnvironmentVariable("WB6GRAPH_BASELINE_REF") is { Length: > 0 } r ? r : "main";
        var folder = Directory.CreateTempSubdirectory("wb6graph-baseline-");
        try
        {
            var archive = Path.Combine(folder.FullName, "page.tar");
            var git = Process.Start(new ProcessStartInfo("git", ["-C", Repo.Path("."), "archive", "-o", archive, reference, "src/Wb6Graph.Api/wwwroot"]) { RedirectStandardError = true })!;
            git.WaitForExit();
            if (git.ExitCode != 0) return (null, $"git archive {reference} failed: {git.StandardError.ReadToEnd().Trim()}");
            var tar = Process.Start(new ProcessStartInfo("tar", ["-xf", archive, "-C", folder.FullName]))!;
            tar.WaitForExit();
            var root = Path.Combine(folder.FullName, "src/Wb6Graph.Api/wwwroot");
            var vendor = Path.Combine(root, "explorer/vendor");
            Directory.CreateDirectory(vendor);
            File.Copy(Repo.Path("src/Wb6Graph.Api/wwwroot/explorer/vendor/cytoscape.min.js"), Path.Combine(vendor, "cytoscape.min.js"));
            return (root, reference);
        }
        catch (Exception e) when (e is IOException or System.ComponentModel.Win32Exception)
        {
            return (null, e.Message);
        }
    }

    private static double Median(List<double> values) => values.Count == 0 ? double.NaN : values.Order().ElementAt(values.Count / 2);

    private static string Summary(List<double> ms) => ms.Count == 0 ? "no sample"
        : $"median {Median(ms):F0} ms (min {ms.Min():F0}, max {ms.Max():F0}, n {ms.Count})";

    private async Task<double> FirstPaintAsync(string baseUrl)
    {
        await using var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = Width, Height = Height }, BaseURL = baseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForFunctionAsync(Painted, null, new() { Timeout = 30000 });
        return await page.EvaluateAsync<double>("performance.getEntriesByName('explorer:first-graph-painted')[0].startTime");
    }

    private static async Task<IPage> WarmPageAsync(IBrowserContext context, string query)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/" + query);
        await page.WaitForSelectorAsync("body[data-busy='false']", new() { Timeout = 30000 });
        await page.WaitForFunctionAsync(Painted, null, new() { Timeout = 30000 });
        return page;
    }

    private static async Task<double> TimeAsync(IPage page, string action)
    {
        var ms = await page.EvaluateAsync<double>(Measure, action);
        await page.WaitForSelectorAsync("body[data-busy='false']", new() { Timeout = 30000 });
        return ms;
    }

    /// <summary>Warm interactions on one page: expanding neighbours one after another, path questions, slider moves.</summary>
    private async Task<(List<double> Expand, List<double> Path, List<double> Slider)> InteractionsAsync(string baseUrl)
    {
        await using var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = Width, Height = Height }, BaseURL = baseUrl });
        List<double> expand = [], path = [], slider = [];

        var page = await WarmPageAsync(context, "?x=kcss&sel=kcss");
        var neighbours = await page.EvaluateAsync<string[]>("explorer.canvas.cy.nodes().map(n => n.id()).filter(id => id !== 'kcss').sort()");
        foreach (var id in neighbours.Take(Loads))
        {
            // Returning nothing: Playwright would serialize the collection emit() returns, and with it the whole Cytoscape
            // instance (minutes and gigabytes).
            await page.EvaluateAsync($"void explorer.canvas.cy.getElementById('{id}').emit('tap')");
            await page.Locator("#details code", new() { HasText = id }).WaitForAsync();
            await page.WaitForSelectorAsync("body[data-busy='false']");
            expand.Add(await TimeAsync(page, "document.getElementById('expand').click()"));
        }

        page = await WarmPageAsync(context, "?x=kcss");
        await page.EvaluateAsync("document.getElementById('paths-box').open = true");
        string[] targets = ["enisa", "al", "wb3c", "eu", "me"];
        for (var i = 0; i < Loads; i++)
        {
            await page.FillAsync("#paths-form [name=from]", "kcss");
            await page.FillAsync("#paths-form [name=to]", targets[i % targets.Length]);
            await page.EvaluateAsync("document.querySelectorAll('.suggestions').forEach(l => l.hidden = true)");
            path.Add(await TimeAsync(page, "document.getElementById('paths-form').requestSubmit()"));
        }

        page = await WarmPageAsync(context, "?x=kcss&sel=kcss");
        for (var i = 0; i < Loads; i++)
        {
            // One month after another, back and forth over 2023-2025 (steps of the slider: months since January 2000).
            var step = (2023 - 2000) * 12 + (i * 7 % 36);
            slider.Add(await TimeAsync(page, $"const s = document.getElementById('asof'); s.value = '{step}'; s.dispatchEvent(new Event('input', {{ bubbles: true }}))"));
        }
        return (expand.Where(v => v >= 0).ToList(), path.Where(v => v >= 0).ToList(), slider.Where(v => v >= 0).ToList());
    }

    [SpeedFact]
    public async Task Load_and_interaction_times_are_reported_beside_the_baseline_page()
    {
        var report = new StringBuilder();
        void Say(string line) { output.WriteLine(line); report.AppendLine(line); }
        var running = Environment.GetEnvironmentVariable("WB6GRAPH_BASELINE_URL") is { Length: > 0 } url ? url.TrimEnd('/') : null;
        var (root, reference) = running is null ? BaselinePage() : (null, $"the server at {running}");
        await using var baseline = root is null ? null : new KestrelApi { WebRoot = root };
        baseline?.Start();
        var baselineUrl = running ?? baseline?.BaseUrl;
        using (var http = new HttpClient())
        {
            if (running is null && baselineUrl is not null && await http.GetStringAsync($"{baselineUrl}/explorer/main.js") == await File.ReadAllTextAsync(Repo.Path("src/Wb6Graph.Api/wwwroot/explorer/main.js")))
                (baselineUrl, reference) = (null, $"the second server served this page, not {reference}'s");
        }
        Say($"Explorer speed, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, headless Chromium, {Width}×{Height}, {Loads} fresh loads each, taken in turn.");
        Say(baselineUrl is null ? $"No baseline page ({reference}): this page only." : running is null
            ? $"Baseline: the explorer at {reference}, served by a second server over the same seeds."
            : $"Baseline: {reference}.");

        // A first load of each warms its server (JIT, first executions, the answer cache); it is not counted.
        await FirstPaintAsync(server.BaseUrl);
        if (baselineUrl is not null) await FirstPaintAsync(baselineUrl);
        List<double> mine = [], theirs = [];
        for (var i = 0; i < Loads; i++)
        {
            // In turn, each going first every other time, so that whatever else the machine does falls on both.
            if (baselineUrl is not null && i % 2 == 0) theirs.Add(await FirstPaintAsync(baselineUrl));
            mine.Add(await FirstPaintAsync(server.BaseUrl));
            if (baselineUrl is not null && i % 2 == 1) theirs.Add(await FirstPaintAsync(baselineUrl));
        }
        Say($"First painted graph, this page: {Summary(mine)}");
        if (baselineUrl is not null)
        {
            Say($"First painted graph, {reference}: {Summary(theirs)}");
            Say($"Ratio of the medians (this / {reference}): {Median(mine) / Median(theirs):F2}");
        }

        var warm = await InteractionsAsync(server.BaseUrl);
        Say($"Warm, this page: expand {Summary(warm.Expand)}; path question {Summary(warm.Path)}; slider move {Summary(warm.Slider)}");
        if (baselineUrl is not null)
        {
            var old = await InteractionsAsync(baselineUrl);
            Say($"Warm, {reference}: expand {Summary(old.Expand)}; path question {Summary(old.Path)}; slider move {Summary(old.Slider)}");
        }
        Directory.CreateDirectory(Repo.Path("TestResults"));
        await File.WriteAllTextAsync(Repo.Path("TestResults/speed.txt"), report.ToString());
    }
}

/// <summary>The speed report: a browser test that runs only when WB6GRAPH_SPEED=1 asks for it.</summary>
public sealed class SpeedFactAttribute : FactAttribute
{
    public SpeedFactAttribute() => Skip = Environment.GetEnvironmentVariable("WB6GRAPH_SPEED") != "1"
        ? "The explorer's speed report runs only when asked: WB6GRAPH_SPEED=1 (see docs/explorer.md)."
        : Chromium.SkipReason;
}
