using System.Text.Json.Nodes;

namespace Wb6Graph.Tests.Api;

/// <summary>Writes: each test gets its own API and store, so that what one writes the next does not see.</summary>
public sealed class MutationTests : IDisposable
{
    private readonly ApiFactory _api = new();

    public void Dispose() => _api.Dispose();

    private const string AddCooperation = """
        mutation($input: RelationInput!) { addRelation(input: $input) { id type fromId toId confidence origin sources { id title } } }
        """;

    private static object Cooperation(object sources) => new
    {
        input = new { type = "COOPERATES_WITH", from = "kcss", to = "aksk", validFrom = "2024-09-03", confidence = "M", sources },
    };

    private async Task<int> RelationCount() =>
        (await _api.PostAsync("{ stats { relations } }")).Body!["data"]!["stats"]!["relations"]!.GetValue<int>();

    [Fact]
    public async Task Without_a_key_or_with_a_wrong_one_a_write_is_401_and_writes_nothing()
    {
        var before = await RelationCount();
        var none = await _api.PostAsync(AddCooperation, Cooperation(new { ids = new[] { "kcss-roundtable-2024-09-03" } }));
        var wrong = await _api.PostAsync(AddCooperation, Cooperation(new { ids = new[] { "kcss-roundtable-2024-09-03" } }), key: "guess");
        Assert.Equal(401, none.Status);
        Assert.Equal(401, wrong.Status);
        Assert.Equal("UNAUTHENTICATED", none.Body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("Bearer", none.Response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(before, await RelationCount());
        // Each says what to do about its own case.
        Assert.Contains("send 'Authorization: Bearer <key>'", Message(none), StringComparison.Ordinal);
        Assert.Contains("not one this server accepts", Message(wrong), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_without_keys_says_so_when_a_write_arrives_with_one()
    {
        using var keyless = new ApiFactory();
        keyless.Settings.Remove("Api:ApiKeys:0");
        var r = await keyless.PostAsync(AddCooperation, Cooperation(new { ids = new[] { "kcss-roundtable-2024-09-03" } }), key: ApiFactory.Key);
        Assert.Equal(401, r.Status);
        Assert.Contains("this server has no API keys configured", Message(r), StringComparison.Ordinal);
        Assert.Contains("Api:ApiKeys", Message(r), StringComparison.Ordinal);
    }

    private static string Message((int, System.Text.Json.Nodes.JsonNode? Body, HttpResponseMessage) r) => r.Body!["errors"]![0]!["message"]!.GetValue<string>();

    [Fact]
    public async Task A_sourced_relation_is_stored_and_returned_with_a_new_inline_source()
    {
        var r = await _api.PostAsync(AddCooperation, Cooperation(new
        {
            @new = new[] { new { id = "mou-2025", title = "Memorandum of understanding", url = "https://example.org/mou", kind = "OFFICIAL" } },
        }), key: ApiFactory.Key);
        Assert.Equal(200, r.Status);
        var added = r.Body!["data"]!["addRelation"]!;
        Assert.Equal("kcss-cooperates-with-aksk", added["id"]!.GetValue<string>());
        Assert.Equal("USER", added["origin"]!.GetValue<string>());
        Assert.Equal("Memorandum of understanding", added["sources"]![0]!["title"]!.GetValue<string>());
        var read = await _api.PostAsync("""{ relation(id: "kcss-cooperates-with-aksk") { validFrom } source(id: "mou-2025") { kind } }""");
        Assert.Equal("2024-09-03", read.Body!["data"]!["relation"]!["validFrom"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_request_of_several_writes_is_refused_whole_and_one_write_with_typename_passes()
    {
        var before = await RelationCount();
        const string two = """
            mutation($input: RelationInput!) {
              good: addRelation(input: $input) { id }
              ...More
            }
            fragment More on Mutation { bad: addRelation(input: {type: COOPERATES_WITH, from: "kcss", to: "atlantis", confidence: M, sources: {ids: ["kcss-roundtable-2024-09-03"]}}) { id } }
            """;
        var r = await _api.PostAsync(two, Cooperation(new { ids = new[] { "kcss-roundtable-2024-09-03" } }), key: ApiFactory.Key);
        Assert.Equal(422, r.Status);
        Assert.Equal("ONE_WRITE_PER_REQUEST", r.Body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        // Both are named, the one inside the fragment too, and the good one was not written on its own.
        Assert.Contains("good (addRelation), bad (addRelation)", r.Body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await RelationCount());

        // One write, however it is spelt: fields of one response key run once, a write skipped by a literal does not run.
        var one = await _api.PostAsync("""
            mutation($input: RelationInput!) {
              __typename
              addRelation(input: $input) { id }
              addRelation(input: $input) { origin }
              skipped: addRelation(input: $input) @skip(if: true) { id }
              excluded: addRelation(input: $input) @include(if: false) { id }
            }
            """, Cooperation(new { ids = new[] { "kcss-roundtable-2024-09-03" } }), key: ApiFactory.Key);
        Assert.Equal(200, one.Status);
        Assert.Equal("USER", one.Body!["data"]!["addRelation"]!["origin"]!.GetValue<string>());
        Assert.Equal(before + 1, await RelationCount());
    }

    [Fact]
    public async Task A_new_source_given_again_as_it_is_is_cited_and_a_different_one_is_refused_for_that_alone()
    {
        object Mou(string title, string to) => new
        {
            input = new
            {
                type = "COOPERATES_WITH", from = "kcss", to, confidence = "M",
                sources = new { @new = new[] { new { id = "mou-2025", title, url = "https://example.org/mou", kind = "OFFICIAL" } } },
            },
        };
        Assert.Equal(200, (await _api.PostAsync(AddCooperation, Mou("Memorandum of understanding", "aksk"), key: ApiFactory.Key)).Status);
        var again = await _api.PostAsync(AddCooperation, Mou("Memorandum of understanding", "enisa"), key: ApiFactory.Key);
        Assert.Equal(200, again.Status);
        Assert.Equal(["mou-2025"], again.Body!["data"]!["addRelation"]!["sources"]!.AsArray().Select(x => x!["id"]!.GetValue<string>()));

        var before = await RelationCount();
        var other = await _api.PostAsync(AddCooperation, Mou("Another memorandum", "wb3c"), key: ApiFactory.Key);
        var details = other.Body!["errors"]![0]!["extensions"]!["data"]!["details"]!.AsArray();
        Assert.Equal(["input.sources.new[0].id"], details.Select(d => d!["field"]!.GetValue<string>()));
        Assert.Equal(before, await RelationCount());
    }

    [Fact]
    public async Task A_bad_write_names_each_field_and_value_and_leaves_nothing_behind()
    {
        var before = await RelationCount();
        var r = await _api.PostAsync(AddCooperation, new
        {
            input = new
            {
                type = "FUNDS", from = "kcss", to = "atlantis", validFrom = "2024-01-01", validTo = "2020-01-01", confidence = "H",
                sources = new { ids = new[] { "no-such-source" }, @new = new[] { new { id = "fresh", title = "Fresh", url = "https://example.org/f", kind = "PRESS" } } },
            },
        }, key: ApiFactory.Key);
        var details = r.Body!["errors"]![0]!["extensions"]!["data"]!["details"]!.AsArray().Select(d => (d!["field"]!.GetValue<string>(), d["value"]?.GetValue<string>())).ToList();
        Assert.Contains(("input.to", "atlantis"), details);
        Assert.Contains(("input.sources.ids[0]", "no-such-source"), details);
        Assert.Contains(("input.validTo", "2020-01-01"), details);
        Assert.Equal(before, await RelationCount());
        Assert.Null((await _api.PostAsync("""{ source(id: "fresh") { id } }""")).Body!["data"]!["source"]);
    }

    [Fact]
    public async Task A_write_without_any_source_is_refused()
    {
        var r = await _api.PostAsync(AddCooperation, Cooperation(new { ids = Array.Empty<string>() }), key: ApiFactory.Key);
        Assert.Contains("at least one source", r.Body!["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upsert_entity_then_end_and_retract_relations_keep_history()
    {
        var upsert = await _api.PostAsync("""
            mutation { upsertEntity(input: { id: "me-cyber-agency", kind: NationalAuthority, name: "Cyber agency of Montenegro", country: "me",
              attributes: [{ key: "founded", value: "2025-03-01" }], sources: { ids: ["me-digwatch-strategy-2022"] } }) { id kind attributes { type } origin } }
            """, key: ApiFactory.Key);
        Assert.True(upsert.Status == 200 && upsert.Body!["errors"] is null, upsert.Body?.ToJsonString());
        Assert.Equal("DATE", upsert.Body!["data"]!["upsertEntity"]!["attributes"]![0]!["type"]!.GetValue<string>());

        var ended = await _api.PostAsync("""
            mutation { endRelation(id: "me-applies-me-strategy-2022-2026", validTo: "2026-06", sources: { ids: ["me-digwatch-strategy-2022"] }) { validTo origin } }
            """, key: ApiFactory.Key);
        Assert.Equal("2026-06", ended.Body!["data"]!["endRelation"]!["validTo"]!.GetValue<string>());
        // The adoption is an act: it happened, and ending it is refused with the reason.
        var act = await _api.PostAsync("""
            mutation { endRelation(id: "me-adopted-me-strategy-2022-2026", validTo: "2026-06-01", sources: { ids: ["me-digwatch-strategy-2022"] }) { validTo } }
            """, key: ApiFactory.Key);
        Assert.Contains("is an act", act.Body!["errors"]![0]!["message"]!.GetValue<string>());

        var retracted = await _api.PostAsync("""
            mutation { retractRelation(id: "kcss-implements-ascend-wb6", reason: "the project is run by a consortium", sources: { ids: ["regional-qkss-ascend-project"] }) { retracted { reason } } }
            """, key: ApiFactory.Key);
        Assert.Equal("the project is run by a consortium", retracted.Body!["data"]!["retractRelation"]!["retracted"]!["reason"]!.GetValue<string>());

        var read = await _api.PostAsync("""
            { hidden: entity(id: "kcss") { relations(types: [IMPLEMENTS]) { id } }
              shown: entity(id: "kcss") { relations(types: [IMPLEMENTS], includeRetracted: true) { id retracted { reason } } } }
            """);
        Assert.DoesNotContain(read.Body!["data"]!["hidden"]!["relations"]!.AsArray(), r => r!["id"]!.GetValue<string>() == "kcss-implements-ascend-wb6");
        var shown = read.Body["data"]!["shown"]!["relations"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "kcss-implements-ascend-wb6");
        Assert.Equal("the project is run by a consortium", shown!["retracted"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ending_an_unknown_relation_names_the_id()
    {
        var r = await _api.PostAsync("""mutation { endRelation(id: "nope", validTo: "2026-01-01", sources: { ids: ["coe-budapest-convention"] }) { id } }""", key: ApiFactory.Key);
        Assert.Equal("NOT_FOUND", r.Body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("'nope'", r.Body["errors"]![0]!["message"]!.GetValue<string>());
    }
}
