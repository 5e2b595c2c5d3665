using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Wb6Graph.Tests.Browser;

/// <summary>One browser tab on the explorer: waits for the page to settle, reads the canvas, keeps screenshots.</summary>
public sealed class ExplorerPage(ExplorerServer server, ITestOutputHelper output) : IAsyncDisposable
{
    private readonly List<string> _errors = [];
    private IBrowserContext? _context;

    public IPage Page { get; private set; } = null!;

    /// <param name="beforeLoad">Runs on the new tab before it navigates, e.g. to watch its requests from the first.</param>
    public async Task<ExplorerPage> OpenAsync(string query = "", int width = 1400, int height = 900, Action<IPage>? beforeLoad = null)
    {
        _context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = server.BaseUrl });
        Page = await _context.NewPageAsync();
        beforeLoad?.Invoke(Page);
        // Warnings too: Cytoscape reports a style it cannot read, or an option it advises against, as a warning.
        Page.Console += (_, m) => { if (m.Type is "error" or "warning") _errors.Add($"{m.Type}: {m.Text}"); };
        Page.PageError += (_, e) => _errors.Add(e);
        await Page.GotoAsync("/" + query);
        await SettledAsync();
        return this;
    }

    /// <summary>Waits until no GraphQL answer is pending (the page marks itself busy while it redraws).</summary>
    public Task SettledAsync() => Page.WaitForSelectorAsync("body[data-busy='false']", new() { Timeout = 15000 });

    public Task WaitForAsync(string jsCondition) => Page.WaitForFunctionAsync(jsCondition, null, new() { Timeout = 15000 });

    public Task<T> EvalAsync<T>(string js) => Page.EvaluateAsync<T>(js);

    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>A script whose value is JSON.stringify(...) of records, read into them (camelCase names).</summary>
    public async Task<T> EvalJsonAsync<T>(string js) => System.Text.Json.JsonSerializer.Deserialize<T>(await EvalAsync<string>(js), Web)!;

    /// <summary>The ids of the entities drawn on the canvas.</summary>
    public async Task<string[]> NodesAsync() => (await EvalAsync<string[]>("explorer.canvas.cy.nodes().map(n => n.id())")).Order().ToArray();

    /// <summary>Presses Tab (or Shift+Tab) until the condition holds (the focus reached something), at most 40 times.</summary>
    public async Task TabUntilAsync(string jsCondition, string key = "Tab")
    {
        for (var i = 0; i < 40; i++)
        {
            if (await EvalAsync<bool>(jsCondition)) return;
            await Page.Keyboard.PressAsync(key);
        }
        Assert.True(await EvalAsync<bool>(jsCondition), $"40 presses of {key} did not reach: {jsCondition}");
    }

    /// <summary>The relations drawn that touch an entity (an edge of the canvas carries every relation of its pair).</summary>
    public Task<int> EdgesOfAsync(string id) => EvalAsync<int>($"explorer.canvas.relationIds('{id}').length");

    /// <summary>The relations drawn on the canvas, whichever edge carries them.</summary>
    public async Task<string[]> RelationsAsync() => (await EvalAsync<string[]>("explorer.canvas.relationIds()")).Order().ToArray();

    /// <summary>
    /// Sends the paths form as a keyboard user does after typing an end: Tab leaves the field, which closes its
    /// suggestions (they would cover the button), then the button.
    /// </summary>
    public async Task SubmitPathsAsync()
    {
        await Page.Keyboard.PressAsync("Tab");
        await Page.ClickAsync("#paths-form button[type=submit]");
    }

    /// <summary>Chooses an item of the Share menu (the canvas' exports, the link, the query).</summary>
    public async Task ShareAsync(string button)
    {
        await Page.ClickAsync("#share-menu summary");
        await Page.ClickAsync(button);
    }

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ExplorerServer.ScreenshotDirectory);
        var path = Path.Combine(ExplorerServer.ScreenshotDirectory, $"{name}.png");
        await Page.ScreenshotAsync(new() { Path = path });
        output.WriteLine($"screenshot: {path}");
    }

    /// <summary>The page logged no error or warning and threw nothing.</summary>
    public void AssertNoErrors() => Assert.True(_errors.Count == 0, string.Join("\n", _errors));

    public async ValueTask DisposeAsync()
    {
        if (_context is not null) await _context.CloseAsync();
    }
}
