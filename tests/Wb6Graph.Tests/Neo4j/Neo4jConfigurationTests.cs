using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Wb6Graph.Engine;
using Wb6Graph.Hosting;
using Wb6Graph.Model;
using Wb6Graph.Neo4j;

namespace Wb6Graph.Tests.Neo4j;

public sealed class Neo4jConfigurationTests
{
    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GraphStore:InMemory"] = "true",
            ["GraphStore:LoadSeedsAtStart"] = "false",
            ["GraphStore:SeedsDirectory"] = Path.Combine(Path.GetTempPath(), "wb6graph-no-seeds-" + Guid.NewGuid().ToString("N")),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddGraphStore();
        return builder.Build();
    }

    [Fact]
    public async Task Neo4j_without_a_url_fails_at_start_naming_the_setting()
    {
        using var host = Build(new() { ["GraphStore:Backend"] = "Neo4j", ["Neo4j:Password"] = "password1" });

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Neo4j:Url", e.Message);
    }

    [Fact]
    public async Task Neo4j_without_a_password_fails_at_start_saying_where_to_put_it()
    {
        using var host = Build(new() { ["GraphStore:Backend"] = "Neo4j", ["Neo4j:Url"] = "http://localhost:7474" });

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Neo4j:Password", e.Message);
        Assert.Contains("WB6GRAPH_NEO4J_PASSWORD", e.Message);
    }

    [Theory]
    [InlineData("neo4j+s://abc.databases.neo4j.io", "Neo4j:Url")]
    [InlineData("localhost:7474", "Neo4j:Url")]
    public async Task A_url_that_is_not_http_fails_at_start_and_says_what_aura_needs(string url, string key)
    {
        using var host = Build(new() { ["GraphStore:Backend"] = "Neo4j", ["Neo4j:Url"] = url, ["Neo4j:Password"] = "password1" });

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, e.Message);
        Assert.Contains("https://<host>:443", e.Message);
    }

    [Fact]
    public void The_password_can_come_from_WB6GRAPH_NEO4J_PASSWORD_and_both_services_use_neo4j()
    {
        using var host = Build(new() { ["GraphStore:Backend"] = "Neo4j", ["Neo4j:Url"] = "http://localhost:7474", ["WB6GRAPH_NEO4J_PASSWORD"] = "from-env-1" });

        Assert.Equal("from-env-1", host.Services.GetRequiredService<IOptions<Neo4jOptions>>().Value.Password);
        Assert.IsType<Neo4jGraphStore>(host.Services.GetRequiredService<IGraphStore>());
        Assert.IsType<Neo4jGraphQuestions>(host.Services.GetRequiredService<IGraphQuestions>());
    }

    [Fact]
    public async Task The_embedded_backend_needs_no_neo4j_settings()
    {
        using var host = Build([]);

        await host.StartAsync();

        Assert.Equal("embedded", host.Services.GetRequiredService<IGraphStore>().Backend);
        await host.StopAsync();
    }

    [Fact]
    public async Task With_neo4j_unreachable_the_host_starts_and_readiness_names_the_url_and_the_error()
    {
        // Port 1 on loopback refuses at once: no server, no waiting for a timeout.
        using var host = Build(new()
        {
            ["GraphStore:Backend"] = "Neo4j",
            ["Neo4j:Url"] = "http://127.0.0.1:1",
            ["Neo4j:Password"] = "password1",
            ["Neo4j:StartRetrySeconds"] = "1",
        });

        await host.StartAsync();
        var readiness = host.Services.GetRequiredService<GraphStoreReadiness>();
        for (var i = 0; i < 300 && readiness.Reason?.Contains("unavailable", StringComparison.Ordinal) != true; i++) await Task.Delay(100);

        Assert.False(readiness.IsReady);
        Assert.Contains("http://127.0.0.1:1", readiness.Reason);
        Assert.Contains("unavailable", readiness.Reason);
        await host.StopAsync();
    }
}
