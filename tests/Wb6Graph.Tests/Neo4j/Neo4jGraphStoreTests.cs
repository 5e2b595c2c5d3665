using System.Net;
using System.Text.Json;
using Wb6Graph.Model;
using Wb6Graph.Neo4j;
using Wb6Graph.Tests.Support;
using static Wb6Graph.Tests.Neo4j.FakeNeo4jServer;
using S = Wb6Graph.Neo4j.Neo4jStoreStatements;

namespace Wb6Graph.Tests.Neo4j;

/// <summary>The Neo4j store against a scripted Query API: what it sends, and what it does with the answers. No server needed.</summary>
public sealed class Neo4jGraphStoreTests
{
    private const string Hostile = "x'}) DETACH DELETE n // `Entity` $id";

    private readonly FakeNeo4jServer _server = new();
    private readonly Neo4jGraphStore _store;
    private readonly Dictionary<string, Func<RecordedRequest, HttpResponseMessage>> _answers = [];

    /// <summary>The data version the scripted server holds; every write statement bumps it first.</summary>
    private long _serverVersion = 4;

    public Neo4jGraphStoreTests()
    {
        var options = new Neo4jOptions { Url = "http://neo4j.test:7474", Password = "password1", SeedBatchSize = 2 };
        _store = new Neo4jGraphStore(new Neo4jQueryClient(new HttpClient(_server), options), options);
        _server.Fallback = Answer;
        // By default Neo4j holds nothing: contexts are empty and counts zero.
        _answers[S.WriteContext] = _ => Context([], []);
        foreach (var search in new[] { false, true })
            _answers[S.FindEntities(search)] = _ => Result(["total", "before", "page", "scores"], [[0, 0, Array.Empty<object>(), Array.Empty<object>()]]);
        foreach (var from in new[] { false, true })
            foreach (var to in new[] { false, true })
                _answers[S.FindRelations(from, to)] = _ => Result(["total", "before", "page"], [[0, 0, Array.Empty<object>()]]);
        _answers[S.Version] = _ => Result(["version"], [[_serverVersion]]);
    }

    private HttpResponseMessage Answer(RecordedRequest request)
    {
        Assert.Equal("/db/neo4j/query/v2", request.Uri.AbsolutePath); // one request per statement: never an explicit transaction
        if (request.Statement is { } statement && _answers.TryGetValue(statement, out var answer)) return answer(request);
        return IsWrite(request) ? Write(request) : Result([], []);
    }

    private static bool IsWrite(RecordedRequest r) => r.Statement?.StartsWith("MERGE (m:Meta {id: 'wb6graph'})", StringComparison.Ordinal) == true;

    /// <summary>A write statement as Neo4j runs it: the bump, then, for an API write, nothing more unless the version read is still current.</summary>
    private HttpResponseMessage Write(RecordedRequest r)
    {
        _serverVersion++;
        return r.Parameters.TryGetProperty("expected", out var expected) && expected.GetInt64() + 1 != _serverVersion
            ? Result(["version"], [])
            : Result(["version"], [[_serverVersion]], ["FB:" + _serverVersion]);
    }

    private HttpResponseMessage Context(object[] entities, object[] sources, object[]? relations = null, long? version = null) =>
        Result(["version", "entities", "sources", "relations", "isCountryOfOthers"], [[version ?? _serverVersion, entities, sources, relations ?? [], false]]);

    private IEnumerable<RecordedRequest> Statements(string cypher) => _server.Requests.Where(r => r.Statement == cypher);

    private IEnumerable<RecordedRequest> Writes() => _server.Requests.Where(IsWrite);

