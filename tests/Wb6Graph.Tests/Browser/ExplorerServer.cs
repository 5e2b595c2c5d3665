using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Wb6Graph.Tests.Support;

namespace Wb6Graph.Tests.Browser;

/// <summary>The API on a real socket over the curated seeds (<see cref="KestrelApi"/>), and one headless Chromium shared by the browser tests.</summary>
public sealed class ExplorerServer : KestrelApi, IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots of each state go (TestResults is gitignored); WB6GRAPH_SCREENSHOTS overrides it.</summary>
    public static string ScreenshotDirectory { get; } = Environment.GetEnvironmentVariable("WB6GRAPH_SCREENSHOTS") is { Length: > 0 } dir
        ? dir : Repo.Path("TestResults/screenshots");

    /// <summary>Asks the public API directly, to compare the page with it rather than with numbers written here.</summary>
    public async Task<JsonNode> AskAsync(string query)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var response = await http.PostAsJsonAsync("/graphql", new { query });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Null(body["errors"]);
        return body["data"]!;
    }

    public async Task InitializeAsync()
    {
        if (!Chromium.IsInstalled)
        {
            if (Chromium.Required) throw new InvalidOperationException($"CI_REQUIRE_BROWSER=1 but there is no Chromium at {Chromium.Path}: install the `chromium` package.");
            return; // every test of the class is skipped by ChromiumFact
        }
        Start();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
        }
        await DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ExplorerServer>
{
    public const string Name = "browser";
}
