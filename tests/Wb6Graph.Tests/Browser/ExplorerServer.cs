using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wb6Graph.Tests.Support;

namespace Wb6Graph.Tests.Browser;

/// <summary>
/// The API on a real Kestrel socket (a browser cannot reach TestServer), over an in-memory store loaded with the
/// curated seeds, and one headless Chromium shared by the browser tests.
/// </summary>
public sealed class ExplorerServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    private IPlaywright? _playwright;

    public ExplorerServer() => UseKestrel(k => k.Listen(IPAddress.Loopback, 0));

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots of each state go (TestResults is gitignored); WB6GRAPH_SCREENSHOTS overrides it.</summary>
    public static string ScreenshotDirectory { get; } = Environment.GetEnvironmentVariable("WB6GRAPH_SCREENSHOTS") is { Length: > 0 } dir
        ? dir : Repo.Path("TestResults/screenshots");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("GraphStore:InMemory", "true");
        builder.UseSetting("GraphStore:SeedsDirectory", Repo.Path("graph-seeds"));
    }

    public async Task InitializeAsync()
    {
        if (!Chromium.IsInstalled)
        {
            if (Chromium.Required) throw new InvalidOperationException($"CI_REQUIRE_BROWSER=1 but there is no Chromium at {Chromium.Path}: install the `chromium` package.");
            return; // every test of the class is skipped by ChromiumFact
        }
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');
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