    [Fact]
    public async Task Hostile_ids_and_strings_travel_as_parameters_and_never_reach_the_cypher_text()
    {
        await _store.GetEntityAsync(Hostile);
        await _store.GetEntitiesAsync([Hostile]);
        await _store.FindEntitiesAsync(new EntityQuery(Country: Hostile, Search: Hostile));
        await _store.GetRelationAsync(Hostile);
        await _store.FindRelationsAsync(new RelationQuery(From: Hostile, To: Hostile));
        await _store.GetRelationsOfAsync([Hostile], Direction.Both, RelationFilter.All);
        await _store.GetSourceAsync(Hostile);
        await Assert.ThrowsAsync<GraphValidationException>(() => _store.AddRelationAsync(new RelationInput(
            Hostile, "FOUNDED]->() DETACH DELETE n //", Hostile, Hostile, null, null, Hostile, "H", [new AttributeValue(Hostile, AttributeType.String, Hostile)], SourceRefs.Of(Hostile))));
        await Assert.ThrowsAsync<GraphValidationException>(() => _store.UpsertEntityAsync(new EntityInput(
            Hostile, "Country:Entity) DETACH DELETE n //", Hostile, [Hostile], Hostile, Hostile, null, null, null, SourceRefs.Of(Hostile))));
        await Assert.ThrowsAsync<NotFoundException>(() => _store.RetractRelationAsync(Hostile, Hostile, SourceRefs.Of(Hostile)));

        var sent = _server.Requests.Where(r => r.Statement is not null).ToList();
        Assert.True(sent.Count >= 10);
        Assert.All(sent, r =>
        {
            Assert.DoesNotContain("DETACH", r.Statement!);
            Assert.DoesNotContain("x'})", r.Statement!);
        });
        Assert.Contains(sent, r => r.Parameters.GetRawText().Contains("DETACH DELETE", StringComparison.Ordinal));
        Assert.Equal(TextSearchFolded(Hostile), Statements(S.FindEntities(search: true)).Single().Parameters.GetProperty("search").GetString());
    }

    private static string TextSearchFolded(string text) => Wb6Graph.Embedded.TextSearch.Fold(text);

    [Fact]
    public async Task Data_of_the_older_model_is_migrated_once_with_the_vocabularys_acts()
    {
        var model = 1;
        _answers[S.ModelVersion] = _ => Result(["model", "hasData"], [[model, true]]);
        _answers[S.SetModel] = r =>
        {
            model = r.Parameters.GetProperty("model").GetInt32();
            return Result([], []);
        };

        await _store.EnsureSchemaAsync();
        await _store.EnsureSchemaAsync();

        var migrate = Assert.Single(Statements(S.MigrateRelations));
        var acts = migrate.Parameters.GetProperty("acts").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Contains("FOUNDED", acts);
        Assert.Contains("SUCCEEDED_BY", acts);
        Assert.DoesNotContain("MEMBER_OF", acts);
        Assert.Single(Statements(S.MigrateEntities));
        Assert.Equal(S.Model, model);
    }

    [Fact]
    public async Task An_empty_database_gets_the_current_model_without_a_migration()
    {
        _answers[S.ModelVersion] = _ => Result(["model", "hasData"], [[null, false]]);

        await _store.EnsureSchemaAsync();

        Assert.Empty(Statements(S.MigrateRelations));
        Assert.Equal(S.Model, Statements(S.SetModel).Single().Parameters.GetProperty("model").GetInt32());
    }

    [Fact]
    public async Task A_write_that_fails_validation_sends_no_write()
    {
        var before = _store.DataVersion;
        var e = await Assert.ThrowsAsync<GraphValidationException>(() => _store.AddRelationAsync(new RelationInput(
            null, "FOUNDED", "fr", "nowhere", null, null, null, "H", null, SourceRefs.Of("unknown-source"))));

        Assert.Contains(e.Errors, x => x.Where == "input.from" && x.Value == "fr" && x.Message == "unknown entity id");
        Assert.Contains(e.Errors, x => x.Where == "input.sources.ids[0]" && x.Value == "unknown-source");
        Assert.Equal([S.WriteContext], _server.Requests.Select(r => r.Statement));
        Assert.Equal(before, _store.DataVersion);
    }

