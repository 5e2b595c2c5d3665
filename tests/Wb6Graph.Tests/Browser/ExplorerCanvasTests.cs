using System.Globalization;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Wb6Graph.Tests.Browser;

/// <summary>
/// A canvas one can read at a laptop's 1280×720 and a projector's 1920×1080: names at 11 CSS px or more that never cover
/// one another, in full for the selected and the hovered entity; one edge per pair with a count, its relations listed
/// on a click; edge labels only where one looks, at 11 CSS px or more, never covering a name or one another, even round
/// a hub; the same view drawn the same way, and kept in place as it grows.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExplorerCanvasTests(ExplorerServer server, ITestOutputHelper output)
{
    /// <summary>Each drawn name's box on the screen, its font size in CSS px, and whether it is drawn.</summary>
    private const string Labels = """
        JSON.stringify(explorer.canvas.cy.nodes().map(n => {
          const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
          return { id: n.id(), named: n.style('label') !== '', px: parseFloat(n.renderedStyle('font-size')), label: n.style('label'), x1: b.x1, x2: b.x2, y1: b.y1, y2: b.y2 };
        }))
        """;

    private static string Size(int width) => width.ToString(CultureInfo.InvariantCulture);

    [ChromiumTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task A_first_visit_draws_names_at_11_px_or_more_that_never_cover_one_another(int width, int height)
    {
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("", width, height);
        var labels = await explorer.EvalJsonAsync<DrawnName[]>(Labels);
        var named = labels.Where(l => l.Named).ToList();

        Assert.All(named, l => Assert.True(l.Px >= 10.99, $"{l.Id}'s name is drawn at {l.Px:F1} px"));
        for (var i = 0; i < named.Count; i++)
            for (var j = i + 1; j < named.Count; j++)
            {
                var (a, b) = (named[i], named[j]);
                var overlap = Math.Min(a.X2, b.X2) - Math.Max(a.X1, b.X1) > 1 && Math.Min(a.Y2, b.Y2) - Math.Max(a.Y1, b.Y1) > 1;
                Assert.False(overlap, $"the names of {a.Id} and {b.Id} cover each other");
            }
        // The entity the view is about and every country drawn are named.
        var centre = await explorer.EvalAsync<string>("explorer.state.expanded[0].id");
        var countries = await explorer.EvalAsync<string[]>("explorer.canvas.cy.nodes('[kind = \"Country\"]').map(n => n.id())");
        Assert.All(countries.Append(centre), id => Assert.True(labels.Single(l => l.Id == id).Named, $"{id} is named"));
        output.WriteLine($"{named.Count} of {labels.Length} names drawn at {width}×{height}, "
            + $"{await explorer.EvalAsync<int>("explorer.canvas.cy.nodes('.label-below-right, .label-below-left, .label-above-right, .label-above-left').length")} at a corner, "
            + $"{await explorer.EvalAsync<int>("explorer.canvas.cy.nodes('.label-tiny').length")} in their shortest form");
        // A name tries every place round its entity, then its shortest form, before it is left out: most are drawn.
        Assert.True(named.Count * 4 >= labels.Length * 3, $"three quarters of the names are drawn: {named.Count} of {labels.Length}");
        await explorer.ScreenshotAsync($"20-canvas-first-visit-{Size(width)}");

        // Hovered, an entity whose name was shortened or left out shows it whole, in lines, never cut.
        var hidden = labels.FirstOrDefault(l => !l.Named) ?? labels.First(l => l.Label.Contains('…', StringComparison.Ordinal));
        await explorer.EvalAsync<bool>($"(explorer.canvas.cy.getElementById('{hidden.Id}').emit('mouseover'), true)");
        var name = await explorer.EvalAsync<string>($"explorer.canvas.cy.getElementById('{hidden.Id}').data('name')");
        var shown = await explorer.EvalAsync<string>($"explorer.canvas.cy.getElementById('{hidden.Id}').style('label')");
        Assert.Equal(name, shown.Replace('\n', ' '));
        Assert.True(await explorer.EvalAsync<double>($"parseFloat(explorer.canvas.cy.getElementById('{hidden.Id}').renderedStyle('font-size'))") >= 10.99);
        await explorer.ScreenshotAsync($"21-canvas-hovered-name-{Size(width)}");
        explorer.AssertNoErrors();
    }

    [ChromiumTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task Parallel_relations_are_one_edge_with_a_count_that_opens_on_a_click(int width, int height)
    {
        var sub = (await server.AskAsync("""{ neighbourhood(id: "wb3c", limit: 200) { relations { id fromId toId } } }"""))["neighbourhood"]!["relations"]!.AsArray();
        var pairs = sub.GroupBy(r => string.Join('|', new[] { r!["fromId"]!.GetValue<string>(), r["toId"]!.GetValue<string>() }.Order()))
            .ToDictionary(g => g.Key, g => g.Select(r => r!["id"]!.GetValue<string>()).Order().ToArray());
        var (pair, ids) = pairs.OrderByDescending(p => p.Value.Length).ThenBy(p => p.Key, StringComparer.Ordinal).First();
        Assert.True(ids.Length > 1, "WB3C has a pair joined by several relations");
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("?x=wb3c", width, height);

        // One edge per pair, carrying all of its relations and saying how many (on it where there is room, always under the pointer).
        Assert.Equal(pairs.Count, await explorer.EvalAsync<int>("explorer.canvas.cy.edges().length"));
        var edge = $"explorer.canvas.cy.getElementById('e:{pair}')";
        Assert.Equal(ids, (await explorer.EvalAsync<string[]>($"{edge}.data('relations')")).Order());
        Assert.Contains(await explorer.EvalAsync<string>($"{edge}.style('label')"), (string[])["", $"×{ids.Length}"]);
        await explorer.EvalAsync<bool>($"({edge}.emit('mouseover'), true)");
        Assert.StartsWith($"×{ids.Length}: ", await explorer.EvalAsync<string>($"{edge}.style('label')"));
        await explorer.EvalAsync<bool>($"({edge}.emit('mouseout'), true)");
        Assert.True(await explorer.EvalAsync<int>("explorer.canvas.cy.edges('.bundle').filter(e => e.style('label').startsWith('×')).length") > 0, "counts are drawn where there is room");

        // A click lists them in the panel, each with when, confidence and sources, as the API gives them.
        await explorer.EvalAsync<bool>($"({edge}.emit('tap'), true)");
        await explorer.Page.Locator("#pair-relations .relation").First.WaitForAsync();
        await explorer.SettledAsync();
        Assert.Equal(ids, (await explorer.Page.Locator("#pair-relations .relation").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.relation)")).Order());
        foreach (var id in ids)
        {
            var r = (await server.AskAsync($$"""{ relation(id: "{{id}}") { type confidence sources { title } } }"""))["relation"]!;
            var block = await explorer.Page.InnerTextAsync($"#pair-relations .relation[data-relation='{id}']");
            foreach (var source in r["sources"]!.AsArray()) Assert.Contains(source!["title"]!.GetValue<string>(), block);
            Assert.Contains($"{r["confidence"]}:", block);
            Assert.DoesNotContain(r["type"]!.GetValue<string>(), block); // the type in words, not its enum name
        }
        Assert.True(await explorer.EvalAsync<bool>($"{edge}.hasClass('opened')"));
        Assert.Equal(ids.Length, (await explorer.EvalAsync<string>($"{edge}.style('label')")).Split('\n').Length); // one line a relation
        await explorer.ScreenshotAsync($"22-canvas-pair-opened-{Size(width)}");
        explorer.AssertNoErrors();
    }

    [ChromiumTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task Edge_labels_show_for_the_selected_entity_on_hover_and_once_zoomed_in_never_all_at_once(int width, int height)
    {
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("?x=kcss", width, height);
        // Edges that say what they are: a label other than a pair's bare count.
        const string labelled = "explorer.canvas.cy.edges().filter(e => e.style('label') !== '' && !/^×\\d+$/.test(e.style('label'))).map(e => e.id()).sort()";
        Assert.Empty(await explorer.EvalAsync<string[]>(labelled));

        // The selected entity's edges say what they are, those with room for it; no other edge does. The others say it
        // under the pointer.
        await explorer.EvalAsync<bool>("(explorer.canvas.cy.getElementById('kcss').emit('tap'), true)");
        await explorer.SettledAsync();
        var own = await explorer.EvalAsync<string[]>("explorer.canvas.cy.getElementById('kcss').connectedEdges().map(e => e.id()).sort()");
        var shown = await explorer.EvalAsync<string[]>(labelled);
        Assert.All(shown, id => Assert.Contains(id, own));
        Assert.True(shown.Length * 2 >= own.Length, $"{shown.Length} of KCSS's {own.Length} edges are labelled");
        var single = await explorer.EvalAsync<string>("explorer.canvas.cy.getElementById('kcss').connectedEdges().filter(e => e.data('count') === 1 && !e.hasClass('label-hidden'))[0].id()");
        var type = (await server.AskAsync($$"""{ relation(id: "{{await explorer.EvalAsync<string>($"explorer.canvas.cy.getElementById('{single}').data('relations')[0]")}}") { type } }"""))["relation"]!["type"]!.GetValue<string>();
        Assert.Equal(type.ToLowerInvariant().Replace('_', ' ').Replace("organiz", "organis", StringComparison.Ordinal).Replace("co ", "co-", StringComparison.Ordinal),
            await explorer.EvalAsync<string>($"explorer.canvas.cy.getElementById('{single}').style('label')"));
        foreach (var hidden in own.Except(shown))
        {
            await explorer.EvalAsync<bool>($"(explorer.canvas.cy.getElementById('{hidden}').emit('mouseover'), true)");
            Assert.Contains(hidden, await explorer.EvalAsync<string[]>(labelled));
            await explorer.EvalAsync<bool>($"(explorer.canvas.cy.getElementById('{hidden}').emit('mouseout'), true)");
        }
        await explorer.ScreenshotAsync($"23-canvas-selected-edges-labelled-{Size(width)}");

        // Hovering another edge labels it too.
        var other = await explorer.EvalAsync<string>("explorer.canvas.cy.edges().filter(e => !e.connectedNodes().some(n => n.id() === 'kcss'))[0].id()");
        await explorer.EvalAsync<bool>($"(explorer.canvas.cy.getElementById('{other}').emit('mouseover'), true)");
        Assert.Contains(other, await explorer.EvalAsync<string[]>(labelled));
        await explorer.EvalAsync<bool>($"(explorer.canvas.cy.getElementById('{other}').emit('mouseout'), true)");

        // Zoomed in past 1.6 times the fitted zoom, every edge says what it is where it has room: more than before.
        await explorer.EvalAsync<bool>("(explorer.canvas.cy.zoom({ level: explorer.canvas.fitZoom * 1.7, renderedPosition: { x: explorer.canvas.cy.width() / 2, y: explorer.canvas.cy.height() / 2 } }), true)");
        await explorer.WaitForAsync("explorer.canvas.cy.edges('.zoom-label').length === explorer.canvas.cy.edges().length");
        await explorer.WaitForAsync($"({labelled}).length > {shown.Length}");
        await explorer.ScreenshotAsync($"24-canvas-zoomed-in-{Size(width)}");
        explorer.AssertNoErrors();
    }

    /// <summary>
    /// Each drawn edge label as Cytoscape drew it: its centre and half-sizes on the screen, turned along its edge, and its
    /// font size in CSS px. Read from Cytoscape's own label geometry, so that the test sees what the reader sees.
    /// </summary>
    private const string EdgeLabels = """
        JSON.stringify((() => {
          const cy = explorer.canvas.cy, z = cy.zoom(), pan = cy.pan();
          return cy.edges().filter(e => e.style('label') !== '').map(e => {
            e.boundingBox({ includeLabels: true }); // brings the label's place up to date
            const rs = e._private.rscratch, pad = e.pstyle('text-background-padding').pfValue;
            const x = rs.labelX + e.pstyle('text-margin-x').pfValue, y = rs.labelY + e.pstyle('text-margin-y').pfValue;
            return { id: e.id(), px: parseFloat(e.renderedStyle('font-size')), x: x * z + pan.x, y: y * z + pan.y,
              hw: (rs.labelWidth / 2 + pad) * z, hh: (rs.labelHeight / 2 + pad) * z,
              angle: e.pstyle('text-rotation').strValue === 'autorotate' ? rs.labelAngle : 0 };
          });
        })())
        """;

    /// <summary>Whether two turned rectangles overlap by more than half a pixel (separating axes).</summary>
    private static bool Overlap(DrawnEdgeLabel p, DrawnEdgeLabel q)
    {
        foreach (var r in new[] { p, q })
            foreach (var axis in new[] { r.Angle, r.Angle + Math.PI / 2 })
            {
                var (cx, cy) = (Math.Cos(axis), Math.Sin(axis));
                double Span(DrawnEdgeLabel t) => Math.Abs(Math.Cos(t.Angle - axis)) * (t.Hw - 0.5) + Math.Abs(Math.Sin(t.Angle - axis)) * (t.Hh - 0.5);
                if (Math.Abs(((q.X - p.X) * cx) + ((q.Y - p.Y) * cy)) >= Span(p) + Span(q)) return false;
            }
        return true;
    }

    private static DrawnEdgeLabel Upright(DrawnName n) => new(n.Id, n.Px, (n.X1 + n.X2) / 2, (n.Y1 + n.Y2) / 2, (n.X2 - n.X1) / 2, (n.Y2 - n.Y1) / 2, 0);

    [ChromiumTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task A_hub_clicked_labels_its_edges_at_11_px_or_more_without_covering_a_label_or_a_name(int width, int height)
    {
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("", width, height);
        var hub = await explorer.EvalAsync<string>("explorer.state.expanded[0].id");
        var own = await explorer.EvalAsync<string[]>($"explorer.canvas.cy.getElementById('{hub}').connectedEdges().map(e => e.id())");
        Assert.True(own.Length >= 30, $"the first view's entity is a hub ({own.Length} edges)");
        // Clicked: selected, with the pointer still on it.
        await explorer.EvalAsync<bool>($"(explorer.canvas.cy.getElementById('{hub}').emit('tap'), true)");
        await explorer.SettledAsync();
        await explorer.EvalAsync<bool>($"(explorer.canvas.cy.getElementById('{hub}').emit('mouseover'), true)");

        var labels = await explorer.EvalJsonAsync<DrawnEdgeLabel[]>(EdgeLabels);
        var names = (await explorer.EvalJsonAsync<DrawnName[]>(Labels)).Where(l => l.Named).ToList();
        var said = labels.Count(l => own.Contains(l.Id));
        output.WriteLine($"{said} of the hub's {own.Length} edges labelled at {width}×{height}");
        await explorer.ScreenshotAsync($"26-canvas-hub-edges-labelled-{Size(width)}");
        for (var i = 0; i < labels.Length; i++)
        {
            for (var j = i + 1; j < labels.Length; j++)
                Assert.False(Overlap(labels[i], labels[j]), $"the labels of {labels[i].Id} and {labels[j].Id} cover each other");
            foreach (var name in names)
                Assert.False(Overlap(labels[i], Upright(name)), $"the label of {labels[i].Id} covers the name of {name.Id}");
        }
        Assert.All(labels, l => Assert.True(l.Px >= 10.99, $"{l.Id}'s label is drawn at {l.Px:F1} px"));
        // Names come first: on a laptop, with the timeline open under the canvas, few of the hub's edges find room.
        Assert.True(said > 0, "some of the hub's edges say what they are");

        // An edge left without its label says it under the pointer.
        var quiet = own.Except(labels.Select(l => l.Id)).Order(StringComparer.Ordinal).First();
        await explorer.EvalAsync<bool>($"(explorer.canvas.cy.getElementById('{quiet}').emit('mouseover'), true)");
        Assert.NotEqual("", await explorer.EvalAsync<string>($"explorer.canvas.cy.getElementById('{quiet}').style('label')"));
        explorer.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task The_same_view_draws_the_same_way_and_keeps_its_places_as_it_grows()
    {
        const string positions = "Object.fromEntries(explorer.canvas.cy.nodes().map(n => [n.id(), [Math.round(n.position('x')), Math.round(n.position('y'))]]))";
        await using var first = await new ExplorerPage(server, output).OpenAsync("?x=kcss&sel=kcss", 1280, 720);
        await using var second = await new ExplorerPage(server, output).OpenAsync("?x=kcss&sel=kcss", 1280, 720);
        var before = await first.EvalAsync<Dictionary<string, int[]>>(positions);
        Assert.Equal(before, await second.EvalAsync<Dictionary<string, int[]>>(positions));

        // Expanding a neighbour adds its neighbours around it; what was drawn stays where it was.
        await first.EvalAsync<bool>("(explorer.canvas.cy.getElementById('enisa').emit('tap'), true)");
        await first.Page.Locator("#details code", new() { HasText = "enisa" }).WaitForAsync();
        await first.SettledAsync();
        await first.Page.ClickAsync("#expand");
        await first.WaitForAsync($"explorer.canvas.cy.nodes().length > {before.Count}");
        await first.SettledAsync();
        var after = await first.EvalAsync<Dictionary<string, int[]>>(positions);
        Assert.All(before, p => Assert.Equal(p.Value, after[p.Key]));
        var enisa = (await server.AskAsync("""{ neighbourhood(id: "enisa", limit: 200) { entities { id } } }"""))["neighbourhood"]!["entities"]!.AsArray();
        Assert.All(enisa, e => Assert.Contains(e!["id"]!.GetValue<string>(), after.Keys));
        await first.ScreenshotAsync("25-canvas-expanded-positions-kept-1280");
        first.AssertNoErrors();
    }

    public sealed record DrawnEdgeLabel(string Id, double Px, double X, double Y, double Hw, double Hh, double Angle);

    public sealed record DrawnName(string Id, bool Named, double Px, string Label, double X1, double X2, double Y1, double Y2);
}
