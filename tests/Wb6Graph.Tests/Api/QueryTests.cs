using System.Text.Json.Nodes;
using Wb6Graph.Model;
using Wb6Graph.Tests.Support;

namespace Wb6Graph.Tests.Api;

public sealed class QueryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static JsonNode Data((int Status, JsonNode? Body, HttpResponseMessage _) r) => ApiFactory.Data(r);

    [Fact]
    public async Task Entity_answers_with_its_founders_their_dates_and_sources()
    {
        var data = Data(await api.PostAsync("""
            { entity(id: "wb3c") { name kind countryId aliases attributes { key type value }
                relations(direction: IN, types: [FOUNDED]) { from { id } confidence sources { id kind } } } }
            """));
        var wb3c = data["entity"]!;
        Assert.Equal("RegionalCentre", wb3c["kind"]!.GetValue<string>());
        Assert.Equal("me", wb3c["countryId"]!.GetValue<string>());
        Assert.Contains(wb3c["attributes"]!.AsArray(), a => a!["key"]!.GetValue<string>() == "trainingSessionsPlannedByEnd2024" && a["type"]!.GetValue<string>() == "INTEGER");
        Assert.Equal(["fr", "me", "si"], wb3c["relations"]!.AsArray().Select(r => r!["from"]!["id"]!.GetValue<string>()).Order());
        Assert.All(wb3c["relations"]!.AsArray(), r => Assert.Equal("OFFICIAL", r!["sources"]![0]!["kind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Unknown_entity_is_null_not_an_error()
    {
        Assert.Null(Data(await api.PostAsync("""{ entity(id: "atlantis") { id } }"""))["entity"]);
    }

    [Theory]
    [InlineData("qkss", "kcss")]
    [InlineData("Shqiperi", "al")]
    [InlineData("Crna Gora", "me")]
    public async Task Entities_search_ignores_case_and_diacritics(string search, string id)
    {
        var data = Data(await api.PostAsync("query($s: String) { entities(search: $s) { totalCount nodes { id } } }", new { s = search }));
        Assert.Equal(id, data["entities"]!["nodes"]![0]!["id"]!.GetValue<string>());
    }

    /// <summary>How many entities of a kind the curated seeds hold, read from the seed files rather than through the API.</summary>
    private static int CuratedCount(EntityKind kind) =>
        Wb6Graph.Seeds.SeedLoader.LoadDirectory(Repo.Path("graph-seeds")).Graph.Entities.Count(e => e.Kind == kind);

    [Fact]
    public async Task Entities_page_with_cursors_and_filter_by_kind_and_country()
    {
        var first = Data(await api.PostAsync("""{ entities(kind: [Country], first: 4) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }"""))["entities"]!;
        Assert.Equal(CuratedCount(EntityKind.Country), first["totalCount"]!.GetValue<int>());
        Assert.True(first["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        var after = first["pageInfo"]!["endCursor"]!.GetValue<string>();
        var second = Data(await api.PostAsync("query($a: String) { entities(kind: [Country], first: 4, after: $a) { nodes { id } edges { cursor } } }", new { a = after }))["entities"]!;
        Assert.Empty(first["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).Intersect(second["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>())));
        var mk = Data(await api.PostAsync("""{ entities(country: "mk", kind: [Csirt]) { nodes { id } } }"""))["entities"]!["nodes"]!.AsArray();
        Assert.Contains("mkd-cirt", mk.Select(n => n!["id"]!.GetValue<string>()));
        Assert.DoesNotContain("cirt-me", mk.Select(n => n!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Relations_filter_by_type_ends_and_date()
    {
        var data = Data(await api.PostAsync("""
            { all: relations(types: [PARTY_TO], to: "budapest-convention") { totalCount nodes { fromId } }
              in2005: relations(types: [PARTY_TO], to: "budapest-convention", asOf: "2005-01-01") { nodes { fromId } } }
            """));
        Assert.Equal(["al", "ba", "me", "mk", "rs"], data["all"]!["nodes"]!.AsArray().Select(n => n!["fromId"]!.GetValue<string>()).Order());
        Assert.DoesNotContain(data["in2005"]!["nodes"]!.AsArray(), n => n!["fromId"]!.GetValue<string>() == "ba");
    }

    [Fact]
    public async Task Neighbours_sources_source_and_stats_answer()
    {
        var data = Data(await api.PostAsync("""
            { entity(id: "osf-wb") { neighbours { id } }
              source(id: "kcss-roundtable-2024-09-03") { title publisher published kind document }
              sources { id }
              stats { backend dataVersion entities relations byKind { name count } byConfidence { name count } } }
            """));
        var neighbours = data["entity"]!["neighbours"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
        Assert.Contains("ascend-wb6", neighbours);
        Assert.Contains("tirana-roundtable-2024", neighbours);
        Assert.Equal("2024-09-03", data["source"]!["published"]!.GetValue<string>());
        Assert.True(data["sources"]!.AsArray().Count >= 20);
        Assert.Equal("embedded", data["stats"]!["backend"]!.GetValue<string>());
        Assert.Contains(data["stats"]!["byKind"]!.AsArray(), c => c!["name"]!.GetValue<string>() == "Country" && c["count"]!.GetValue<int>() == CuratedCount(EntityKind.Country));
    }

    [Fact]
    public async Task Path_and_gap_questions_answer_with_evidence()
    {
        var data = Data(await api.PostAsync("""
            { shortestPath(from: "kcss", to: "enisa") { length weakestConfidence entities { id } steps { relations { type sources { id } } } }
              paths(from: "kcss", to: "enisa", k: 2) { length }
              neighbourhood(id: "wb3c", depth: 1, limit: 5) { truncated entities { id } }
              gaps(country: "ba") { countryId country { name } score items { id status } }
              gapMatrix(from: ["aksk", "kcss"], to: ["enisa"]) { fromId toId direct distance via { name } }
              suggestedLinks(id: "kcss", limit: 3) { to { name } score method sharedNeighbours { name } types }
              centrality(measure: DEGREE, limit: 3) { rank entity { id } score } }
            """));
        // KCSS advocates for ENISA directly; the next path runs through the Tirana roundtable or a person.
        Assert.Equal(1, data["shortestPath"]!["length"]!.GetValue<int>());
        Assert.Equal([1, 2], data["paths"]!.AsArray().Select(p => p!["length"]!.GetValue<int>()));
        Assert.True(data["neighbourhood"]!["truncated"]!.GetValue<bool>());
        Assert.Contains(data["gaps"]![0]!["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == "national-csirt" && i["status"]!.GetValue<string>() == "MISSING");
        Assert.Equal("Bosnia and Herzegovina", data["gaps"]![0]!["country"]!["name"]!.GetValue<string>());
        // AKSK advocates for ENISA: a discourse tie, which the matrix leaves out unless asked for it.
        Assert.False(data["gapMatrix"]![0]!["direct"]!.GetValue<bool>());
        Assert.Equal(3, data["suggestedLinks"]!.AsArray().Count);
        Assert.Equal(1, data["centrality"]![0]!["rank"]!.GetValue<int>());
    }

    [Fact]
    public async Task Graph_wide_suggestions_for_the_gap_view_keep_to_the_six_countries_and_their_bodies()
    {
        // The gap view's kinds, and a limit above the number of suggestions, so that no cut hides a difference.
        string[] six = ["al", "ba", "xk", "me", "mk", "rs"];
        var data = Data(await api.PostAsync("""
            query($six: [ID!]) {
              all: suggestedLinks(fromKinds: [Country, NationalAuthority, Csirt], toKinds: [EuBody, Network, Convention], limit: 200) { fromId toId score }
              wb6: suggestedLinks(countries: $six, fromKinds: [Country, NationalAuthority, Csirt], toKinds: [EuBody, Network, Convention], limit: 200) { fromId toId score }
              entities(kind: [Country, NationalAuthority, Csirt], first: 200) { nodes { id countryId } } }
            """, new { six }));
        var wb6Side = data["entities"]!["nodes"]!.AsArray()
            .Where(n => six.Contains(n!["id"]!.GetValue<string>()) || six.Contains(n["countryId"]?.GetValue<string>()))
            .Select(n => n!["id"]!.GetValue<string>()).ToHashSet();
        var all = data["all"]!.AsArray().Select(l => l!.ToJsonString()).ToList();
        var wb6 = data["wb6"]!.AsArray().Select(l => l!.ToJsonString()).ToList();
        bool FromWb6(string link) => wb6Side.Contains(JsonNode.Parse(link)!["fromId"]!.GetValue<string>());

        Assert.True(all.Count < 200);
        Assert.Contains(all, l => !FromWb6(l)); // France and Slovenia propose too
        Assert.NotEmpty(wb6);
        Assert.Equal(all.Where(FromWb6), wb6);
    }

    [Fact]
    public async Task Suggestions_from_an_unknown_country_name_the_argument_and_the_id()
    {
        var r = await api.PostAsync("""{ suggestedLinks(countries: ["al", "atlantis", "aksk"]) { fromId } }""");

        var error = r.Body!["errors"]![0]!;
        var details = error["extensions"]!["data"]!["details"]!.AsArray();
        Assert.Equal("BAD_USER_INPUT", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal([("countries[1]", "atlantis"), ("countries[2]", "aksk")], details.Select(d => (d!["field"]!.GetValue<string>(), d["value"]!.GetValue<string>())));
        var message = error["message"]!.GetValue<string>();
        Assert.Contains("countries[1]: unknown entity id (got 'atlantis')", message, StringComparison.Ordinal);
        // A message that already quotes the value does not repeat it.
        Assert.Contains("countries[2]: 'aksk' is a NationalAuthority, not a Country", message, StringComparison.Ordinal);
        Assert.DoesNotContain("(got 'aksk')", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_capped_answer_says_so_in_the_extensions_by_its_response_key()
    {
        var r = await api.PostAsync("""
            {
              paths(from: "kcss", to: "enisa", k: 500) { length }
              few: paths(from: "kcss", to: "enisa", k: 2) { length }
              many: paths(from: "kcss", to: "enisa", k: 50) { length }
              far: neighbourhood(id: "kcss", depth: 9) { truncated }
              mine: neighbourhood(id: "kcss", depth: 1, limit: 3) { truncated }
              centrality(measure: DEGREE, limit: 201) { rank }
            }
            """);
        Assert.Equal(200, r.Status);
        // Not "few": k 2 is the client's own bound; not "mine": its limit cut it (truncated) but no cap did.
        // Centrality: 201 is over the cap of 200 and the curated graph has more entities, so the cap left some out.
        Assert.Equal(["centrality", "far", "many", "paths"], r.Body!["extensions"]!["capped"]!.AsArray().Select(n => n!.GetValue<string>()).Order());
        Assert.True(r.Body["data"]!["mine"]!["truncated"]!.GetValue<bool>());
        Assert.Equal(200, r.Body["data"]!["centrality"]!.AsArray().Count);
    }

    [Fact]
    public async Task Engine_argument_errors_name_the_argument_and_value()
    {
        var r = await api.PostAsync("""{ paths(from: "kcss", to: "atlantis", maxHops: 0) { length } }""");
        var details = r.Body!["errors"]![0]!["extensions"]!["data"]!["details"]!.AsArray();
        Assert.Contains(details, d => d!["field"]!.GetValue<string>() == "to" && d["value"]!.GetValue<string>() == "atlantis");
        Assert.Contains(details, d => d!["field"]!.GetValue<string>() == "maxHops");
        Assert.Equal("BAD_USER_INPUT", r.Body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_page_of_entities_with_relations_and_sources_is_one_store_call_per_level()
    {
        await api.PostAsync("{ stats { entities } }"); // start the host
        api.Counting!.Reset();
        var r = await api.PostAsync("""{ entities(first: 60) { nodes { id relations { id sources { id } from { id } } } } }""");
        Assert.Equal(200, r.Status);
        // entities page, relations of all 60, their sources, their 'from' entities.
        Assert.Equal(4, api.Counting.Calls);
    }

    [Fact]
    public async Task Neighbours_of_a_page_of_entities_are_one_store_call_per_level_too()
    {
        await api.PostAsync("{ stats { entities } }");
        api.Counting!.Reset();
        var r = await api.PostAsync("""{ entities(first: 60) { nodes { id neighbours { id } } } }""");
        Assert.Equal(200, r.Status);
        Assert.Contains(r.Body!["data"]!["entities"]!["nodes"]!.AsArray(), n => n!["neighbours"]!.AsArray().Count > 3);
        // entities page, relations of all 60, the entities at their far ends.
        Assert.Equal(3, api.Counting.Calls);
    }

    [Fact]
    public async Task Asking_for_more_than_the_maximum_page_is_refused_with_the_argument()
    {
        var r = await api.PostAsync("{ entities(first: 100000) { totalCount } }");
        Assert.Contains("first", r.Body!["errors"]![0]!["message"]!.GetValue<string>());
    }
}
