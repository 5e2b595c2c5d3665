using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Wb6Graph.Tests.Browser;

/// <summary>
/// History that does not lie, on the canvas and in the panels: an entity that had ended is drawn for the acts that keep
/// it in history, greyed and dashed, and says when it ended; every relation says when it happened or held, at the
/// precision of its sources, and where in each source it is found.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ExplorerHistoryTests(ExplorerServer server, ITestOutputHelper output)
{
    private const string RelationTime = "id temporality occurredOn validFrom validTo attestedOn startUnknown alignment citations { locator note }";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>The line the explorer writes for when a relation holds: acts "on", states an interval, undated starts "attested".</summary>
    private static string When(JsonNode r)
    {
        string? S(string key) => r[key]?.GetValue<string>();
        if (S("temporality") is "ACT" or "TRANSITION")
            return S("occurredOn") is { } on ? $"on {on}" : S("attestedOn") is { } seen ? $"attested {seen}, date unknown" : "date unknown";
        if (r["startUnknown"]!.GetValue<bool>() || (S("validFrom") is null && S("attestedOn") is not null))
        {
            var start = S("attestedOn") is { } at ? $"attested {at}, start unknown" : "start unknown";
            return S("validTo") is { } until ? $"{start}, until {until}" : start;
        }
        return (S("validFrom"), S("validTo")) switch
        {
            ({ } from, { } to) => $"{from} – {to}",
            ({ } from, null) => $"since {from}",
            (null, { } to) => $"until {to}",
            _ => "undated",
        };
    }

    /// <summary>Checks each relation's block under <paramref name="within"/>: its time line, alignment and citations.</summary>
    private static async Task<List<string>> AssertRelationLinesAsync(ExplorerPage explorer, string within, IEnumerable<JsonNode> relations)
    {
        var lines = new List<string>();
        foreach (var r in relations)
        {
            var block = explorer.Page.Locator($"{within} .relation[data-relation='{r["id"]}']").First;
            var when = Spaces().Replace(await block.Locator(".when").TextContentAsync() ?? "", " ").Trim();
            Assert.Equal(When(r), when);
            lines.Add(when);
            var text = Spaces().Replace(await block.TextContentAsync() ?? "", " ");
            if (r["alignment"] is { } alignment) Assert.Contains($"alignment: {alignment.GetValue<string>().ToLowerInvariant()}", text);
            foreach (var citation in r["citations"]!.AsArray())
            {
                if (citation!["locator"] is { } locator) Assert.Contains(Spaces().Replace(locator.GetValue<string>(), " "), text);
                if (citation["note"] is { } note) Assert.Contains(Spaces().Replace(note.GetValue<string>(), " "), text);
            }
        }
        return lines;
    }

    [ChromiumFact]
    public async Task An_entity_that_had_ended_is_drawn_greyed_for_its_acts_and_its_panel_says_when_it_ended()
    {
        // DG NEAR took part in the June 2024 conference and ended on 2025-02-01: seen from 2026, it stands there for that act.
        const string around = "wb3c-conference-2024", later = "2026-01-01", before = "2024-07-01";
        var sub = (await server.AskAsync($$"""
            { neighbourhood(id: "{{around}}", asOf: "{{later}}", limit: 200) { entities { id validTo ended } relations { id fromId toId } } }
            """))["neighbourhood"]!;
        var ended = sub["entities"]!.AsArray().Where(e => e!["ended"]?.GetValue<bool>() == true).ToList();
        Assert.NotEmpty(ended);
        var entity = ended.FirstOrDefault(e => e!["id"]!.GetValue<string>() == "dg-near") ?? ended[0]!;
        var id = entity!["id"]!.GetValue<string>();
        var validTo = entity["validTo"]!.GetValue<string>();
        var acts = sub["relations"]!.AsArray().Count(r => r!["fromId"]!.GetValue<string>() == id || r["toId"]!.GetValue<string>() == id);
        Assert.True(acts > 0, $"{id} is in the neighbourhood through its acts");

        await using var explorer = await new ExplorerPage(server, output).OpenAsync($"?x={around}&sel={id}&asOf={later}");
        var page = explorer.Page;
        var node = $"explorer.canvas.cy.getElementById('{id}')";
        Assert.True(await explorer.EvalAsync<bool>($"{node}.hasClass('ended')"));
        Assert.Equal("dashed", await explorer.EvalAsync<string>($"{node}.style('border-style')")); // readable without colour
        Assert.Equal("rgb(196,196,196)", await explorer.EvalAsync<string>($"{node}.style('background-color')"));
        Assert.Contains($"ended {validTo}", await explorer.EvalAsync<string>($"{node}.data('short')"));
        Assert.Contains($"ended {validTo}", await explorer.EvalAsync<string>($"{node}.data('full')"));
        Assert.Equal(acts, await explorer.EdgesOfAsync(id)); // its acts stay drawn: history
        var details = await page.InnerTextAsync("#details");
        Assert.Contains($"Ended on {validTo}", details);
        await page.ClickAsync("#canvas-entities summary");
        Assert.Contains($"ended {validTo}", await page.InnerTextAsync($"#canvas-list [data-entity='{id}']"));
        await explorer.EvalAsync<bool>($"(explorer.canvas.focus('{id}'), true)"); // near enough to see its grey and its dashes
        await page.WaitForTimeoutAsync(400);
        await explorer.ScreenshotAsync("14-canvas-ended-entity-drawn-for-its-acts");

        // Before it ended, it is drawn as any other entity.
        await page.EvalOnSelectorAsync("#asof-date", "(f, d) => { f.value = d; f.dispatchEvent(new Event('change', { bubbles: true })); }", before);
        await explorer.WaitForAsync($"location.search.includes('asOf={before}') && !{node}.hasClass('ended')");
        await explorer.SettledAsync();
        Assert.DoesNotContain("Ended on", await page.InnerTextAsync("#details"));
        explorer.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Relation_lines_say_when_acts_happened_and_states_held_with_where_each_source_says_so()
    {
        // The panel of an entity with acts (DG NEAR), and the steps of paths whose relations are dated in several ways.
        var entity = (await server.AskAsync($$"""{ entity(id: "dg-near") { relations { {{RelationTime}} } } }"""))["entity"]!;
        await using var panel = await new ExplorerPage(server, output).OpenAsync("?pin=dg-near&sel=dg-near");
        await panel.Page.Locator("#entity-relations").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        var lines = await AssertRelationLinesAsync(panel, "#details", entity["relations"]!.AsArray().Select(r => r!));
        panel.AssertNoErrors();

        var paths = (await server.AskAsync($$"""{ paths(from: "kcss", to: "enisa", k: 3, maxHops: 6) { steps { relations { {{RelationTime}} } } } }"""))["paths"]!.AsArray();
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("?x=kcss&path=kcss,enisa,3,6");
        await explorer.Page.Locator("#paths-result ol.paths > li").First.WaitForAsync();
        lines.AddRange(await AssertRelationLinesAsync(explorer, "#paths-result",
            paths.SelectMany(p => p!["steps"]!.AsArray().SelectMany(s => s!["relations"]!.AsArray())).Select(r => r!)));
        await explorer.ScreenshotAsync("15-paths-relation-lines");

        // Acts read "on <day>" and an undated state reads from when a source attests it; no date is padded to a day.
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^on \d{4}(-\d{2}){0,2}$"));
        Assert.Contains(lines, l => l.StartsWith("attested ", StringComparison.Ordinal));
        explorer.AssertNoErrors();
    }
}
