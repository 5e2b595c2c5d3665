using Xunit.Abstractions;

namespace Wb6Graph.Tests.Browser;

/// <summary>
/// A link with a bad part, or a question the API refuses: what is fine still draws, the message names what is not,
/// and the link then says what the screen shows.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExplorerProblemTests(ExplorerServer server, ITestOutputHelper output)
{
    private async Task<string[]> NeighbourhoodAsync(string id) =>
        (await server.AskAsync($$"""{ neighbourhood(id: "{{id}}", depth: 1, limit: 200) { entities { id } } }"""))["neighbourhood"]!["entities"]!
            .AsArray().Select(e => e!["id"]!.GetValue<string>()).ToArray();

    /// <param name="link">The link opened.</param>
    /// <param name="named">What the message says: the link parameter and its bad part.</param>
    /// <param name="kept">The link once the page has read it: the bad part left out, the rest as it was.</param>
    [ChromiumTheory]
    [InlineData("?x=kcss&path=kcss,nope", "path= in the link|nope", "?x=kcss")]
    [InlineData("?x=kcss&path=kcss,enisa,3,6,FOO", "path=kcss,enisa,3,6,FOO in the link|FOO is not a relation type", "?x=kcss&path=kcss,enisa,3,6")]
    [InlineData("?x=kcss:NOTATYPE", "x=kcss:NOTATYPE in the link|NOTATYPE is not a relation type", "?x=kcss")]
    [InlineData("?x=kcss::NOKIND", "x=kcss::NOKIND in the link|NOKIND is not a kind", "?x=kcss")]
    [InlineData("?pin=enisa&x=nope&x=kcss", "\"nope\" (x= in the link)", "?pin=enisa&x=kcss")]
    [InlineData("?x=kcss&asOf=2024-02-30", "asOf=2024-02-30 in the link|all history", "?x=kcss")]
    public async Task A_bad_part_of_a_link_is_named_and_the_rest_still_draws(string link, string named, string kept)
    {
        await using var explorer = await new ExplorerPage(server, output).OpenAsync(link);
        var page = explorer.Page;

        var nodes = await explorer.NodesAsync();
        Assert.All(await NeighbourhoodAsync("kcss"), id => Assert.Contains(id, nodes));
        if (link.Contains("pin=enisa", StringComparison.Ordinal)) Assert.Contains("enisa", nodes);
        var message = await page.InnerTextAsync("#status");
        Assert.All(named.Split('|'), part => Assert.Contains(part, message));
        Assert.EndsWith(kept, page.Url);
        await explorer.ScreenshotAsync($"7-bad-link-{string.Concat(link.Where(char.IsLetterOrDigit))}");
        explorer.AssertNoErrors(); // nothing refused by the API either: no 422 for a name it does not know
    }

    [ChromiumFact]
    public async Task A_link_with_only_an_unknown_id_starts_where_a_first_visit_does()
    {
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("?x=nope");

        Assert.NotEmpty(await explorer.NodesAsync());
        Assert.Contains("\"nope\" (x= in the link)", await explorer.Page.InnerTextAsync("#status"));
        Assert.DoesNotContain("x=nope", explorer.Page.Url);
        explorer.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task A_refused_paths_question_clears_the_last_answer_and_each_message_replaces_the_last()
    {
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("?x=kcss&path=kcss,enisa,3,6");
        var page = explorer.Page;
        Assert.True(await page.Locator("#paths-result ol.paths > li").CountAsync() > 0);
        Assert.True(await explorer.EvalAsync<int>("explorer.canvas.cy.elements('.path').length") > 0);

        await page.FillAsync("#paths-form [name=to]", "zzzz-nothing");
        await explorer.SubmitPathsAsync();
        await page.Locator("#status", new() { HasText = "zzzz-nothing" }).WaitForAsync();

        await page.FillAsync("#paths-form [name=to]", "kcss");
        await explorer.SubmitPathsAsync();
        await page.Locator("#status", new() { HasText = "same entity" }).WaitForAsync();
        await explorer.SettledAsync();

        Assert.DoesNotContain("zzzz-nothing", await page.InnerTextAsync("#status"));
        Assert.Equal(0, await page.Locator("#paths-result ol.paths > li").CountAsync());
        Assert.Contains("same entity", await page.InnerTextAsync("#paths-result"));
        Assert.Equal(0, await explorer.EvalAsync<int>("explorer.canvas.cy.elements('.path').length"));
        Assert.DoesNotContain("path=", page.Url);
        var nodes = await explorer.NodesAsync();
        Assert.All(await NeighbourhoodAsync("kcss"), id => Assert.Contains(id, nodes));
        await explorer.ScreenshotAsync("8-paths-refused-kcss-kcss");
        explorer.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task A_paths_question_that_times_out_keeps_its_link_to_ask_again()
    {
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("?x=kcss");
        var page = explorer.Page;
        // The API's answer to a question that took too long (504, code TIMEOUT), for the Paths question only.
        await page.RouteAsync(url => url.Contains("operationName=Paths", StringComparison.Ordinal), route => route.FulfillAsync(new()
        {
            Status = 504, ContentType = "application/graphql-response+json",
            Body = """{"errors":[{"message":"The request was cancelled or took too long.","extensions":{"code":"TIMEOUT"}}]}""",
        }));
        await page.EvaluateAsync("document.getElementById('paths-box').open = true");
        await page.FillAsync("#paths-form [name=from]", "kcss");
        await page.FillAsync("#paths-form [name=to]", "enisa");
        await explorer.SubmitPathsAsync();
        await page.Locator("#paths-result", new() { HasText = "ask again" }).WaitForAsync();
        await explorer.SettledAsync();
        // Not dropped as a refused question would be: the link still asks it.
        Assert.Contains("path=kcss,enisa", page.Url);
    }

    [ChromiumFact]
    public async Task A_path_question_past_the_server_cap_says_it_was_capped()
    {
        // k 50 is past Engine:MaxK (10): the API answers and says capped, and the page tells the reader.
        await using (var explorer = await new ExplorerPage(server, output).OpenAsync("?x=kcss&path=kcss,enisa,50,6"))
        {
            await explorer.Page.Locator("#paths-result ol.paths > li").First.WaitForAsync();
            Assert.Contains("capped", await explorer.Page.InnerTextAsync("#paths-result"));
            explorer.AssertNoErrors();
        }
        await using (var explorer = await new ExplorerPage(server, output).OpenAsync("?x=kcss&path=kcss,enisa,3,6"))
        {
            await explorer.Page.Locator("#paths-result ol.paths > li").First.WaitForAsync();
            Assert.DoesNotContain("capped", await explorer.Page.InnerTextAsync("#paths-result"));
        }
    }

    /// <summary>Below 1200px the panel is narrower; below 900px it goes under the canvas, with the whole width.</summary>
    [ChromiumTheory]
    [InlineData(1024, 768)]
    [InlineData(1200, 800)]
    [InlineData(1300, 800)]
    [InlineData(1366, 768)]
    [InlineData(1920, 1080)]
    public async Task The_paths_form_fits_in_the_panel(int width, int height)
    {
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("?x=kcss&path=kcss,enisa", width, height);

        Assert.True(await explorer.Page.IsVisibleAsync("#paths-form [name=to]"));
        // How far each field or button reaches past the panel's content edge (the panel scrolls, so it would be cut off).
        var past = await explorer.EvalAsync<string[]>("""
            (() => {
              const panel = document.getElementById('panel'), edge = panel.getBoundingClientRect().right - parseFloat(getComputedStyle(panel).paddingRight);
              return [...document.querySelectorAll('#paths-form input, #paths-form select, #paths-form button')]
                .map(e => [e.name || e.id || e.textContent, e.getBoundingClientRect().right - edge]).filter(([, px]) => px > 0.5)
                .map(([what, px]) => `${what} by ${px.toFixed(0)} px`);
            })()
            """);
        Assert.True(past.Length == 0, $"past the panel's edge at {width}px: {string.Join(", ", past)}");
        await explorer.ScreenshotAsync($"9-paths-form-{width}");
        explorer.AssertNoErrors();
    }
}
