using Wb6Graph.Engine;
using Wb6Graph.Model;
using Wb6Graph.Neo4j;

namespace Wb6Graph.Tests.Contract;

/// <summary>
/// The contract on a real Neo4j (5.26+, Query API) named by WB6GRAPH_NEO4J_URL/USER/PASSWORD: skipped, with that
/// reason, when they are not set. Each test empties the database and loads the contract graph.
/// </summary>
public sealed class Neo4jContractTests : StoreContractTests, INeedsNeo4j
{
    protected override async Task<(IGraphStore Store, IGraphQuestions Questions, IAsyncDisposable Owner)> OpenAsync(SeedGraph graph)
    {
        if (!Neo4jTestServer.IsConfigured) return (null!, null!, new Owner(null));
        var options = new Neo4jOptions
        {
            Url = Neo4jTestServer.Url,
            User = Neo4jTestServer.User!,
            Password = Neo4jTestServer.Password,
            Database = Neo4jTestServer.Database,
        };
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds) };
        var client = new Neo4jQueryClient(http, options);
        // Test-only: the contract needs a database holding exactly its graph.
        await client.RunAsync("MATCH (n) DETACH DELETE n", null, Neo4jAccess.Write);
        var store = new Neo4jGraphStore(client, options);
        await store.EnsureSchemaAsync();
        await store.LoadSeedsAsync(graph);
        return (store, new Neo4jGraphQuestions(client, new EngineLimits()), new Owner(http));
    }

    private sealed class Owner(HttpClient? http) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            http?.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
