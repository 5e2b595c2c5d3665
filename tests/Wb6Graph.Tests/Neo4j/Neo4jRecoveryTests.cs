using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wb6Graph.Hosting;
using Wb6Graph.Model;
using Wb6Graph.Neo4j;
using static Wb6Graph.Tests.Neo4j.FakeNeo4jServer;
using S = Wb6Graph.Neo4j.Neo4jStoreStatements;

namespace Wb6Graph.Tests.Neo4j;

/// <summary>
/// A Neo4j whose data goes back under a running API (a restored backup, a new volume), against the scripted server:
/// the ETags must change and the bookmarks it no longer knows must not lock the API out.
/// </summary>
public sealed class Neo4jRecoveryTests
{
    private static readonly Neo4jOptions Options = new() { Url = "http://neo4j.test:7474", Password = "password1" };

    [Fact]
    public async Task A_data_version_that_goes_back_is_raised_past_every_version_served_and_reported_once()
    {
        var server = new FakeNeo4jServer();
        var version = 10L;
        server.Fallback = r => r.Statement switch
        {
            S.Version => Result(["version"], [[version]]),
            S.RaiseVersion => Result(["version"], [[version = Math.Max(version, r.Parameters.GetProperty("floor").GetInt64())]]),
            _ => Result([], []),
        };
        var store = new Neo4jGraphStore(new Neo4jQueryClient(new HttpClient(server), Options), Options);

        await store.RefreshVersionAsync();
        Assert.Equal((10L, false), (store.DataVersion, store.TakeRewound()));
        version = 3; // restored from a backup taken at version 3

        await store.RefreshVersionAsync();

        // An ETag built from 10 was served for the old data: the new data must never be served under it again.
        Assert.Equal(11, server.Requests.Single(r => r.Statement == S.RaiseVersion).Parameters.GetProperty("floor").GetInt64());
        Assert.Equal(11, store.DataVersion);
        Assert.True(store.TakeRewound());
        Assert.False(store.TakeRewound());
        await store.RefreshVersionAsync();
        Assert.Equal((11L, false), (store.DataVersion, store.TakeRewound()));
    }