    [Fact]
    public async Task A_valid_relation_is_written_by_the_user_in_one_statement_that_bumps_the_data_version()
    {
        _answers[S.WriteContext] = _ => Context(
            [Node("Country", new { id = "fr", kind = "Country", name = "France" }), Node("RegionalCentre", new { id = "wb3c", kind = "RegionalCentre", name = "WB3C" })],
            [new { id = "communique", title = "Joint communique", url = "https://example.org/c", kind = "Official", origin = "Seed" }]);

        var relation = await _store.AddRelationAsync(new RelationInput(
            null, "FOUNDED", "fr", "wb3c", null, null, "founder", "H", null, SourceRefs.Of("communique")) { OccurredOn = new PartialDate(2023, 5) });

        Assert.Equal(("fr-founded-wb3c", Origin.User, new PartialDate(2023, 5)), (relation.Id, relation.Origin, relation.OccurredOn));
        // One read (with the version its checks saw), one write: a request each, nothing left open between them.
        Assert.Equal([S.WriteContext, Neo4jWrites.WriteRelation(RelationType.FOUNDED)], _server.Requests.Select(r => r.Statement));
        var write = Writes().Single().Parameters;
        Assert.Equal(4, write.GetProperty("expected").GetInt64());
        var merge = write.GetProperty("rows")[0];
        // The date keeps its precision; 'since' is the first day the act may count from, and an act never ends.
        Assert.Equal(("fr", "wb3c", "2023-05", "2023-05-01", true, JsonValueKind.Null, "User"), (merge[0].GetString(), merge[1].GetString(),
            merge[2].GetProperty("occurredOn").GetString(), merge[2].GetProperty("since").GetString(), merge[2].GetProperty("act").GetBoolean(),
            merge[2].GetProperty("until").ValueKind, merge[2].GetProperty("origin").GetString()));
        Assert.Equal(0, write.GetProperty("sources").GetArrayLength());
        Assert.Equal(5, _store.DataVersion);
    }

    [Fact]
    public async Task A_write_overtaken_by_another_instance_reads_and_checks_again_before_it_writes()
    {
        var reads = 0;
        _answers[S.WriteContext] = _ =>
        {
            // Between the first read and its write, another instance writes (the version moves on by one).
            var read = _serverVersion;
            if (++reads == 1) _serverVersion++;
            return Context([Node("Country", new { id = "al", kind = "Country", name = "Albania" })], [new { id = "s1", title = "S", url = "https://example.org/s", kind = "Press", origin = "Seed" }], version: read);
        };

        await _store.UpsertEntityAsync(new EntityInput("al", "Country", "Albania (changed)", null, null, null, null, null, null, SourceRefs.Of("s1")));

        Assert.Equal(2, reads);
        var writes = Writes().Select(w => w.Parameters.GetProperty("expected").GetInt64()).ToList();
        // The first write found the version moved (4 read, 5 by then) and wrote nothing but its bump (6); the second
        // read 6 and wrote.
        Assert.Equal([4L, 6L], writes);
        Assert.Equal(7, _store.DataVersion);
    }

    [Fact]
    public async Task A_write_that_keeps_being_overtaken_gives_up_with_a_transient_error_and_writes_nothing()
    {
        _answers[S.WriteContext] = _ =>
        {
            var read = _serverVersion++;
            return Context([Node("Country", new { id = "al", kind = "Country", name = "Albania" })], [new { id = "s1", title = "S", url = "https://example.org/s", kind = "Press", origin = "Seed" }], version: read);
        };

        var e = await Assert.ThrowsAsync<Neo4jException>(() => _store.UpsertEntityAsync(
            new EntityInput("al", "Country", "Albania", null, null, null, null, null, null, SourceRefs.Of("s1"))));

        Assert.Equal(Neo4jException.WriteConflictCode, e.Code);
        Assert.True(e.IsTransient);
        Assert.Equal(Neo4jGraphStore.WriteAttempts, Writes().Count());
    }

