using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wb6Graph.Api.Http;
using Xunit.Abstractions;

namespace Wb6Graph.Tests.Browser;

/// <summary>What a person does on the explorer, in Debian's Chromium driven by Playwright; a screenshot of each state.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExplorerBrowserTests(ExplorerServer server, ITestOutputHelper output)
{
    private Task<JsonNode> AskAsync(string query) => server.AskAsync(query);

    [ChromiumFact]
    public async Task Searching_qkss_finds_KCSS_and_opens_its_panel()
    {
        await using var explorer = await new ExplorerPage(server, output).OpenAsync();
        var page = explorer.Page;

        await page.FillAsync("#search", "qkss");
        var option = page.Locator("#suggestions li[role=option]", new() { HasText = "Kosovar Centre for Security Studies" });
        await option.WaitForAsync();
        await explorer.ScreenshotAsync("1a-autocomplete-qkss");
        await option.ClickAsync();
        await page.Locator("#details h2", new() { HasText = "Kosovar Centre for Security Studies" }).WaitForAsync();
        await explorer.SettledAsync();

        var details = await page.InnerTextAsync("#details");
        Assert.Contains("QKSS", details);
        Assert.Contains("Non-profit", details);
        Assert.Contains("Kosovo", details);
        Assert.True(await page.Locator("#details .sources a[href^='https://']").CountAsync() > 0, "the panel links to the sources");
        Assert.Contains("kcss", await explorer.NodesAsync());
        Assert.Contains("sel=kcss", page.Url);
        await explorer.ScreenshotAsync("1-search-qkss-kcss");
        explorer.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task A_mouse_wheel_over_the_canvas_zooms_in_and_back_out()
    {
        await using var explorer = await new ExplorerPage(server, output).OpenAsync();
        var page = explorer.Page;
        var box = (await page.Locator("#cy").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        var before = await explorer.EvalAsync<double>("explorer.canvas.cy.zoom()");

        // Eight notches of a mouse wheel, as Chromium reports them (100 px each).
        for (var i = 0; i < 8; i++)
        {
            await page.Mouse.WheelAsync(0, -100);
            await page.WaitForTimeoutAsync(50);
        }
        var zoomedIn = await explorer.EvalAsync<double>("explorer.canvas.cy.zoom()");
        for (var i = 0; i < 8; i++)
        {
            await page.Mouse.WheelAsync(0, 100);
            await page.WaitForTimeoutAsync(50);
        }
        var zoomedOut = await explorer.EvalAsync<double>("explorer.canvas.cy.zoom()");

        Assert.True(zoomedIn >= before * 1.25, $"eight notches took the zoom from {before:F3} to {zoomedIn:F3} only");
        Assert.True(zoomedOut < zoomedIn / 1.2, $"eight notches back took it from {zoomedIn:F3} to {zoomedOut:F3} only");
        explorer.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Expanding_KCSS_draws_its_neighbours_as_the_API_lists_them()
    {
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("?pin=kcss&sel=kcss");
        Assert.Equal(["kcss"], await explorer.NodesAsync());

        await explorer.Page.ClickAsync("#expand");
        await explorer.WaitForAsync("explorer.canvas.cy.getElementById('kcss').connectedEdges().length > 0");
        await explorer.SettledAsync();

        var expected = (await AskAsync("""{ neighbourhood(id: "kcss") { entities { id } relations { id } } }"""))["neighbourhood"]!;
        Assert.Equal(expected["entities"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()).Order(), await explorer.NodesAsync());
        Assert.Equal(expected["relations"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).Order(), await explorer.RelationsAsync());
        Assert.Contains("x=kcss", explorer.Page.Url);
        await explorer.ScreenshotAsync("2-kcss-neighbours");
        explorer.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Neighbours_can_be_filtered_by_relation_type_and_an_entity_hidden()
    {
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("?pin=kcss&sel=kcss");
        var page = explorer.Page;

        await page.SelectOptionAsync("#expand-types", ["LEADS", "BASED_IN"]);
        await page.ClickAsync("#expand");
        await explorer.WaitForAsync("explorer.canvas.cy.edges().length > 0");
        await explorer.SettledAsync();
        var expected = (await AskAsync("""{ neighbourhood(id: "kcss", types: [LEADS, BASED_IN]) { entities { id } } }"""))["neighbourhood"]!["entities"]!.AsArray()
            .Select(e => e!["id"]!.GetValue<string>()).Order().ToArray();
        Assert.Equal(expected, await explorer.NodesAsync());
        Assert.Matches(@"x=kcss:(BASED_IN\.LEADS|LEADS\.BASED_IN)(&|$)", page.Url);

        // Clicking an entity on the canvas opens it; hiding it takes it off the canvas and into the link.
        var other = expected.First(id => id != "kcss");
        await explorer.EvalAsync<bool>($"(explorer.canvas.cy.getElementById('{other}').emit('tap'), true)");
        await page.Locator($"#details code", new() { HasText = other }).WaitForAsync();
        await explorer.SettledAsync();
        await page.ClickAsync("#hide");
        await explorer.WaitForAsync($"explorer.canvas.cy.getElementById('{other}').empty()");
        Assert.DoesNotContain(other, await explorer.NodesAsync());
        Assert.Contains($"hide={other}", page.Url);
        explorer.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Paths_from_KCSS_to_ENISA_are_listed_with_their_sources_and_highlighted()
    {
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("?x=kcss&sel=kcss");
        var page = explorer.Page;

        await page.ClickAsync("#paths-box summary");
        await page.FillAsync("#paths-form [name=from]", "kcss");
        await page.FillAsync("#paths-form [name=to]", "enisa");
        await explorer.SubmitPathsAsync();
        await page.Locator("#paths-result ol.paths > li").First.WaitForAsync();
        await explorer.SettledAsync();

        var expected = (await AskAsync("""{ paths(from: "kcss", to: "enisa", k: 3, maxHops: 6) { steps { relations { id sources { title } } } } }"""))["paths"]!.AsArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, await page.Locator("#paths-result ol.paths > li").CountAsync());
        var relations = expected.SelectMany(p => p!["steps"]!.AsArray().SelectMany(s => s!["relations"]!.AsArray())).ToList();
        foreach (var relation in relations)
        {
            var block = page.Locator($"#paths-result .relation[data-relation='{relation!["id"]!.GetValue<string>()}']").First;
            var text = await block.InnerTextAsync();
            foreach (var source in relation["sources"]!.AsArray()) Assert.Contains(source!["title"]!.GetValue<string>(), text);
        }
        var listed = await page.InnerTextAsync("#paths-result");
        Assert.Contains("European Union Agency for Cybersecurity", listed);
        Assert.Matches(@"H: official or primary|M: secondary|L: weak", listed);
        // Every relation of the paths is on a highlighted edge (an edge carries all the relations of its pair).
        var highlighted = await explorer.EvalAsync<string[]>("explorer.canvas.cy.edges('.path').map(e => e.data('relations')).flat()");
        Assert.All(relations.Select(r => r!["id"]!.GetValue<string>()), id => Assert.Contains(id, highlighted));
        Assert.Contains("path=kcss,enisa", page.Url);
        await explorer.ScreenshotAsync("3-paths-kcss-enisa");
        explorer.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Gap_view_reports_Bosnia_and_Herzegovinas_national_CSIRT_missing()
    {
        await using var explorer = await new ExplorerPage(server, output).OpenAsync();
        var page = explorer.Page;

        var gapsAnswer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#view-gaps"), r => r.Url.Contains("operationName=Gaps", StringComparison.Ordinal));
        var cell = page.Locator("[data-gap='ba:national-csirt']");
        await cell.WaitForAsync();
        Assert.Contains("missing", await cell.InnerTextAsync()); // in words, not only in red
        Assert.Contains("MISSING", await cell.GetAttributeAsync("class") ?? "");
        Assert.Contains("Bosnia and Herzegovina", await page.InnerTextAsync("table.gaps thead"));
        Assert.True(await page.Locator("[data-gap$=':national-csirt'].PRESENT").CountAsync() > 0, "other countries have their CSIRT");
        Assert.Equal(6, await page.Locator("table.gaps .score").CountAsync());
        // Suggested links say by name whom both ends are linked with (their ids were shown).
        var links = JsonNode.Parse(await gapsAnswer.TextAsync())!["data"]!["suggestedLinks"]!.AsArray();
        var hints = await page.Locator("ol.suggested .hint").AllInnerTextsAsync();
        Assert.Equal(links.Count, hints.Count);
        Assert.NotEmpty(hints);
        for (var i = 0; i < links.Count; i++)
            foreach (var id in links[i]!["sharedNeighbours"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()))
                Assert.Contains((await AskAsync($$"""{ entity(id: "{{id}}") { name } }"""))["entity"]!["name"]!.GetValue<string>(), hints[i]);
        // The view asked once: the reports name their countries and the suggestions their ends, in the same answer.
        Assert.All(links, l => Assert.False(string.IsNullOrEmpty(l!["from"]!["name"]!.GetValue<string>())));
        // The canvas' tools (paths drawn on it, the list of what it shows) are not offered beside the matrix.
        Assert.False(await page.IsVisibleAsync("#paths-box"));
        Assert.False(await page.IsVisibleAsync("#canvas-entities"));

        await cell.ClickAsync();
        await page.Locator("#details h2", new() { HasText = "Bosnia and Herzegovina" }).WaitForAsync();
        await explorer.SettledAsync();
        var details = await page.InnerTextAsync("#details");
        Assert.Contains("missing", details);
        Assert.Contains("CSIRT", details);
        Assert.Contains("documented gap", details);
        Assert.Contains("gap=ba:national-csirt", page.Url);
        // Missing rests on documented absences: each with its note, validity and every source it cites, where and what.
        var item = (await AskAsync("""
            { gaps(country: "ba") { items { id absences { id note validFrom citations { locator note source { title publisher url } } } } } }
            """))["gaps"]![0]!["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "national-csirt")!;
        var absences = item["absences"]!.AsArray();
        Assert.NotEmpty(absences);
        foreach (var absence in absences)
        {
            var at = $"#details .absence[data-absence='{absence!["id"]}']";
            var block = await page.InnerTextAsync(at);
            if (absence["note"] is { } note) Assert.Contains(note.GetValue<string>(), block);
            if (absence["validFrom"] is { } from) Assert.Contains(from.GetValue<string>(), block);
            var citations = absence["citations"]!.AsArray();
            Assert.NotEmpty(citations);
            foreach (var citation in citations)
            {
                var source = citation!["source"]!;
                Assert.Contains(source["title"]!.GetValue<string>(), block);
                if (source["publisher"] is { } publisher) Assert.Contains(publisher.GetValue<string>(), block);
                if (citation["locator"] is { } locator) Assert.Contains(locator.GetValue<string>(), block);
                if (citation["note"] is { } said) Assert.Contains(said.GetValue<string>(), block);
                if (source["url"] is { } url) Assert.True(await page.Locator($"{at} a[href='{url.GetValue<string>()}']").CountAsync() > 0, $"a link to {url}");
            }
        }
        await explorer.ScreenshotAsync("4-gaps-ba-national-csirt-missing");

        // From the cell to what the graph does hold for the country.
        await page.ClickAsync("#details [data-expand='ba']");
        await explorer.WaitForAsync("explorer.canvas.cy.getElementById('ba').connectedEdges().length > 0");
        Assert.False(await page.IsVisibleAsync("#gaps-view"));
        Assert.True(await page.IsVisibleAsync("#paths-box"));
        Assert.True(await page.IsVisibleAsync("#canvas-entities"));
        explorer.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Moving_the_slider_to_2020_removes_WB3Cs_relations()
    {
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("?x=wb3c&sel=wb3c");
        Assert.True(await explorer.EdgesOfAsync("wb3c") > 0);

        // One slider step per month since January 2000: January 2020 is step 240.
        await explorer.Page.EvalOnSelectorAsync("#asof", "s => { s.value = String((2020 - 2000) * 12); s.dispatchEvent(new Event('input', { bubbles: true })); }");
        await explorer.WaitForAsync("location.search.includes('asOf=2020-01-01') && explorer.canvas.cy.getElementById('wb3c').connectedEdges().length === 0");
        await explorer.SettledAsync();

        Assert.Equal(0, await explorer.EdgesOfAsync("wb3c"));
        Assert.Equal("2020-01-01", await explorer.Page.InnerTextAsync("#asof-label"));
        Assert.Contains("Not on 2020-01-01", await explorer.Page.InnerTextAsync("#details"));
        await explorer.ScreenshotAsync("5-asof-2020-wb3c");

        // And back to all history: the relations return.
        await explorer.Page.EvalOnSelectorAsync("#asof", "s => { s.value = s.max; s.dispatchEvent(new Event('input', { bubbles: true })); }");
        await explorer.WaitForAsync("explorer.canvas.cy.getElementById('wb3c').connectedEdges().length > 0");
        explorer.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task A_copied_link_restores_the_view()
    {
        await using var first = await new ExplorerPage(server, output).OpenAsync("?pin=kcss&sel=kcss");
        await first.Page.ClickAsync("#expand");
        await first.WaitForAsync("explorer.canvas.cy.edges().length > 0");
        await first.SettledAsync();
        await first.ShareAsync("#copy-link");
        var link = await first.EvalAsync<string>("explorer.lastCopied");

        await using var second = await new ExplorerPage(server, output).OpenAsync(new Uri(link).Query);
        Assert.Equal(await first.NodesAsync(), await second.NodesAsync());
        Assert.Contains("Kosovar Centre for Security Studies", await second.Page.InnerTextAsync("#details h2"));
        first.AssertNoErrors();
        second.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Exports_hold_what_the_canvas_shows_and_the_copied_query_answers_it()
    {
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("?x=kcss");
        var page = explorer.Page;
        var nodes = await explorer.NodesAsync();

        var png = await page.RunAndWaitForDownloadAsync(() => explorer.ShareAsync("#export-png"));
        var bytes = await File.ReadAllBytesAsync(await png.PathAsync());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);

        var graphml = await page.RunAndWaitForDownloadAsync(() => explorer.ShareAsync("#export-graphml"));
        var xml = System.Xml.Linq.XDocument.Load(await graphml.PathAsync());
        System.Xml.Linq.XNamespace ns = "http://graphml.graphdrawing.org/xmlns";
        Assert.Equal(nodes, xml.Descendants(ns + "node").Select(n => (string)n.Attribute("id")!).Order());
        Assert.Equal(await explorer.RelationsAsync(), xml.Descendants(ns + "edge").Select(e => (string)e.Attribute("id")!).Order());

        // What a dashboard does with the copied text: send the Canvas operation with its variables, then with others.
        await explorer.ShareAsync("#copy-query");
        var copied = await explorer.EvalAsync<string>("explorer.lastCopied");
        var variables = JsonNode.Parse(copied.Split('\n').Single(l => l.StartsWith("# Canvas variables: ", StringComparison.Ordinal))["# Canvas variables: ".Length..])!.AsObject();
        Assert.Equal("kcss", (string?)variables["x0"]);
        Assert.DoesNotContain("kcss", string.Join('\n', copied.Split('\n').Where(l => !l.StartsWith('#')))); // a variable, not in the document
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        async Task<JsonNode> Post(object request)
        {
            var body = JsonNode.Parse(await (await http.PostAsJsonAsync("/graphql", request)).Content.ReadAsStringAsync())!;
            Assert.Null(body["errors"]);
            return body["data"]!;
        }
        static IEnumerable<string> Ids(JsonNode subgraph) => subgraph["entities"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()).Order();
        Assert.Equal(nodes, Ids((await Post(new { query = copied, operationName = "Canvas", variables }))["x0"]!));

        variables["x0"] = "enisa";
        var other = await Post(new { query = copied, operationName = "Canvas", variables });
        var direct = await Post(new { query = "{ neighbourhood(id: \"enisa\", depth: 1, limit: 200) { entities { id } } }" });
        Assert.Equal(Ids(direct["neighbourhood"]!), Ids(other["x0"]!));
        Assert.NotEqual(nodes, Ids(other["x0"]!));

        // The view had no date, yet the document takes one: an empty choice is a null variable, never a missing one.
        Assert.True(variables.ContainsKey("asOf"));
        variables["asOf"] = "2020-01-01";
        var then = await Post(new { query = copied, operationName = "Canvas", variables });
        var directThen = await Post(new { query = "{ neighbourhood(id: \"enisa\", depth: 1, limit: 200, asOf: \"2020-01-01\") { entities { id } } }" });
        Assert.Equal(Ids(directThen["neighbourhood"]!), Ids(then["x0"]!));
        Assert.NotEqual(Ids(other["x0"]!), Ids(then["x0"]!));
        explorer.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task A_crafted_link_cannot_rewrite_the_query_the_page_sends()
    {
        // What a link chooses travels as variables, and relation types only as enum names: anything else is dropped.
        var crafted = Uri.EscapeDataString("kcss:FOUNDED]) { truncated } stolen: entity(id: \"enisa\") { id } x9: neighbourhood(id: \"kcss\", types: [FOUNDED");
        await using var explorer = await new ExplorerPage(server, output).OpenAsync($"?x={crafted}");
        await explorer.SettledAsync();

        await explorer.ShareAsync("#copy-query");
        var document = await explorer.EvalAsync<string>("explorer.lastCopied");
        Assert.DoesNotContain("stolen", document);
        Assert.Contains("neighbourhood", document);
    }

    [ChromiumFact]
    public async Task Bad_input_is_named_in_a_message()
    {
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("?pin=no-such-entity,kcss&asOf=2020-13");
        var page = explorer.Page;
        var message = await page.InnerTextAsync("#status");
        Assert.Contains("asOf=2020-13", message);
        Assert.Contains("\"no-such-entity\"", message);
        Assert.Equal(["kcss"], await explorer.NodesAsync());

        await page.ClickAsync("#paths-box summary");
        await page.FillAsync("#paths-form [name=from]", "kcss");
        await page.FillAsync("#paths-form [name=to]", "zzzz-nothing");
        await explorer.SubmitPathsAsync();
        await page.Locator("#status", new() { HasText = "zzzz-nothing" }).WaitForAsync();
        Assert.Contains("path end", await page.InnerTextAsync("#status"));
        explorer.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task The_servers_warm_up_fetched_what_the_page_fetches_and_its_Start_answer_is_the_one_the_page_gets()
    {
        var report = await server.Services.GetRequiredService<WarmUp>().Completed.WaitAsync(TimeSpan.FromMinutes(2));
        var startAnswer = new TaskCompletionSource<IResponse>();
        await using var explorer = await new ExplorerPage(server, output).OpenAsync(beforeLoad: page => page.Response += (_, r) =>
        {
            if (r.Url.Contains("/graphql?query=query%20Start", StringComparison.Ordinal)) startAnswer.TrySetResult(r);
        });
        var fetched = (await explorer.EvalAsync<string[]>("performance.getEntriesByType('resource').map(r => r.name)"))
            .Where(url => url.StartsWith(server.BaseUrl + "/", StringComparison.Ordinal)).Select(url => url[server.BaseUrl.Length..]).ToList();
        var warmed = report.Steps.Where(s => s.Problem is null).ToList();

        // The ETag names the answer cache's entry (data version, day, the request's exact query string, media type):
        // the same tag means the page's Start question found the answer the warm-up left there.
        var start = await startAnswer.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var warmedStart = Assert.Single(warmed, s => s.Url.StartsWith("/graphql?query=query%20Start", StringComparison.Ordinal));
        Assert.Equal(warmedStart.ETag, await start.HeaderValueAsync("etag"));
        Assert.Equal(warmedStart.Url, start.Url[server.BaseUrl.Length..]);
        Assert.All(fetched.Where(url => url.EndsWith(".js", StringComparison.Ordinal) || url.EndsWith(".css", StringComparison.Ordinal)),
            url => Assert.Contains(url, warmed.Select(s => s.Url)));
        explorer.AssertNoErrors();
    }
}
