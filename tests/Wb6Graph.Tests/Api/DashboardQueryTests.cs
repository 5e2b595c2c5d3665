using System.Text;
using System.Text.Json.Nodes;

namespace Wb6Graph.Tests.Api;

/// <summary>
/// What a dashboard panel asks: one request per panel, names where ids stand, the other panels answering when one
/// asks about an id that does not exist, and answers a person can read in curl.
/// </summary>
public sealed class DashboardQueryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static JsonNode Data((int Status, JsonNode? Body, HttpResponseMessage _) r) => ApiFactory.Data(r);

    private async Task<int> CallsFor(string query)
    {
        await api.PostAsync("{ stats { entities } }"); // start the host
        api.Counting!.Reset();
        Data(await api.PostAsync(query));
        return api.Counting.Calls;
    }

    [Fact]
    public async Task Gap_scores_name_their_countries_in_the_same_request()
    {
        var data = Data(await api.PostAsync("""{ gaps(asOf: "2026-12-04") { countryId country { name kind } score coverage } }"""));
        var names = data["gaps"]!.AsArray().ToDictionary(r => r!["countryId"]!.GetValue<string>(), r => r!["country"]!["name"]!.GetValue<string>());
        Assert.Equal("Bosnia and Herzegovina", names["ba"]);
        Assert.Equal("North Macedonia", names["mk"]);
        Assert.All(data["gaps"]!.AsArray(), r => Assert.Equal("Country", r!["country"]!["kind"]!.GetValue<string>()));
        // The six countries' names come from one store call, however many reports there are.
        Assert.Equal(1, await CallsFor("""{ gaps { country { name } } }"""));
    }

    [Fact]
    public async Task An_entitys_neighbours_name_their_countries_at_one_store_call_per_level()
    {
        var data = Data(await api.PostAsync("""{ entity(id: "wb3c") { neighbours { id name countryId country { name } } } }"""));
        var neighbours = data["entity"]!["neighbours"]!.AsArray();
        var france = Assert.Single(neighbours, n => n!["id"]!.GetValue<string>() == "fr");
        Assert.Null(france!["country"]); // a country has none
        Assert.Contains(neighbours, n => n!["countryId"]?.GetValue<string>() == "me" && n["country"]!["name"]!.GetValue<string>() == "Montenegro");
        // The entity, its relations, the far ends, their countries.
        Assert.Equal(4, await CallsFor("""{ entity(id: "wb3c") { neighbours { name country { name } } } }"""));
    }

    [Fact]
    public async Task Suggestions_name_both_ends_and_the_neighbours_they_share_in_one_store_call()
    {
        var data = Data(await api.PostAsync("""{ suggestedLinks(id: "kcss", limit: 5) { fromId from { name } to { id name } sharedNeighbourIds sharedNeighbours { id name } types } }"""));
        var links = data["suggestedLinks"]!.AsArray();
        Assert.NotEmpty(links);
        foreach (var l in links)
        {
            Assert.Equal("kcss", l!["fromId"]!.GetValue<string>());
            Assert.StartsWith("Kosovar Centre for Security Studies", l["from"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(l["sharedNeighbourIds"]!.AsArray().Select(x => x!.GetValue<string>()), l["sharedNeighbours"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
            Assert.All(l["sharedNeighbours"]!.AsArray(), n => Assert.False(string.IsNullOrWhiteSpace(n!["name"]!.GetValue<string>())));
            Assert.NotEmpty(l["types"]!.AsArray());
        }
        // Both ends and every shared neighbour of every suggestion: one batch.
        Assert.Equal(1, await CallsFor("""{ suggestedLinks(id: "kcss", limit: 10) { from { name } to { name } sharedNeighbours { name } } }"""));
    }

    [Fact]
    public async Task A_gap_matrix_and_a_path_name_the_entities_they_pass_through()
    {
        var data = Data(await api.PostAsync("""
            { gapMatrix(from: ["kcss"], to: ["enisa"], classes: [INSTITUTIONAL, PARTICIPATION, DISCOURSE]) { from { name } to { name } viaIds via { id name } }
              shortestPath(from: "kcss", to: "wb3c") { steps { fromId from { name } toId to { name } } } }
            """));
        var cell = data["gapMatrix"]![0]!;
        Assert.Equal("European Union Agency for Cybersecurity", cell["to"]!["name"]!.GetValue<string>());
        Assert.Equal(cell["viaIds"]!.AsArray().Select(x => x!.GetValue<string>()), cell["via"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        var steps = data["shortestPath"]!["steps"]!.AsArray();
        Assert.Equal("kcss", steps[0]!["fromId"]!.GetValue<string>());
        Assert.Equal("wb3c", steps[^1]!["toId"]!.GetValue<string>());
        Assert.All(steps, s => Assert.False(string.IsNullOrEmpty(s!["to"]!["name"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Search_finds_places_and_events_and_ranks_ids_and_names_before_the_rest()
    {
        var data = Data(await api.PostAsync("""
            { podgorica: entities(search: "podgorica", first: 50) { nodes { id } }
              conference: entities(search: "Conférence", first: 50) { nodes { id kind } }
              wb3c: entities(search: "WB3C", first: 3) { nodes { id } }
              albania: entities(search: "SHQIPERI", first: 3) { nodes { id } } }
            """));
        static List<string> Ids(JsonNode list) => [.. list["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>())];
        // The centre has Podgorica only as its city and in its description; the conference, in its description.
        var podgorica = Ids(data["podgorica"]!);
        Assert.Contains("wb3c", podgorica);
        Assert.Contains("wb3c-conference-2024", podgorica);
        Assert.Contains(data["conference"]!["nodes"]!.AsArray(), n => n!["id"]!.GetValue<string>() == "wb3c-conference-2024");
        // An exact acronym comes first, before the many entities that mention WB3C in their names.
        Assert.Equal("wb3c", Ids(data["wb3c"]!)[0]);
        // "SHQIPERI" finds Albania by its alias Shqipëri, ignoring case and the diacritic.
        Assert.Equal("al", Ids(data["albania"]!)[0]);
    }

    [Fact]
    public async Task Entities_by_ids_come_in_the_order_asked_with_null_for_an_unknown_id()
    {
        var data = Data(await api.PostAsync("""{ entitiesByIds(ids: ["enisa", "nope", "al", "enisa"]) { id name } }"""));
        var list = data["entitiesByIds"]!.AsArray();
        Assert.Equal(4, list.Count);
        Assert.Equal("enisa", list[0]!["id"]!.GetValue<string>());
        Assert.Null(list[1]);
        Assert.Equal("Albania", list[2]!["name"]!.GetValue<string>());
        Assert.Equal("enisa", list[3]!["id"]!.GetValue<string>());
        // The entities, then their countries.
        Assert.Equal(2, await CallsFor("""{ entitiesByIds(ids: ["enisa", "wb3c", "aksk", "kcss"]) { name country { name } } }"""));
    }

    [Fact]
    public async Task One_unknown_id_nulls_its_own_field_and_the_other_panels_still_answer()
    {
        var r = await api.PostAsync("""
            { neighbourhood(id: "nope") { entities { id } }
              paths(from: "kcss", to: "nowhere") { length }
              gaps(country: "atlantis") { score }
              suggestedLinks(id: "nada") { score }
              entity(id: "wb3c") { name }
              shortestPath(from: "kcss", to: "enisa") { length } }
            """);
        Assert.Equal(200, r.Status);
        var data = r.Body!["data"]!;
        Assert.Null(data["neighbourhood"]);
        Assert.Null(data["paths"]);
        Assert.Null(data["gaps"]);
        Assert.Null(data["suggestedLinks"]);
        Assert.Equal("Western Balkans Cyber Capacity Centre", data["entity"]!["name"]!.GetValue<string>());
        Assert.Equal(1, data["shortestPath"]!["length"]!.GetValue<int>());
        var errors = r.Body["errors"]!.AsArray();
        Assert.Equal(4, errors.Count);
        string Error(string field) => errors.Single(e => e!["path"]![0]!.GetValue<string>() == field)!["message"]!.GetValue<string>();
        Assert.Contains("'nope'", Error("neighbourhood"), StringComparison.Ordinal);
        Assert.Contains("'nowhere'", Error("paths"), StringComparison.Ordinal);
        Assert.Contains("'atlantis'", Error("gaps"), StringComparison.Ordinal);
        Assert.Contains("'nada'", Error("suggestedLinks"), StringComparison.Ordinal);
        Assert.All(errors, e => Assert.Equal("BAD_USER_INPUT", e!["extensions"]!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Answers_keep_letters_as_letters_and_escape_only_what_json_requires()
    {
        var (status, _, response) = await api.PostAsync("""{ me: entity(id: "me") { name aliases } al: entity(id: "al") { aliases } }""");
        Assert.Equal(200, status);
        var raw = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("\"Crna Gora\"", raw, StringComparison.Ordinal);
        Assert.Contains("Shqipëri", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00EB", raw, StringComparison.OrdinalIgnoreCase);

        // An error naming "Tiranë \"old\"" keeps the letter and escapes the quotes, as JSON requires.
        var (_, body, error) = await api.PostAsync("""{ neighbourhood(id: "Tiranë \"old\"") { truncated } }""");
        var text = Encoding.UTF8.GetString(await error.Content.ReadAsByteArrayAsync());
        Assert.Contains("Tiranë \\\"old\\\"", text, StringComparison.Ordinal);
        Assert.Contains("Tiranë \"old\"", body!["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        // The transport's own refusals read the same: a malformed persisted-query hash is named as sent.
        var extensions = Uri.EscapeDataString("""{"persistedQuery":{"version":1,"sha256Hash":"Tiranë's"}}""");
        var (refused, _, request) = await api.GetAsync("/graphql?query=%7B__typename%7D&extensions=" + extensions);
        Assert.Equal(400, refused);
        var refusal = Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync());
        Assert.Contains("\\\"Tiranë's\\\"", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00", refusal, StringComparison.OrdinalIgnoreCase);
    }
}
