using System.Globalization;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Wb6Graph.Tests.Browser;

/// <summary>
/// The gap matrix as a policy analyst reads it: every status drawn apart and explained, an unknown cell never read as a
/// gap, each score with what it rests on, and each cell's evidence (chains, documented absences, research record).
/// Expected values come from the API, not from numbers written here: the curated seeds change.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExplorerGapTests(ExplorerServer server, ITestOutputHelper output)
{
    private static readonly Dictionary<string, (string Label, string Mark)> Statuses = new()
    {
        ["PRESENT"] = ("present", "✓"), ["PARTIAL"] = ("partial", "◐"), ["EXPIRED"] = ("expired", "◷"),
        ["MISSING"] = ("missing", "✗"), ["UNKNOWN"] = ("unknown", "?"), ["NOT_ELIGIBLE"] = ("not eligible", "–"),
    };

    private static string Percent(double value) => Math.Round(value * 100, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture) + "%";

    private async Task<JsonArray> GapsAsync(string selection, string arguments = "") =>
        (await server.AskAsync($$"""{ gaps{{arguments}} { {{selection}} } }"""))["gaps"]!.AsArray();

    /// <summary>The first cell (country, item) the predicate picks, in the order the API lists them.</summary>
    private static (string Country, JsonNode Item)? Find(JsonArray reports, Func<JsonNode, bool> pick) =>
        reports.SelectMany(r => r!["items"]!.AsArray().Select(i => (Country: r["countryId"]!.GetValue<string>(), Item: i!)))
            .Where(x => pick(x.Item)).Select(x => ((string, JsonNode)?)x).FirstOrDefault();

    private static async Task<ExplorerPage> OpenGapsAsync(ExplorerPage explorer, string query = "?view=gaps")
    {
        await explorer.OpenAsync(query);
        await explorer.Page.Locator("table.gaps").WaitForAsync();
        return explorer;
    }

    private async Task<string> OpenCellAsync(ExplorerPage explorer, string key)
    {
        await explorer.Page.ClickAsync($"[data-gap='{key}']");
        await explorer.Page.Locator("#details h2").WaitForAsync();
        await explorer.WaitForAsync($"location.search.includes('gap={key}')");
        await explorer.SettledAsync();
        return await explorer.Page.InnerTextAsync("#details");
    }

    [ChromiumFact]
    public async Task Every_status_is_drawn_marked_and_explained_and_unknown_is_not_coloured_as_missing()
    {
        await using var explorer = await OpenGapsAsync(new ExplorerPage(server, output));
        var page = explorer.Page;
        var reports = await GapsAsync("countryId score coverage researched eligible items { id status countsInScore }");

        // Each cell: its status as a class, a mark and a word, so that it reads without colour.
        foreach (var report in reports)
            foreach (var item in report!["items"]!.AsArray())
            {
                var key = $"{report["countryId"]}:{item!["id"]}";
                var status = item["status"]!.GetValue<string>();
                var cell = page.Locator($"[data-gap='{key}']");
                Assert.Contains(status, await cell.GetAttributeAsync("class") ?? "");
                var text = await cell.InnerTextAsync();
                Assert.Contains(Statuses[status].Label, text);
                Assert.Contains(Statuses[status].Mark, text);
            }

        // Unknown is neutral (grey, dotted), not the red of a documented gap.
        var unknown = Find(reports, i => i["status"]!.GetValue<string>() == "UNKNOWN");
        var missing = Find(reports, i => i["status"]!.GetValue<string>() == "MISSING");
        Assert.True(unknown is not null && missing is not null, "the curated graph has an unknown cell and a missing one");
        async Task<(int R, int G, int B, string Border)> Look(string key) =>
            Parse(await page.Locator($"[data-gap='{key}']").EvaluateAsync<string[]>("e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).borderTopStyle]"));
        var grey = await Look($"{unknown.Value.Country}:{unknown.Value.Item["id"]}");
        var red = await Look($"{missing.Value.Country}:{missing.Value.Item["id"]}");
        Assert.NotEqual((red.R, red.G, red.B), (grey.R, grey.G, grey.B));
        Assert.True(Math.Max(grey.R, Math.Max(grey.G, grey.B)) - Math.Min(grey.R, Math.Min(grey.G, grey.B)) < 16 && grey.R > 200, $"unknown is a light neutral grey, not rgb({grey.R}, {grey.G}, {grey.B})");
        Assert.Equal("dotted", grey.Border);
        Assert.True(red.R > red.G + 60, "missing stays red");

        // The legend says what every status of the API means, in words.
        var statuses = (await server.AskAsync("""{ __type(name: "GapStatus") { enumValues { name } } }"""))["__type"]!["enumValues"]!.AsArray()
            .Select(v => v!["name"]!.GetValue<string>()).ToList();
        foreach (var status in statuses) Assert.Equal(1, await page.Locator($".status-legend li[data-status='{status}']").CountAsync());
        var legend = await page.InnerTextAsync(".status-legend");
        Assert.Contains("nobody found evidence either way: not a documented gap", legend);
        Assert.Contains("a source documents the absence", legend);
        Assert.Contains("partly there", legend);
        Assert.Contains("held once and has ended", legend);
        Assert.Contains("member states only", legend);
        Assert.Contains("known only to the month or year", legend);

        // Each score with what it rests on; an item that measures support received says it does not count.
        foreach (var report in reports)
        {
            var country = report!["countryId"]!.GetValue<string>();
            var score = await page.InnerTextAsync($"[data-score='{country}']");
            if (report["score"] is null) Assert.Equal("no researched item", score.Trim());
            else
            {
                Assert.Contains($"score {Percent(report["score"]!.GetValue<double>())}", score);
                Assert.Equal($"over {report["researched"]} of {report["eligible"]} researched items", (await page.InnerTextAsync($"[data-coverage='{country}']")).Trim());
            }
        }
        var unscored = reports[0]!["items"]!.AsArray().Where(i => !i!["countsInScore"]!.GetValue<bool>()).Select(i => i!["id"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(unscored); // regional capacity building: support received
        foreach (var id in unscored) Assert.Contains("Not counted in the score", await page.InnerTextAsync($"tr[data-item='{id}'] th"));
        await explorer.ScreenshotAsync("10-gaps-statuses-and-coverage");

        // Early on nothing was researched to a conclusion: such a score reads so, rather than 0 %.
        const string early = "2001-07-01";
        var then = await GapsAsync("countryId score", $"(asOf: \"{early}\")");
        var none = then.Where(r => r!["score"] is null).Select(r => r!["countryId"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(none);
        await page.EvalOnSelectorAsync("#asof-date", $"(f, d) => {{ f.value = d; f.dispatchEvent(new Event('change', {{ bubbles: true }})); }}", early);
        await explorer.WaitForAsync($"location.search.includes('asOf={early}')");
        await page.Locator("h2", new() { HasText = early }).WaitForAsync();
        await explorer.SettledAsync();
        foreach (var country in none) Assert.Equal("no researched item", (await page.InnerTextAsync($"[data-score='{country}']")).Trim());
        explorer.AssertNoErrors();
    }

    private static (int, int, int, string) Parse(string[] look)
    {
        var rgb = look[0][(look[0].IndexOf('(') + 1)..look[0].IndexOf(')')].Split(',').Select(v => (int)double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return (rgb[0], rgb[1], rgb[2], look[1]);
    }

    [ChromiumFact]
    public async Task An_unknown_cell_is_not_a_gap_and_opens_its_research_record()
    {
        var reports = await GapsAsync("""
            countryId items { id status research { checked conclusion consulted { source { title url } url query result } } }
            """);
        var found = Find(reports, i => i["status"]!.GetValue<string>() == "UNKNOWN" && i["research"] is not null);
        Assert.True(found is not null, "the curated graph has an unknown cell with a research record");
        var (country, item) = found.Value;
        var research = item["research"]!;
        await using var explorer = await OpenGapsAsync(new ExplorerPage(server, output));
        var page = explorer.Page;

        var details = await OpenCellAsync(explorer, $"{country}:{item["id"]}");
        Assert.Contains("unknown", details);
        Assert.Contains("not a documented gap", details);
        Assert.DoesNotContain("documented absences", details, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Research record", details);
        Assert.Contains(research["checked"]!.GetValue<string>(), details);
        Assert.Contains("nothing found either way", details);
        Assert.Contains(research["conclusion"]!.GetValue<string>(), details);
        // What was consulted, each with what it gave: sources and addresses as links, searches as typed.
        foreach (var step in research["consulted"]!.AsArray())
        {
            Assert.Contains(step!["result"]!.GetValue<string>(), details);
            if (step["source"] is { } source)
            {
                Assert.Contains(source["title"]!.GetValue<string>(), details);
                if (source["url"] is { } url) Assert.True(await page.Locator($"#details .consulted a[href='{url.GetValue<string>()}']").CountAsync() > 0);
            }
            if (step["url"] is { } address) Assert.True(await page.Locator($"#details .consulted a[href='{address.GetValue<string>()}']").CountAsync() > 0);
            if (step["query"] is { } query) Assert.Contains(query.GetValue<string>(), details);
        }
        await explorer.ScreenshotAsync("11-gaps-unknown-research-record");
        explorer.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task A_partial_cell_says_why_and_lists_the_chains_it_rests_on()
    {
        var reports = await GapsAsync("countryId items { id status detail evidence { relations { id alignment } } }");
        var found = Find(reports, i => i["status"]!.GetValue<string>() == "PARTIAL");
        Assert.True(found is not null, "the curated graph has a partial cell");
        var (country, item) = found.Value;
        await using var explorer = await OpenGapsAsync(new ExplorerPage(server, output));
        var key = $"{country}:{item["id"]}";
        Assert.Contains("PARTIAL", await explorer.Page.GetAttributeAsync($"[data-gap='{key}']", "class") ?? "");
        Assert.Contains(item["detail"]!.GetValue<string>(), await explorer.Page.GetAttributeAsync($"[data-gap='{key}']", "title") ?? "");

        var details = await OpenCellAsync(explorer, key);
        Assert.Contains("partial", details);
        Assert.Contains(item["detail"]!.GetValue<string>(), details);
        var relations = item["evidence"]!.AsArray().SelectMany(p => p!["relations"]!.AsArray()).ToList();
        Assert.NotEmpty(relations);
        foreach (var relation in relations)
        {
            var block = await explorer.Page.InnerTextAsync($"#details .chains .relation[data-relation='{relation!["id"]}']");
            if (relation["alignment"] is { } alignment) Assert.Contains($"alignment: {alignment.GetValue<string>().ToLowerInvariant()}", block);
        }
        await explorer.ScreenshotAsync("12-gaps-partial-chains");
        explorer.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task A_cell_whose_date_is_known_only_to_the_year_carries_a_marker_and_says_why()
    {
        // Mid-year of each year since 2000, in one request: the first cell that rests on a date the day falls inside.
        var years = Enumerable.Range(2000, DateTime.UtcNow.Year - 2000 + 1).ToList();
        var answer = await server.AskAsync("{ " + string.Join(" ", years.Select(y => $"y{y}: gaps(asOf: \"{y}-07-01\") {{ countryId items {{ id uncertain }} }}")) + " }");
        var (day, found) = years.Select(y => ($"{y}-07-01", Find(answer[$"y{y}"]!.AsArray(), i => i["uncertain"]!.GetValue<bool>())))
            .FirstOrDefault(x => x.Item2 is not null);
        Assert.True(found is not null, "the curated graph has a status that rests on a date known only to the month or year");
        var key = $"{found.Value.Country}:{found.Value.Item["id"]}";
        await using var explorer = await OpenGapsAsync(new ExplorerPage(server, output), $"?view=gaps&asOf={day}");
        var cell = explorer.Page.Locator($"[data-gap='{key}']");

        Assert.True(await cell.Locator(".uncertain-mark").IsVisibleAsync(), "a visible marker");
        Assert.Contains("date uncertain", await cell.InnerTextAsync());
        Assert.Contains("known only to the month or year", await cell.GetAttributeAsync("title") ?? "");
        Assert.Contains(day, await cell.GetAttributeAsync("title") ?? "");
        var details = await OpenCellAsync(explorer, key);
        Assert.Contains("Date uncertain", details);
        Assert.Matches(@"in \d{4}(-\d{2})? \(known to the (year|month) only\)", details);
        await explorer.ScreenshotAsync("13-gaps-uncertain-date");
        explorer.AssertNoErrors();
    }
}
