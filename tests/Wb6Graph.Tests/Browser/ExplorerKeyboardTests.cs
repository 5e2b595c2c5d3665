using Xunit.Abstractions;

namespace Wb6Graph.Tests.Browser;

/// <summary>The explorer without a mouse: the canvas and the list of its entities, reached and used with the keyboard alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExplorerKeyboardTests(ExplorerServer server, ITestOutputHelper output)
{
    private const string Marked = "explorer.canvas.marked";

    /// <summary>At a laptop's width, on a projector, and on a narrow screen where the panel goes under the canvas.</summary>
    [ChromiumTheory]
    [InlineData(1366, 768)]
    [InlineData(1920, 1080)]
    [InlineData(800, 1000)]
    public async Task The_keyboard_alone_reaches_an_entity_on_the_canvas_and_opens_its_panel(int width, int height)
    {
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("?x=kcss", width, height);
        var page = explorer.Page;
        var count = await explorer.EvalAsync<int>("explorer.canvas.cy.nodes().length");
        Assert.True(count > 2, "the neighbourhood of KCSS has entities to move between");

        // From the top of the page, Tab reaches the canvas, which then shows its keys.
        await explorer.TabUntilAsync("document.activeElement?.id === 'cy'");
        Assert.True(await page.IsVisibleAsync("#canvas-keys"));
        Assert.Null(await explorer.EvalAsync<string?>(Marked));

        // The first arrow marks an entity; each further press of → moves to one further right, so enough presses end on
        // the right-most entity of the picture.
        await page.Keyboard.PressAsync("ArrowRight");
        var first = await explorer.EvalAsync<string>(Marked);
        Assert.NotNull(first);
        for (var i = 0; i < count; i++) await page.Keyboard.PressAsync("ArrowRight");
        var rightMost = await explorer.EvalAsync<string>("explorer.canvas.cy.nodes().max(n => n.position('x')).ele.id()");
        Assert.Equal(rightMost, await explorer.EvalAsync<string>(Marked));
        Assert.True(await explorer.EvalAsync<bool>($"explorer.canvas.cy.getElementById('{rightMost}').hasClass('marked')"), "the marked entity is drawn marked");
        var name = await explorer.EvalAsync<string>($"explorer.canvas.cy.getElementById('{rightMost}').data('name')");
        Assert.Contains(name, await page.InnerTextAsync("#canvas-focus")); // announced to screen readers

        // Enter opens it in the panel, as a click would; the focus stays on the canvas.
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#details h2", new() { HasText = name }).WaitForAsync();
        await explorer.SettledAsync();
        Assert.Equal(rightMost, await page.InnerTextAsync("#details code"));
        Assert.Contains($"sel={rightMost}", page.Url);
        Assert.Equal([rightMost], await explorer.EvalAsync<string[]>("explorer.canvas.cy.nodes(':selected').map(n => n.id())"));
        Assert.Equal("cy", await explorer.EvalAsync<string>("document.activeElement.id"));
        await explorer.ScreenshotAsync($"6-keyboard-canvas-entity-{width}");

        // Tab leaves the canvas (no trap), and the marker goes with the focus.
        await page.Keyboard.PressAsync("Tab");
        Assert.NotEqual("cy", await explorer.EvalAsync<string>("document.activeElement.id"));
        Assert.Null(await explorer.EvalAsync<string?>(Marked));
        explorer.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task The_entities_on_the_canvas_are_listed_as_buttons_in_step_with_it()
    {
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("?pin=kcss&sel=kcss");
        var page = explorer.Page;
        const string listed = "[...document.querySelectorAll('#canvas-list [data-entity]')].map(b => b.dataset.entity).sort()";
        Assert.Equal("1", await page.InnerTextAsync("#canvas-count"));

        // All by keyboard: Tab to the list and open it; it holds what the canvas holds, the selected entity marked.
        await explorer.TabUntilAsync("document.activeElement?.matches('#canvas-entities summary')");
        await page.Keyboard.PressAsync("Enter");
        // The list is built when it opens, on the toggle event, which comes after the key press returns.
        await explorer.WaitForAsync("document.querySelector('#canvas-list [data-entity]') !== null");
        Assert.Equal(["kcss"], await explorer.EvalAsync<string[]>(listed));
        Assert.Equal("true", await page.GetAttributeAsync("#canvas-list [data-entity='kcss']", "aria-current"));

        // On to "Expand neighbours" in the panel: the list follows the canvas as it grows.
        await explorer.TabUntilAsync("document.activeElement?.id === 'expand'");
        await page.Keyboard.PressAsync("Enter");
        await explorer.WaitForAsync("explorer.canvas.cy.nodes().length > 1");
        await explorer.SettledAsync();
        var nodes = await explorer.NodesAsync();
        Assert.Equal(nodes, await explorer.EvalAsync<string[]>(listed));
        Assert.Equal(nodes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.InnerTextAsync("#canvas-count"));

        // Back up to an entity other than KCSS: Enter opens its panel and moves the selection, on the canvas and in the list.
        await explorer.TabUntilAsync("document.activeElement?.matches('#canvas-list [data-entity]:not([data-entity=kcss])')", "Shift+Tab");
        var id = await explorer.EvalAsync<string>("document.activeElement.dataset.entity");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#details code", new() { HasText = id }).WaitForAsync();
        await explorer.SettledAsync();
        Assert.Contains($"sel={id}", page.Url);
        Assert.Equal([id], await explorer.EvalAsync<string[]>("explorer.canvas.cy.nodes(':selected').map(n => n.id())"));
        Assert.Equal("true", await page.GetAttributeAsync($"#canvas-list [data-entity='{id}']", "aria-current"));
        Assert.Equal("false", await page.GetAttributeAsync("#canvas-list [data-entity='kcss']", "aria-current"));
        explorer.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task A_click_on_the_focusable_canvas_still_opens_the_entity_under_the_pointer()
    {
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("?x=kcss");
        var page = explorer.Page;
        var target = await explorer.EvalAsync<string>("explorer.canvas.cy.nodes().filter(n => n.id() !== 'kcss')[0].id()");
        var at = await explorer.EvalAsync<double[]>($$"""
            (() => {
              const box = document.getElementById('cy').getBoundingClientRect();
              const p = explorer.canvas.cy.getElementById('{{target}}').renderedPosition();
              return [box.left + p.x, box.top + p.y];
            })()
            """);

        await page.Mouse.ClickAsync((float)at[0], (float)at[1]);
        await page.Locator("#details code", new() { HasText = target }).WaitForAsync();
        await explorer.SettledAsync();
        Assert.Contains($"sel={target}", page.Url);
        Assert.Null(await explorer.EvalAsync<string?>(Marked)); // a click selects; the keyboard's marker stays away
        Assert.False(await page.IsVisibleAsync("#canvas-keys"));
        explorer.AssertNoErrors();
    }
}
