using System.Reflection;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Wb6Graph.Model;
using Wb6Graph.Neo4j;

namespace Wb6Graph.Tests.Api;

/// <summary>When Neo4j is down, a reader learns to retry, and learns nothing about where the server is.</summary>
public sealed class StoreUnavailableTests
{
    [Fact]
    public async Task A_store_that_cannot_be_reached_gives_a_STORE_UNAVAILABLE_error_without_its_address()
    {
        using var api = new ApiFactory();
        api.Settings["GraphStore:LoadSeedsAtStart"] = "false";
        using var down = api.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(DownStore.Create())));

        var response = await down.CreateClient().PostAsync("/graphql", new StringContent("""{"query":"{ entity(id: \"kcss\") { name } }"}""", System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("\"STORE_UNAVAILABLE\"", body);
        Assert.Contains("retry", body);
        Assert.DoesNotContain("10.0.0.7", body);
    }

    /// <summary>Every read fails as the Neo4j client fails when the server is down.</summary>
    public class DownStore : DispatchProxy
    {
        public static IGraphStore Create() => Create<IGraphStore, DownStore>();

        protected override object? Invoke(MethodInfo? method, object?[]? args) => method!.Name switch
        {
            "get_Backend" => "Neo4j",
            "get_DataVersion" => 0L,
            _ => throw new Neo4jException(Neo4jException.UnavailableCode, "Neo4j is unavailable at http://10.0.0.7:7474: Connection refused"),
        };
    }
}
