using System.Globalization;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Wb6Graph.Tests.Browser;

/// <summary>
/// The matrix over time: compared with a second date, the cells whose status differs are outlined with what they were,
/// and listed with the facts of their evidence that began, ended or happened in between; scores keep their coverage.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExplorerGapCompareTests(ExplorerServer server, ITestOutputHelper output)
{
    private const string Then = "2015-01-01";

    private static readonly Dictionary<string, string> Labels = new()
    {
        ["PRESENT"] = "present", ["PARTIAL"] = "partial", ["EXPIRED"] = "expired", ["MISSING"] = "missing", ["UNKNOWN"] = "unknown", ["NOT_ELIGIBLE"] = "not eligible",
    };

    /// <summary>A partial date's first day, to compare dates of any precision.</summary>
    private static string FirstDay(string date) => date + "-01-01"[(date.Length - 4)..];

    [ChromiumTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task Compared_with_a_second_date_the_matrix_shows_the_cells_that_changed_and_why(int width, int height)
    {
        const string selection = "countryId score researched eligible items { id status evidence { relations { id occurredOn validFrom validTo attestedOn } } }";
        var answer = await server.AskAsync($$"""{ now: gaps { {{selection}} } then: gaps(asOf: "{{Then}}") { {{selection}} } }""");
        var then = answer["then"]!.AsArray().ToDictionary(r => r!["countryId"]!.GetValue<string>(), r => r!["items"]!.AsArray().ToDictionary(i => i!["id"]!.GetValue<string>(), i => i!));
        var changed = answer["now"]!.AsArray().SelectMany(r => r!["items"]!.AsArray().Select(i => (Country: r["countryId"]!.GetValue<string>(), Now: i!)))
            .Select(x => (x.Country, x.Now, Then: then[x.Country][x.Now["id"]!.GetValue<string>()]))
            .Where(x => x.Now["status"]!.GetValue<string>() != x.Then["status"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(changed);

        await using var explorer = await new ExplorerPage(server, output).OpenAsync($"?view=gaps&cmp={Then}", width, height);
        var page = explorer.Page;
        await page.Locator(".comparison").WaitForAsync();

        var keys = changed.Select(c => $"{c.Country}:{c.Now["id"]}").Order().ToArray();
        Assert.Equal(keys, (await page.Locator(".cell.changed").EvaluateAllAsync<string[]>("cs => cs.map(c => c.dataset.gap)")).Order());
        Assert.Equal(keys, (await page.Locator(".comparison [data-changed]").EvaluateAllAsync<string[]>("cs => cs.map(c => c.dataset.changed)")).Order());
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var (country, now, before) in changed)
        {
            var key = $"{country}:{now["id"]}";
            var was = (await page.InnerTextAsync($".cell[data-gap='{key}'] .was")).Trim();
            Assert.StartsWith("was ", was);
            Assert.EndsWith(Labels[before["status"]!.GetValue<string>()], was);
            // Why: every dated fact of its evidence, on either date, that falls between the two dates is named with its date.
            var item = await page.InnerTextAsync($".comparison [data-changed='{key}']");
            var facts = new[] { now, before }.SelectMany(i => i["evidence"]!.AsArray().SelectMany(p => p!["relations"]!.AsArray()))
                .SelectMany(r => new[] { "occurredOn", "validFrom", "validTo", "attestedOn" }.Select(f => r![f]?.GetValue<string>()))
                .OfType<string>().Where(d => string.CompareOrdinal(FirstDay(d), Then) > 0 && string.CompareOrdinal(FirstDay(d), today) <= 0).Distinct();
            foreach (var date in facts) Assert.Contains(date, item);
        }
        // Each score keeps its coverage, and says what it was.
        foreach (var report in answer["now"]!.AsArray())
        {
            var id = report!["countryId"]!.GetValue<string>();
            if (report["score"] is not null) Assert.Equal($"over {report["researched"]} of {report["eligible"]} researched items", (await page.InnerTextAsync($"[data-coverage='{id}']")).Trim());
            Assert.Contains($"on {Then}", await page.InnerTextAsync($"[data-was-score='{id}']"));
        }
        await explorer.ScreenshotAsync($"50-gaps-compared-{Then}-{width.ToString(CultureInfo.InvariantCulture)}");
        await page.Locator(".comparison").ScrollIntoViewIfNeededAsync();
        await explorer.ScreenshotAsync($"51-gaps-changed-cells-why-{width.ToString(CultureInfo.InvariantCulture)}");

        // The date is typed in the matrix' own field, and kept in the link.
        await page.FillAsync("#compare-date", "2020-01-01");
        await explorer.WaitForAsync("location.search.includes('cmp=2020-01-01')");
        await page.Locator("[data-was-score]", new() { HasText = "2020-01-01" }).First.WaitForAsync();
        explorer.AssertNoErrors();
    }
}