    [Fact]
    public async Task A_relation_id_taken_by_another_writer_meanwhile_is_reported_on_the_id_field()
    {
        _answers[S.WriteContext] = _ => Context(
            [Node("NonProfit", new { id = "kcss", kind = "NonProfit", name = "KCSS" }), Node("EuBody", new { id = "enisa", kind = "EuBody", name = "ENISA" })],
            [new { id = "s1", title = "S", url = "https://example.org/s", kind = "Press", origin = "Seed" }]);
        _answers[Neo4jWrites.WriteRelation(RelationType.COOPERATES_WITH)] = _ => Error(HttpStatusCode.Accepted, "Neo.ClientError.Schema.ConstraintValidationFailed",
            "Relationship(7) already exists with type `COOPERATES_WITH` and property `id` = 'kcss-cooperates-with-enisa'");

        var e = await Assert.ThrowsAsync<GraphValidationException>(() => _store.AddRelationAsync(new RelationInput(
            null, "COOPERATES_WITH", "kcss", "enisa", null, null, null, "M", null, SourceRefs.Of("s1"))));

        var error = Assert.Single(e.Errors);
        Assert.Equal(("input.id", "kcss-cooperates-with-enisa"), (error.Where, error.Value));
        Assert.Single(Writes());
    }

    [Fact]
    public async Task Seeds_are_merged_in_batches_keeping_user_facts_and_skipping_unchanged_ones()
    {
        var graph = new GraphBuilder().Source("s1")
            .Entity("al", EntityKind.Country).Entity("aksk", country: "al").Entity("alcirt", EntityKind.Csirt, country: "al")
            .Relation("aksk", "COMPETENT_AUTHORITY_OF", "al").Build();
        var storedSource = graph.Sources[0];
        var userAksk = graph.Entities.Single(e => e.Id == "aksk") with { Name = "Changed by a user", Origin = Origin.User };
        _answers[S.SourcesByIds] = _ => Result(["s"], [[Neo4jMapping.SourceProps(storedSource)]]);
        _answers[S.EntitiesByIds] = r => Result(["n"], r.Parameters.GetProperty("ids").EnumerateArray()
            .Where(id => id.GetString() == "aksk").Select(_ => new object?[] { Node("NationalAuthority", Neo4jMapping.EntityProps(userAksk)) }).ToArray());

        var result = await _store.LoadSeedsAsync(graph);

        // Each batch of one kind or type is one statement with its own version bump: al (Country), alcirt (Csirt), the relation.
        Assert.Equal((0, 2, 1, 1, 1, 7L), (result.SourcesWritten, result.EntitiesWritten, result.RelationsWritten, result.Unchanged, result.KeptUserFacts, result.DataVersion));
        Assert.Equal([Neo4jWrites.SeedEntities(EntityKind.Country), Neo4jWrites.SeedEntities(EntityKind.Csirt), Neo4jWrites.SeedRelations(RelationType.COMPETENT_AUTHORITY_OF)],
            Writes().Select(w => w.Statement));
        var written = Writes().Where(r => r.Statement!.Contains("MERGE (n:Entity", StringComparison.Ordinal))
            .SelectMany(r => r.Parameters.GetProperty("rows").EnumerateArray().Select(row => row.GetProperty("id").GetString())).ToList();
        Assert.Equal(["al", "alcirt"], written.Order());
        // Two entities per batch (SeedBatchSize = 2): three entities take two look-ups.
        Assert.Equal(2, Statements(S.EntitiesByIds).Count());
        var relationRow = Writes().Last().Parameters.GetProperty("rows")[0];
        Assert.Equal(("aksk", "al", "Seed"), (relationRow[0].GetString(), relationRow[1].GetString(), relationRow[2].GetProperty("origin").GetString()));
        Assert.Equal(7, _store.DataVersion);
    }

