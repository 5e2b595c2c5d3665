using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Wb6Graph.Tests.Browser;

/// <summary>
/// Finding an entity and reading about it: a search result is centred with its neighbours; the panel lists its
/// relations grouped by type with the other end, dates, confidence and sources; names of attributes, relation types
/// and kinds are words; the path form takes names with the search box's suggestions.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ExplorerPanelTests(ExplorerServer server, ITestOutputHelper output)
{
    [GeneratedRegex("[a-z][A-Z]|[A-Z]{2,}_[A-Z]")]
    private static partial Regex CodeName();

    private static string Size(int width) => width.ToString(CultureInfo.InvariantCulture);

    private async Task<string[]> NeighbourhoodAsync(string id) =>
        (await server.AskAsync($$"""{ neighbourhood(id: "{{id}}", limit: 200) { entities { id } } }"""))["neighbourhood"]!["entities"]!.AsArray()
            .Select(e => e!["id"]!.GetValue<string>()).Order().ToArray();

    private static async Task PickAsync(ExplorerPage explorer, string input, string text, string name)
    {
        await explorer.Page.FillAsync(input, text);
        var option = explorer.Page.Locator($"#{await explorer.Page.GetAttributeAsync(input, "aria-controls")} li[role=option]", new() { HasText = name }).First;
        await option.ClickAsync();
    }

    [ChromiumTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task A_search_result_is_centred_with_its_neighbours(int width, int height)
    {
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("", width, height);
        var page = explorer.Page;

        // Not on the canvas: its own view, its neighbours drawn, itself selected near the middle.
        await PickAsync(explorer, "#search", "qkss", "Kosovar Centre for Security Studies");
        await page.Locator("#details h2", new() { HasText = "Kosovar Centre for Security Studies" }).WaitForAsync();
        await explorer.SettledAsync();
        await page.WaitForTimeoutAsync(400); // the centring glides
        Assert.Equal(await NeighbourhoodAsync("kcss"), await explorer.NodesAsync());
        Assert.Equal(["kcss"], await explorer.EvalAsync<string[]>("explorer.canvas.cy.nodes(':selected').map(n => n.id())"));
        var off = await explorer.EvalAsync<double[]>("""
            (() => { const cy = explorer.canvas.cy, p = cy.getElementById('kcss').renderedPosition(); return [Math.abs(p.x - cy.width() / 2) / cy.width(), Math.abs(p.y - cy.height() / 2) / cy.height()]; })()
            """);
        Assert.True(off[0] < 0.05 && off[1] < 0.05, $"KCSS is {off[0]:P0} and {off[1]:P0} off the middle");
        await explorer.ScreenshotAsync($"30-search-kcss-centred-{Size(width)}");

        // Already drawn: expanded where it stands, and what was drawn stays.
        var before = await explorer.NodesAsync();
        await PickAsync(explorer, "#search", "ENISA", "European Union Agency for Cybersecurity");
        await page.Locator("#details h2", new() { HasText = "European Union Agency for Cybersecurity" }).WaitForAsync();
        await explorer.SettledAsync();
        var after = await explorer.NodesAsync();
        Assert.All(before, id => Assert.Contains(id, after));
        Assert.All(await NeighbourhoodAsync("enisa"), id => Assert.Contains(id, after));
        Assert.Contains("x=kcss", page.Url);
        Assert.Contains("x=enisa", page.Url);
        explorer.AssertNoErrors();
    }

    [ChromiumTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task The_panel_lists_relations_grouped_by_type_with_the_other_end_dates_confidence_and_sources(int width, int height)
    {
        const string id = "wb3c";
        var entity = (await server.AskAsync($$"""
            { entity(id: "{{id}}") { name attributes { key } relations { id type fromId toId temporality occurredOn validFrom validTo attestedOn startUnknown confidence
              from { id name } to { id name } sources { title } } } }
            """))["entity"]!;
        await using var explorer = await new ExplorerPage(server, output).OpenAsync($"?x={id}&sel={id}", width, height);
        var page = explorer.Page;

        var relations = entity["relations"]!.AsArray().Select(r => r!).ToList();
        var groups = relations.GroupBy(r => (Type: r["type"]!.GetValue<string>(), Out: r["fromId"]!.GetValue<string>() == id)).ToList();
        Assert.Equal(groups.Count, await page.Locator("#entity-relations .relation-group").CountAsync());
        foreach (var group in groups)
        {
            var at = $"#entity-relations .relation-group[data-type='{group.Key.Type}'][data-direction='{(group.Key.Out ? "out" : "in")}']";
            Assert.Equal(group.Count(), await page.Locator($"{at} .relation").CountAsync());
            var heading = await page.InnerTextAsync($"{at} > summary");
            Assert.DoesNotContain(group.Key.Type, heading); // the type in words
            foreach (var r in group)
            {
                var row = await page.Locator($"{at} .relation[data-relation='{r["id"]}']").TextContentAsync() ?? "";
                var other = r[group.Key.Out ? "to" : "from"]!["name"]!.GetValue<string>();
                Assert.Contains(other, row);
                Assert.Contains($"{r["confidence"]}:", row);
                // As precise as the sources give them (2022-11, 2024); the day a source attests it when nothing else dates it.
                foreach (var field in new[] { "occurredOn", "validFrom", "validTo" })
                    if (r[field] is { } date) Assert.Contains(date.GetValue<string>(), row);
                if (r["occurredOn"] is null && r["validFrom"] is null && r["attestedOn"] is { } attested) Assert.Contains($"attested {attested}", row);
                foreach (var source in r["sources"]!.AsArray()) Assert.Contains(source!["title"]!.GetValue<string>(), row);
            }
        }

        // Attribute names as words, their keys kept for those who look for them.
        var keys = entity["attributes"]!.AsArray().Select(a => a!["key"]!.GetValue<string>()).ToList();
        Assert.Contains(keys, k => CodeName().IsMatch(k));
        var terms = await page.Locator("#details dt").AllInnerTextsAsync();
        Assert.All(terms, t => Assert.DoesNotMatch(CodeName(), t));
        foreach (var key in keys) Assert.Equal(1, await page.Locator($"#details dt[title='{key}']").CountAsync());

        // Selectors and legends use words.
        var options = (await page.Locator("#expand-types option, #paths-types option").AllInnerTextsAsync()).ToList();
        Assert.NotEmpty(options);
        Assert.All(options, o => { Assert.DoesNotContain("_", o); Assert.Equal(o.ToLowerInvariant(), o); });
        Assert.Contains("co-organised", options);
        Assert.DoesNotMatch(CodeName(), await page.InnerTextAsync("#legend"));
        await page.EvaluateAsync("document.getElementById('entity-relations').scrollIntoView({ block: 'start' })");
        await explorer.ScreenshotAsync($"31-panel-relations-grouped-{Size(width)}");
        explorer.AssertNoErrors();
    }

    [ChromiumTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task The_path_form_takes_names_with_the_search_suggestions(int width, int height)
    {
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("?x=kcss", width, height);
        var page = explorer.Page;
        await page.ClickAsync("#paths-box summary");

        await PickAsync(explorer, "#paths-form [name=from]", "qkss", "Kosovar Centre for Security Studies");
        Assert.Equal("Kosovar Centre for Security Studies", await page.InputValueAsync("#paths-form [name=from]"));
        await page.FillAsync("#paths-form [name=to]", "Cybersecurity agency");
        var option = page.Locator("#to-suggestions li[role=option]", new() { HasText = "European Union Agency for Cybersecurity" }).First;
        await option.WaitForAsync();
        await explorer.ScreenshotAsync($"32-paths-form-suggestions-{Size(width)}");
        await option.ClickAsync();
        await page.ClickAsync("#paths-form button[type=submit]");
        await page.Locator("#paths-result ol.paths > li").First.WaitForAsync();
        await explorer.SettledAsync();

        Assert.Contains("path=kcss,enisa", page.Url);
        var expected = (await server.AskAsync("""{ paths(from: "kcss", to: "enisa", k: 3, maxHops: 6) { length } }"""))["paths"]!.AsArray();
        Assert.Equal(expected.Count, await page.Locator("#paths-result ol.paths > li").CountAsync());
        await explorer.ScreenshotAsync($"33-paths-by-name-{Size(width)}");
        explorer.AssertNoErrors();
    }
}
