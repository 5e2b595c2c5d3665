using System.Globalization;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Wb6Graph.Tests.Browser;

/// <summary>
/// The timeline of the selected entity or country: its acts and the starts and ends of its states on a time axis, each
/// opening its sources; a window on it marks on the canvas what began, ended or happened then, as the API's changes
/// question says, and lists it in the panel.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExplorerTimelineTests(ExplorerServer server, ITestOutputHelper output)
{
    private static string Size(int width) => width.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every page of a changes question.</summary>
    private async Task<List<JsonNode>> ChangesAsync(string arguments)
    {
        var all = new List<JsonNode>();
        string? after = null;
        do
        {
            var page = (await server.AskAsync($$"""{ changes({{arguments}}, first: 200{{(after is null ? "" : $", after: \"{after}\"")}}) { pageInfo { hasNextPage endCursor } nodes { kind date relation { id } } } }"""))["changes"]!;
            all.AddRange(page["nodes"]!.AsArray().Select(n => n!));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        } while (after is not null);
        return all;
    }

    private static string[] Ids(IEnumerable<JsonNode> entries) => entries.Select(e => e["relation"]!["id"]!.GetValue<string>()).Distinct().Order().ToArray();

    [ChromiumTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task The_selected_entity_has_a_timeline_whose_marks_open_their_sources(int width, int height)
    {
        var timeline = (await server.AskAsync("""{ entity(id: "kcss") { timeline { kind relation { id } } } }"""))["entity"]!["timeline"]!.AsArray().Select(e => e!);
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("?x=kcss&sel=kcss", width, height);
        var page = explorer.Page;
        await page.Locator("#timeline-axis .mark").First.WaitForAsync();

        Assert.True(await page.IsVisibleAsync("#timeline"));
        Assert.Equal(Ids(timeline), (await page.Locator("#timeline-axis .mark").EvaluateAllAsync<string[]>("ms => ms.map(m => m.dataset.relation)")).Order());
        // Acts are dots, states bars.
        var acts = timeline.Where(e => e["kind"]!.GetValue<string>() == "OCCURRED").Select(e => e["relation"]!["id"]!.GetValue<string>()).Distinct().Count();
        Assert.Equal(acts, await page.Locator("#timeline-axis .mark.act").CountAsync());

        var id = await page.Locator("#timeline-axis .mark").First.GetAttributeAsync("data-relation");
        await page.Locator("#timeline-axis .mark").First.ClickAsync();
        await page.Locator($"#timeline-entry .relation[data-relation='{id}']").WaitForAsync();
        var relation = (await server.AskAsync($$"""{ relation(id: "{{id}}") { citations { source { title url } } } }"""))["relation"]!;
        foreach (var citation in relation["citations"]!.AsArray())
        {
            var source = citation!["source"]!;
            Assert.Contains(source["title"]!.GetValue<string>(), await page.InnerTextAsync("#timeline-entry"));
            if (source["url"] is { } url) Assert.Equal(1, await page.Locator($"#timeline-entry a[href='{url.GetValue<string>()}']").CountAsync());
        }
        await explorer.ScreenshotAsync($"40-timeline-kcss-mark-sources-{Size(width)}");
        explorer.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task A_countrys_timeline_holds_what_changed_for_it_and_its_entities()
    {
        var changes = await ChangesAsync("country: \"me\"");
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("?x=me&sel=me", 1920, 1080);
        await explorer.Page.Locator("#timeline-axis .mark").First.WaitForAsync();

        Assert.Equal(Ids(changes), (await explorer.Page.Locator("#timeline-axis .mark").EvaluateAllAsync<string[]>("ms => ms.map(m => m.dataset.relation)")).Order());
        // For an entity of a country, the country's timeline is offered beside its own.
        await explorer.EvalAsync<bool>("(explorer.canvas.cy.getElementById('cirt-me').emit('tap'), true)");
        await explorer.Page.Locator("#timeline-subject option[value='me']").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        await explorer.SettledAsync();
        Assert.Equal(["cirt-me", "me"], await explorer.Page.Locator("#timeline-subject option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)"));
        explorer.AssertNoErrors();
    }

    [ChromiumTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task A_window_marks_on_the_canvas_what_began_ended_or_happened_in_it(int width, int height)
    {
        const string from = "2024-01-01", to = "2024-12-31";
        var changes = await ChangesAsync($"from: \"{from}\", to: \"{to}\"");
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("?x=wb3c&sel=wb3c", width, height);
        var page = explorer.Page;

        await page.FillAsync("#window-from", from);
        await page.FillAsync("#window-to", to);
        await explorer.WaitForAsync($"location.search.includes('win={from},{to}')");
        await page.Locator("#changes-box h2").WaitForAsync();
        await explorer.SettledAsync();

        var drawn = await explorer.RelationsAsync();
        var changed = changes.Where(c => drawn.Contains(c["relation"]!["id"]!.GetValue<string>())).ToList();
        Assert.NotEmpty(changed);
        var marked = await explorer.EvalAsync<string[]>("explorer.canvas.cy.edges('.changed').map(e => e.data('relations')).flat()");
        // Every edge with a change in the window is marked, every other one fades.
        Assert.All(Ids(changed), id => Assert.Contains(id, marked));
        Assert.Equal(0, await explorer.EvalAsync<int>($"explorer.canvas.cy.edges('.quiet').filter(e => e.data('relations').some(r => {System.Text.Json.JsonSerializer.Serialize(Ids(changed))}.includes(r))).length"));
        Assert.Equal(await explorer.EvalAsync<int>("explorer.canvas.cy.edges().length"), await explorer.EvalAsync<int>("explorer.canvas.cy.edges('.changed, .quiet').length"));
        foreach (var (kind, heading) in new[] { ("BEGAN", "Began"), ("ENDED", "Ended"), ("OCCURRED", "Happened") })
        {
            var count = changed.Count(c => c["kind"]!.GetValue<string>() == kind);
            Assert.Contains($"{heading} ({count})", await page.InnerTextAsync("#changes-box"));
        }
        await explorer.ScreenshotAsync($"41-window-what-changed-2024-{Size(width)}");

        // Dragging across the axis chooses another window; "All time" leaves it.
        var box = (await page.Locator("#timeline-axis svg").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width * 0.2f, box.Y + box.Height - 6); // on the years, clear of the marks
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * 0.5f, box.Y + box.Height - 6, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await explorer.WaitForAsync($"!location.search.includes('win={from},{to}') && location.search.includes('win=')");
        await explorer.SettledAsync();
        Assert.NotEqual(from, await page.InputValueAsync("#window-from"));
        await page.ClickAsync("#window-clear");
        await explorer.WaitForAsync("!location.search.includes('win=')");
        await explorer.SettledAsync();
        Assert.Equal(0, await explorer.EvalAsync<int>("explorer.canvas.cy.elements('.changed, .quiet').length"));
        explorer.AssertNoErrors();
    }
}