    [Fact]
    public async Task A_seed_relation_moved_to_other_ends_is_deleted_and_written_again_in_one_statement()
    {
        var graph = new GraphBuilder().Source("s1").Entity("al", EntityKind.Country).Entity("aksk", country: "al").Entity("ba", EntityKind.Country)
            .Relation("aksk", "COMPETENT_AUTHORITY_OF", "al").Build();
        var relation = graph.Relations[0];
        _answers[S.RelationsByIds] = _ => Result(["r", "fromId", "toId"], [[Rel("COMPETENT_AUTHORITY_OF", Neo4jMapping.RelationProps(relation)), "aksk", "ba"]]);

        await _store.LoadSeedsAsync(graph);

        var write = Writes().Single(w => w.Statement == Neo4jWrites.SeedRelations(RelationType.COMPETENT_AUTHORITY_OF)).Parameters;
        Assert.Equal([relation.Id], write.GetProperty("moved").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("al", write.GetProperty("rows")[0][1].GetString());
    }

    [Fact]
    public async Task A_search_page_carries_the_rank_in_its_cursors_and_asks_for_the_rest_after_it()
    {
        var node = Node("Csirt", Neo4jMapping.EntityProps(new GraphBuilder().Source("s1").Entity("cirt-me", EntityKind.Csirt, name: "CIRT.ME").Build().Entities[0]));
        _answers[S.FindEntities(search: true)] = r => r.Parameters.GetProperty("afterId").ValueKind == JsonValueKind.Null
            ? Result(["total", "before", "page", "scores"], [[3, 0, new[] { node }, new[] { 2 }]])
            : Result(["total", "before", "page", "scores"], [[3, 1, Array.Empty<object>(), Array.Empty<object>()]]);

        var first = await _store.FindEntitiesAsync(new EntityQuery(Search: "Cirt", First: 1));
        await _store.FindEntitiesAsync(new EntityQuery(Search: "Cirt", First: 1, After: first.Cursors[0]));

        Assert.Equal((3, true, false), (first.TotalCount, first.HasNextPage, first.HasPreviousPage));
        var second = Statements(S.FindEntities(search: true)).Last().Parameters;
        Assert.Equal(("cirt-me", 2, "cirt"), (second.GetProperty("afterId").GetString(), second.GetProperty("afterScore").GetInt32(), second.GetProperty("search").GetString()));
    }

    [Fact]
    public async Task Relations_are_exported_in_id_order_across_types()
    {
        object Row(string type, string id) => new object[] { Rel(type, new { id, confidence = "M", sources = new[] { "s" }, origin = "Seed" }), "a", "b" };
        _answers[S.RelationPage(RelationType.FUNDS)] = r => r.Parameters.GetProperty("after").GetString() == ""
            ? Result(["r", "fromId", "toId"], [(object?[])Row("FUNDS", "b-funds"), (object?[])Row("FUNDS", "d-funds")]) : Result([], []);
        _answers[S.RelationPage(RelationType.FOUNDED)] = r => r.Parameters.GetProperty("after").GetString() == ""
            ? Result(["r", "fromId", "toId"], [(object?[])Row("FOUNDED", "a-founded"), (object?[])Row("FOUNDED", "c-founded")]) : Result([], []);

        var ids = new List<string>();
        await foreach (var r in _store.ReadRelationsAsync()) ids.Add(r.Id);

        Assert.Equal(["a-founded", "b-funds", "c-founded", "d-funds"], ids);
    }

    [Fact]
    public void Every_statement_has_a_unique_name_and_splices_only_vocabulary_names()
    {
        var all = S.All().ToList();
        Assert.Equal(all.Count, all.Select(s => s.Name).Distinct().Count());
        foreach (var type in Enum.GetValues<RelationType>())
            Assert.Contains(all, s => s.Cypher.Contains($":{type}", StringComparison.Ordinal));
    }
}