    [Fact]
    public async Task A_write_answered_with_an_older_version_raises_it_too()
    {
        var server = new FakeNeo4jServer();
        var version = 10L;
        server.Fallback = r => r.Statement switch
        {
            S.Version => Result(["version"], [[version]]),
            S.RaiseVersion => Result(["version"], [[version = Math.Max(version, r.Parameters.GetProperty("floor").GetInt64())]]),
            _ when r.Statement == S.WriteContext => Result(["version", "entities", "sources", "relations", "isCountryOfOthers"], [[version, Array.Empty<object>(), new object[]
                { new { id = "s1", title = "S", url = "https://example.org/s", kind = "Press", origin = "Seed" } }, Array.Empty<object>(), false]]),
            { } s when s.StartsWith("MERGE (m:Meta", StringComparison.Ordinal) => Result(["version"], [[++version]]),
            _ => Result([], []),
        };
        var store = new Neo4jGraphStore(new Neo4jQueryClient(new HttpClient(server), Options), Options);
        await store.RefreshVersionAsync();
        version = 0; // a new volume

        await store.UpsertEntityAsync(new EntityInput("al", "Country", "Albania", null, null, null, null, null, null, SourceRefs.Of("s1")));

        Assert.Equal(11, store.DataVersion);
        Assert.True(store.TakeRewound());
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "Neo.ClientError.Transaction.InvalidBookmark")]
    [InlineData(HttpStatusCode.Accepted, "Neo.ClientError.Transaction.InvalidBookmarkMixture")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "Neo.TransientError.Transaction.BookmarkTimeout")]
    public async Task Bookmarks_the_server_refuses_are_forgotten_and_the_statement_sent_again_without_them(HttpStatusCode status, string code)
    {
        var server = new FakeNeo4jServer()
            .Then(_ => Result(["n"], [[1]], ["FB:before-the-restore"]))
            .Then(_ => Error(status, code, "Database 'neo4j' not up to the requested version: 2355850144. Latest database version is 12"))
            .Then(_ => Result(["n"], [[1]], ["FB:after-the-restore"]));
        var client = new Neo4jQueryClient(new HttpClient(server), Options);
        await client.RunAsync("RETURN 1 AS n", null, Neo4jAccess.Write);

        var result = await client.RunAsync("RETURN 1 AS n", null, Neo4jAccess.Read);

        Assert.Equal(1, result.Rows[0][0].GetInt32());
        Assert.Equal(3, server.Requests.Count);
        Assert.True(server.Requests[1].Json.TryGetProperty("bookmarks", out _));
        Assert.False(server.Requests[2].Json.TryGetProperty("bookmarks", out _));
        Assert.Equal(["FB:after-the-restore"], client.Bookmarks);
    }

    [Fact]
    public async Task A_refusal_without_bookmarks_is_not_taken_for_one()
    {
        var server = new FakeNeo4jServer()
            .Then(_ => Error(HttpStatusCode.BadRequest, "Neo.ClientError.Transaction.InvalidBookmark", "a bookmark of a database that is not this one"));
        var client = new Neo4jQueryClient(new HttpClient(server), Options);

        var e = await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync("RETURN 1 AS n", null, Neo4jAccess.Read));

        Assert.Equal("Neo.ClientError.Transaction.InvalidBookmark", e.Code);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task After_a_restore_under_a_running_API_the_schema_is_written_again_and_readiness_recovers()
    {
        var server = new FakeNeo4jServer();
        var version = 10L;
        var restored = false;
        server.Fallback = r =>
        {
            // The restored server knows nothing of the bookmarks the API held before.
            if (restored && r.Json.TryGetProperty("bookmarks", out var b) && b[0].GetString() == "FB:old")
                return Error(HttpStatusCode.BadRequest, "Neo.ClientError.Transaction.InvalidBookmark", "unknown bookmark");
            var bookmark = restored ? "FB:new" : "FB:old";
            return r.Statement switch
            {
                S.Version => Result(["version"], [[version]], [bookmark]),
                S.ModelVersion => Result(["model", "hasData"], [[restored ? null : S.Model, false]], [bookmark]),
                S.RaiseVersion => Result(["version"], [[version = Math.Max(version, r.Parameters.GetProperty("floor").GetInt64())]], [bookmark]),
                _ => Result([], [], [bookmark]),
            };
        };
        using var host = Host(server);
        var readiness = host.Services.GetRequiredService<GraphStoreReadiness>();
        var store = host.Services.GetRequiredService<Neo4jGraphStore>();
        await host.StartAsync();
        await WaitAsync(() => readiness.IsReady && store.DataVersion == 10);
        var schemaWrites = Count(server, S.Schema().First().Cypher);

        version = 0;
        restored = true;
        await WaitAsync(() => readiness.IsReady && Count(server, S.Schema().First().Cypher) > schemaWrites && Count(server, S.SetModel) > 0);

        Assert.True(store.DataVersion > 10, $"the data version is {store.DataVersion}: ETags of the old data would match the new");
        Assert.Equal(["FB:new"], store.Client.Bookmarks);
        await host.StopAsync();
    }

    private static int Count(FakeNeo4jServer server, string statement)
    {
        lock (server.Requests) return server.Requests.Count(r => r.Statement == statement);
    }

    private static async Task WaitAsync(Func<bool> done)
    {
        for (var i = 0; i < 150 && !done(); i++) await Task.Delay(100);
        Assert.True(done(), "the API did not get there within 15 s");
    }

    private static IHost Host(FakeNeo4jServer server)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GraphStore:Backend"] = "Neo4j",
            ["GraphStore:InMemory"] = "true",
            ["GraphStore:LoadSeedsAtStart"] = "false",
            ["GraphStore:SeedsDirectory"] = Path.Combine(Path.GetTempPath(), "wb6graph-no-seeds-" + Guid.NewGuid().ToString("N")),
            ["Neo4j:Url"] = Options.Url,
            ["Neo4j:Password"] = Options.Password,
            ["Neo4j:StartRetrySeconds"] = "1",
        });
        builder.AddGraphStore();
        builder.Services.AddHttpClient(Neo4jStoreExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => server);
        return builder.Build();
    }
}
