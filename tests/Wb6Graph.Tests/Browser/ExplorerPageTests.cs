using System.Text.RegularExpressions;
using Wb6Graph.Tests.Api;

namespace Wb6Graph.Tests.Browser;

/// <summary>The explorer page without a browser: served at `/`, and every asset from this server (no CDN).</summary>
public sealed partial class ExplorerPageTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [GeneratedRegex("""<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)""")]
    private static partial Regex Assets();

    [GeneratedRegex("""^\s*(?:import|export)\s[^'"\n]*\bfrom\s*['"]([^'"]+)['"]""", RegexOptions.Multiline)]
    private static partial Regex Imports();

    [GeneratedRegex("""https?://[^\s'"`<>]+""")]
    private static partial Regex RemoteUrls();

    [Fact]
    public async Task Root_serves_the_explorer_with_local_assets_only()
    {
        var client = api.CreateClient();
        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Wb6Graph explorer", html);
        var assets = Assets().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("/explorer/vendor/cytoscape.min.js", assets);
        Assert.All(assets, a => Assert.True(a.StartsWith('/') || a.StartsWith("data:", StringComparison.Ordinal), a)); // never http(s)://, never a CDN
        foreach (var asset in assets.Where(a => a.StartsWith('/')))
        {
            var served = await client.GetAsync(asset);
            Assert.True(served.IsSuccessStatusCode, $"{asset} answered {(int)served.StatusCode}: the build copies it from npm (node_modules/cytoscape)");
        }
    }

    [Fact]
    public async Task Explorer_modules_are_served_and_import_nothing_remote()
    {
        var client = api.CreateClient();
        var modules = Directory.GetFiles(Support.Repo.Path("src/Wb6Graph.Api/wwwroot/explorer"), "*.js");
        Assert.Contains(modules, m => m.EndsWith("main.js", StringComparison.Ordinal));
        foreach (var module in modules)
        {
            var name = Path.GetFileName(module);
            var response = await client.GetAsync($"/explorer/{name}");
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"/explorer/{name} answered {(int)response.StatusCode}");
            Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
            var imports = Imports().Matches(text).Select(m => m.Groups[1].Value).ToList();
            Assert.All(imports, i => Assert.StartsWith("./", i));
            if (name == "main.js") Assert.NotEmpty(imports);
            // The only addresses in the modules are the XML namespaces of GraphML and SVG, names that are never fetched.
            Assert.All(RemoteUrls().Matches(text).Select(m => m.Value), u => Assert.Contains(u, (string[])["http://graphml.graphdrawing.org/xmlns", "http://www.w3.org/2000/svg"]));
        }
        var cytoscape = await client.GetStringAsync("/explorer/vendor/cytoscape.min.js");
        Assert.Contains("cytoscape", cytoscape);
    }
}
