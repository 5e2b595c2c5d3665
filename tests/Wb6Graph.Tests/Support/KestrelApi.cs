using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace Wb6Graph.Tests.Support;

/// <summary>
/// The API on a real Kestrel socket (a browser, or the server's own warm-up, cannot reach TestServer), over an
/// in-memory store loaded with the curated seeds, plus any settings given.
/// </summary>
public class KestrelApi : WebApplicationFactory<Program>
{
    private readonly (string Key, string Value)[] _settings;

    public KestrelApi(params (string Key, string Value)[] settings)
    {
        _settings = settings;
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Where the server listens, without a trailing slash; set by <see cref="Start"/>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>
    /// A folder to serve the pages from instead of the build's wwwroot (another commit's explorer, for a side-by-side
    /// measure). A `webroot` setting does not reach an application built with WebApplication.CreateBuilder, so the
    /// environment's web root is replaced before the pipeline is built.
    /// </summary>
    public string? WebRoot { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("GraphStore:InMemory", "true");
        builder.UseSetting("GraphStore:SeedsDirectory", Repo.Path("graph-seeds"));
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (WebRoot is { } root) builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new WebRootFilter(root)));
    }

    private sealed class WebRootFilter(string root) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            var environment = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>();
            environment.WebRootPath = root;
            environment.WebRootFileProvider = new PhysicalFileProvider(root);
            next(app);
        };
    }

    /// <summary>Starts the server and notes where it listens.</summary>
    public void Start()
    {
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }
}
