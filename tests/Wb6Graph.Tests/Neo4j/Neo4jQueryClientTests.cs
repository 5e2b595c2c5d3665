using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wb6Graph.Hosting;
using Wb6Graph.Model;
using Wb6Graph.Neo4j;
using static Wb6Graph.Tests.Neo4j.FakeNeo4jServer;

namespace Wb6Graph.Tests.Neo4j;

public sealed class Neo4jQueryClientTests
{
    private static readonly Neo4jOptions Options = new() { Url = "http://neo4j.test:7474/", User = "reader", Password = "s3cret-pass", Database = "graph" };

    private static (Neo4jQueryClient Client, FakeNeo4jServer Server) Client()
    {
        var server = new FakeNeo4jServer();
        return (new Neo4jQueryClient(new HttpClient(server), Options), server);
    }

    [Fact]
    public async Task A_read_posts_the_statement_and_parameters_to_the_databases_query_endpoint_with_basic_auth_and_read_access()
    {
        var (client, server) = Client();
        await client.RunAsync("MATCH (n:Entity {id: $id}) RETURN n", new Dictionary<string, object?> { ["id"] = "wb3c" }, Neo4jAccess.Read);

        var request = Assert.Single(server.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://neo4j.test:7474/db/graph/query/v2", request.Uri.ToString());
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("reader:s3cret-pass")), request.Headers["Authorization"]);
        Assert.Equal("MATCH (n:Entity {id: $id}) RETURN n", request.Statement);
        Assert.Equal("wb3c", request.Parameters.GetProperty("id").GetString());
        Assert.Equal("Read", request.Json.GetProperty("accessMode").GetString());
        Assert.True(request.Json.GetProperty("includeCounters").GetBoolean());
    }

    [Fact]
    public async Task Nodes_relationships_and_paths_come_back_as_rows_that_map_to_our_records()
    {
        var (client, server) = Client();
        var fr = Node("Country", new { id = "fr", kind = "Country", name = "France", aliases = new[] { "République française" }, sources = new[] { "communique" }, origin = "Seed" });
        var wb3c = Node("RegionalCentre", new { id = "wb3c", kind = "RegionalCentre", name = "WB3C", aliases = Array.Empty<string>(), country = "me", sources = new[] { "communique" }, validFrom = "2023-05-01", origin = "Seed" });
        var founded = Rel("FOUNDED", new
        {
            id = "fr-founded-wb3c", confidence = "H", sources = new[] { "communique" }, validFrom = "2023-05-01",
            attributes = """[{"key":"city","type":"String","value":"Podgorica"}]""", retracted = false, origin = "User",
        });
        server.Then(_ => Result(["n", "r", "p", "count"], [[fr, founded, new[] { fr, founded, wb3c }, 42]]));

        var result = await client.RunAsync("MATCH p = (n)-[r]->() RETURN n, r, p, 42 AS count", null, Neo4jAccess.Read);

        Assert.Equal(["n", "r", "p", "count"], result.Fields);
        var row = Assert.Single(result.Rows);
        var entity = Neo4jMapping.ToEntity(row[0]);
        Assert.Equal(("fr", EntityKind.Country, "France"), (entity.Id, entity.Kind, entity.Name));
        Assert.Equal(["République française"], entity.Aliases);
        var relation = Neo4jMapping.ToRelation(row[1], "fr", "wb3c");
        Assert.Equal((RelationType.FOUNDED, "fr", "wb3c", Confidence.H, Origin.User), (relation.Type, relation.From, relation.To, relation.Confidence, relation.Origin));
        Assert.Equal(new DateOnly(2023, 5, 1), relation.ValidFrom);
        Assert.Null(relation.ValidTo);
        Assert.Equal(new AttributeValue("city", AttributeType.String, "Podgorica"), Assert.Single(relation.Attributes));
        var path = row[2].EnumerateArray().ToList();
        Assert.Equal(3, path.Count);
        Assert.Equal("wb3c", Neo4jMapping.ToEntity(path[2]).Id);
        Assert.Equal("me", Neo4jMapping.ToEntity(path[2]).Country);
        Assert.Equal(42, row[3].GetInt32());
    }

    [Fact]
    public async Task Counters_are_read_and_the_bookmarks_of_a_write_go_with_the_next_read()
    {
        var (client, server) = Client();
        server.Then(HttpStatusCode.Accepted, """
            {"data": {"fields": [], "values": []},
             "counters": {"containsUpdates": true, "nodesCreated": 2, "relationshipsCreated": 1, "propertiesSet": 7, "nodesDeleted": 0, "relationshipsDeleted": 0},
             "bookmarks": ["FB:kcwQ-after-write"]}
            """);

        var write = await client.RunAsync("CREATE (a:Entity {id: $a})-[:FUNDS {id: $r}]->(b:Entity {id: $b})", new Dictionary<string, object?> { ["a"] = "x", ["b"] = "y", ["r"] = "z" }, Neo4jAccess.Write);
        await client.RunAsync("MATCH (n:Entity) RETURN n", null, Neo4jAccess.Read);

        Assert.Equal(new Neo4jCounters(true, 2, 1, 7, 0, 0), write.Counters);
        Assert.Equal(["FB:kcwQ-after-write"], write.Bookmarks);
        Assert.False(server.Requests[0].Json.TryGetProperty("bookmarks", out _));
        Assert.Equal("Write", server.Requests[0].Json.GetProperty("accessMode").GetString());
        var read = server.Requests[1].Json;
        Assert.Equal("Read", read.GetProperty("accessMode").GetString());
        Assert.Equal(["FB:kcwQ-after-write"], read.GetProperty("bookmarks").EnumerateArray().Select(b => b.GetString()));
    }

    [Fact]
    public async Task The_bookmarks_of_a_read_go_with_the_next_read_so_another_instances_write_once_seen_stays_seen()
    {
        var (client, server) = Client();
        server.Then(_ => Result(["v"], [[8]], ["FB:seen-by-the-version-poll"]));

        await client.RunAsync("MATCH (m:Meta {id: 'wb6graph'}) RETURN m.dataVersion AS v", null, Neo4jAccess.Read);
        await client.RunAsync("MATCH (n:Entity) RETURN n", null, Neo4jAccess.Read);

        Assert.Equal(["FB:seen-by-the-version-poll"], server.Requests[1].Json.GetProperty("bookmarks").EnumerateArray().Select(b => b.GetString()));
    }

    [Fact]
    public async Task An_errors_array_in_a_202_answer_fails_the_call_with_neo4js_code()
    {
        var (client, server) = Client();
        server.Then(HttpStatusCode.Accepted, """{"data": {"fields": [], "values": []}, "errors": [{"code": "Neo.ClientError.Statement.ArgumentError", "message": "bad argument"}]}""");

        var e = await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync("RETURN 1", null, Neo4jAccess.Read));

        Assert.Equal("Neo.ClientError.Statement.ArgumentError", e.Code);
        Assert.Contains("bad argument", e.Message);
    }

    [Fact]
    public async Task A_transient_error_in_the_body_is_tried_again_and_a_client_error_is_not()
    {
        var (client, server) = Client();
        server
            .Then(_ => Error(HttpStatusCode.Accepted, "Neo.TransientError.Transaction.DeadlockDetected", "deadlock"))
            .Then(_ => Result(["n"], [[1]]))
            .Then(_ => Error(HttpStatusCode.Accepted, "Neo.ClientError.Statement.ArgumentError", "bad"));

        var result = await client.RunAsync("RETURN 1 AS n", null, Neo4jAccess.Write);
        await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync("RETURN $x", new Dictionary<string, object?> { ["x"] = 1 }, Neo4jAccess.Write));

        Assert.Equal(1, result.Rows[0][0].GetInt32());
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Refused_credentials_name_the_user_and_password_settings()
    {
        var (client, server) = Client();
        server.Then(_ => Error(HttpStatusCode.Unauthorized, "Neo.ClientError.Security.Unauthorized", "The client is unauthorized due to authentication failure."));

        var e = await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync("RETURN 1", null, Neo4jAccess.Read));

        Assert.Equal("Neo.ClientError.Security.Unauthorized", e.Code);
        Assert.Contains("Neo4j:User", e.Message);
        Assert.Contains("Neo4j:Password", e.Message);
        Assert.Contains("'reader'", e.Message);
        Assert.DoesNotContain("s3cret-pass", e.Message);
        Assert.False(e.IsTransient);
    }

    [Fact]
    public async Task A_401_without_a_body_is_still_a_credentials_error()
    {
        var (client, server) = Client();
        server.Then(HttpStatusCode.Unauthorized, "");

        var e = await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync("RETURN 1", null, Neo4jAccess.Read));

        Assert.Contains("Neo4j:Password", e.Message);
    }

    [Fact]
    public async Task A_syntax_error_is_reported_with_its_code_and_neo4js_explanation()
    {
        var (client, server) = Client();
        server.Then(_ => Error(HttpStatusCode.BadRequest, "Neo.ClientError.Statement.SyntaxError", "Invalid input 'RETRUN': expected 'RETURN' (line 1, column 1)"));

        var e = await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync("RETRUN 1", null, Neo4jAccess.Read));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", e.Code);
        Assert.Contains("Invalid input 'RETRUN'", e.Message);
    }

    [Fact]
    public async Task A_uniqueness_violation_names_the_fact_id()
    {
        var (client, server) = Client();
        server.Then(_ => Error(HttpStatusCode.Accepted, "Neo.ClientError.Schema.ConstraintValidationFailed",
            "Relationship(1234) already exists with type `FOUNDED` and property `id` = 'fr-founded-wb3c'"));

        var e = await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync("CREATE ()-[:FOUNDED {id: $id}]->()", new Dictionary<string, object?> { ["id"] = "x" }, Neo4jAccess.Write));

        Assert.Equal("fr-founded-wb3c", e.FactId);
        Assert.Contains("'fr-founded-wb3c' already exists", e.Message);
    }

    [Fact]
    public async Task A_refused_connection_says_neo4j_is_unavailable_at_the_configured_url()
    {
        var server = new FakeNeo4jServer { Fallback = _ => throw new HttpRequestException("Connection refused (neo4j.test:7474)") };
        var client = new Neo4jQueryClient(new HttpClient(server), Options);

        var e = await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync("RETURN 1", null, Neo4jAccess.Read));

        Assert.True(e.IsTransient);
        Assert.Contains("unavailable at http://neo4j.test:7474", e.Message);
        Assert.Contains("Connection refused", e.Message);
    }

    [Fact]
    public async Task A_503_is_retried_by_the_resilience_handler_and_then_succeeds()
    {
        var server = new FakeNeo4jServer()
            .Then(_ => Error(HttpStatusCode.ServiceUnavailable, "Neo.TransientError.General.DatabaseUnavailable", "starting"))
            .Then(_ => Result(["n"], [[1]]));
        var client = RegisteredClient(server);

        var result = await client.RunAsync("RETURN 1 AS n", null, Neo4jAccess.Read);

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(1, result.Rows[0][0].GetInt32());
    }

    [Fact]
    public async Task A_server_that_stays_at_503_is_reported_unavailable_after_the_retries()
    {
        var server = new FakeNeo4jServer { Fallback = _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) };
        var client = RegisteredClient(server);

        var e = await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync("RETURN 1", null, Neo4jAccess.Read));

        Assert.True(server.Requests.Count > 1, "a 503 is transient and must be retried");
        Assert.True(e.IsTransient);
        Assert.Contains("unavailable at http://neo4j.test:7474", e.Message);
    }

    [Fact]
    public async Task A_connection_that_was_never_made_is_retried_but_one_lost_after_sending_is_not()
    {
        var refused = new FakeNeo4jServer()
            .Then(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"))
            .Then(_ => Result(["n"], [[1]]));
        Assert.Equal(1, (await RegisteredClient(refused).RunAsync("RETURN 1 AS n", null, Neo4jAccess.Read)).Rows[0][0].GetInt32());
        Assert.Equal(2, refused.Requests.Count);

        // The write may have been committed before the answer was lost: sending it again could write twice.
        var reset = new FakeNeo4jServer { Fallback = _ => throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely") };
        await Assert.ThrowsAsync<Neo4jException>(() => RegisteredClient(reset).RunAsync("CREATE (n:Entity {id: $id})", new Dictionary<string, object?> { ["id"] = "x" }, Neo4jAccess.Write));
        Assert.Single(reset.Requests);
    }

    [Fact]
    public async Task A_client_error_is_an_answer_and_is_not_retried()
    {
        var server = new FakeNeo4jServer { Fallback = _ => Error(HttpStatusCode.BadRequest, "Neo.ClientError.Statement.SyntaxError", "nope") };
        var client = RegisteredClient(server);

        await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync("RETURN", null, Neo4jAccess.Write));

        Assert.Single(server.Requests);
    }

    /// <summary>The client as the host builds it: named HttpClient, standard resilience handler, our retry rules.</summary>
    private static Neo4jQueryClient RegisteredClient(FakeNeo4jServer server)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GraphStore:Backend"] = "Neo4j",
            ["Neo4j:Url"] = Options.Url,
            ["Neo4j:User"] = Options.User,
            ["Neo4j:Password"] = Options.Password,
            ["Neo4j:Database"] = Options.Database,
            ["Neo4j:TimeoutSeconds"] = "5",
        });
        builder.AddNeo4jStore();
        builder.Services.AddHttpClient(Neo4jStoreExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => server);
        return builder.Build().Services.GetRequiredService<Neo4jQueryClient>();
    }
}
