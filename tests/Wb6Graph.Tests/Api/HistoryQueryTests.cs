using System.Text.Json.Nodes;
using Wb6Graph.Tests.Support;

namespace Wb6Graph.Tests.Api;

/// <summary>Time and evidence as a GraphQL client asks about them, over the curated seeds.</summary>
public sealed class HistoryQueryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static JsonNode Data((int Status, JsonNode? Body, HttpResponseMessage _) r) => ApiFactory.Data(r);

    private static IEnumerable<string> Strings(JsonNode? array, string field) => array!.AsArray().Select(n => n![field]!.GetValue<string>());

    [Fact]
    public async Task An_act_a_state_and_a_date_known_to_the_year_read_as_they_are()
    {
        var data = Data(await api.PostAsync("""
            { dg: entity(id: "dg-near") { validTo ended
                relations(asOf: "2026-01-01", direction: OUT) { id type temporality occurredOn validFrom validTo } }
              around: neighbourhood(id: "wb3c-conference-2024", asOf: "2026-01-01") { entities { id ended } }
              me: relations(types: [PARTY_TO], from: "me", to: "budapest-convention", asOf: "2010-08-01") { nodes { validFrom uncertain } }
              al: relation(id: "al-party-to-budapest-convention") { temporality validFrom startUnknown } }
            """));
        var dg = data["dg"]!;
        Assert.Equal("2025-02-01", dg["validTo"]!.GetValue<string>());
        Assert.Null(dg["ended"]); // asked without a date
        // Seen from 2026, DG NEAR stands in the conference's history, ended; WB3C has not ended.
        var around = data["around"]!["entities"]!.AsArray().ToDictionary(e => e!["id"]!.GetValue<string>(), e => e!["ended"]!.GetValue<bool>());
        Assert.True(around["dg-near"]);
        Assert.False(around["wb3c"]);
        var relations = dg["relations"]!.AsArray();
        // In 2026 DG NEAR is gone, and what it did stays: the conference it took part in, and its succession.
        var part = relations.Single(r => r!["type"]!.GetValue<string>() == "PARTICIPATED_IN" && r["id"]!.GetValue<string>().Contains("wb3c-conference", StringComparison.Ordinal))!;
        Assert.Equal(("ACT", "2024-06-11"), (part["temporality"]!.GetValue<string>(), part["occurredOn"]!.GetValue<string>()));
        Assert.Null(part["validFrom"]);
        Assert.Contains(relations, r => r!["type"]!.GetValue<string>() == "SUCCEEDED_BY" && r["temporality"]!.GetValue<string>() == "TRANSITION");
        Assert.DoesNotContain(relations, r => r!["temporality"]!.GetValue<string>() == "STATE"); // its states ended with it
        var me = Assert.Single(data["me"]!["nodes"]!.AsArray())!;
        Assert.Equal("2010-07-01", me["validFrom"]!.GetValue<string>());
        Assert.False(me["uncertain"]!.GetValue<bool>());
        Assert.Equal(("STATE", "2004-07-01", false), (data["al"]!["temporality"]!.GetValue<string>(), data["al"]!["validFrom"]!.GetValue<string>(), data["al"]!["startUnknown"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task A_year_known_start_is_uncertain_inside_its_year_on_the_date_asked()
    {
        var data = Data(await api.PostAsync("""
            { inside: entity(id: "al") { relations(types: [APPLIES], direction: OUT, asOf: "2025-06-01") { id validFrom uncertain } }
              after: entity(id: "al") { relations(types: [APPLIES], direction: OUT, asOf: "2026-06-01") { id validFrom uncertain } } }
            """));
        var inside = data["inside"]!["relations"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "al-applies-al-strategy-2025-2030")!;
        var after = data["after"]!["relations"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "al-applies-al-strategy-2025-2030")!;
        Assert.Equal(("2025", true), (inside["validFrom"]!.GetValue<string>(), inside["uncertain"]!.GetValue<bool>()));
        Assert.False(after["uncertain"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Events_of_June_2024_are_one_query_newest_first()
    {
        var data = Data(await api.PostAsync("""
            { events(from: "2024-06-01", to: "2024-06-30", first: 200) { totalCount nodes { kind date relation { type to { id } } } } }
            """));
        var nodes = data["events"]!["nodes"]!.AsArray();
        var targets = nodes.Select(n => n!["relation"]!["to"]!["id"]!.GetValue<string>()).ToList();
        Assert.Contains("wb3c-conference-2024", targets);
        Assert.Contains("diagonal", targets);
        Assert.DoesNotContain("tirana-roundtable-2024", targets);
        Assert.All(nodes, n => Assert.Equal("OCCURRED", n!["kind"]!.GetValue<string>()));
        var starts = nodes.Select(n => First(n!["date"]!.GetValue<string>())).ToList();
        Assert.Equal(starts.OrderDescending(), starts);
    }

    [Fact]
    public async Task What_changed_in_Kosovo_between_2022_and_2024_is_one_query_with_sources()
    {
        var data = Data(await api.PostAsync("""
            { changes(from: "2022-01-01", to: "2024-12-31", country: "xk", first: 200) {
                totalCount nodes { kind date uncertain relation { id type citations { sourceId locator note } } } } }
            """));
        var nodes = data["changes"]!["nodes"]!.AsArray();
        Assert.True(nodes.Count >= 5, data.ToJsonString());
        Assert.Contains(nodes, n => n!["relation"]!["type"]!.GetValue<string>() == "APPLIED_FOR_MEMBERSHIP"); // December 2022
        Assert.Contains(nodes, n => n!["relation"]!["id"]!.GetValue<string>().Contains("xk-law-08-l-173", StringComparison.Ordinal));
        Assert.All(nodes, n => Assert.NotEmpty(n!["relation"]!["citations"]!.AsArray()));
        Assert.All(nodes.SelectMany(n => n!["relation"]!["citations"]!.AsArray()), c => Assert.False(string.IsNullOrEmpty(c!["locator"]?.GetValue<string>())));
        // Oldest first, each date by its first day (2023 before 2023-03 before 2023-03-01).
        var starts = nodes.Select(n => First(n!["date"]!.GetValue<string>())).ToList();
        Assert.Equal(starts.Order(), starts);
    }

    private static DateOnly First(string date) => Wb6Graph.Model.PartialDate.Parse(date).First;

    [Fact]
    public async Task An_entitys_timeline_lists_its_acts_and_the_starts_and_ends_of_its_states()
    {
        var data = Data(await api.PostAsync("""{ entity(id: "dg-near") { timeline { kind date relation { id } } } }"""));
        var timeline = data["entity"]!["timeline"]!.AsArray();
        Assert.Contains(timeline, e => e!["kind"]!.GetValue<string>() == "OCCURRED" && e["date"]!.GetValue<string>() == "2024-06-11");
        Assert.Contains(timeline, e => e!["kind"]!.GetValue<string>() == "OCCURRED" && e["relation"]!["id"]!.GetValue<string>() == "dg-near-succeeded-by-dg-enest");
    }

    [Fact]
    public async Task A_gap_cell_gives_its_status_evidence_absences_and_research_record()
    {
        var data = Data(await api.PostAsync("""
            { gaps(country: "ba", asOf: "2026-12-04") { countryId score coverage researched eligible
                items { id status uncertain detail countsInScore
                  absences { id note validFrom sources { id title url retrieved } citations { locator note } }
                  research { checked outcome conclusion consulted { url query result source { id } } } } } }
            """));
        var ba = data["gaps"]![0]!;
        var items = ba["items"]!.AsArray().ToDictionary(i => i!["id"]!.GetValue<string>());
        var csirt = items["national-csirt"]!;
        Assert.Equal("MISSING", csirt["status"]!.GetValue<string>());
        var absence = csirt["absences"]!.AsArray().First()!;
        Assert.NotEmpty(absence["sources"]!.AsArray());
        Assert.All(absence["citations"]!.AsArray(), c => Assert.False(string.IsNullOrEmpty(c!["note"]?.GetValue<string>())));
        var unknown = items.Values.First(i => i!["status"]!.GetValue<string>() == "UNKNOWN")!;
        var research = unknown["research"]!;
        // The record served is the one written in graph-seeds/research for that cell, with the day it was checked.
        var written = Wb6Graph.Seeds.SeedLoader.LoadDirectory(Repo.Path("graph-seeds")).Research
            .Single(r => r.Country == "ba" && r.Item == unknown["id"]!.GetValue<string>());
        Assert.Equal(written.Checked.ToString("yyyy-MM-dd"), research["checked"]!.GetValue<string>());
        Assert.Equal(written.Conclusion, research["conclusion"]!.GetValue<string>());
        Assert.NotEmpty(research["consulted"]!.AsArray());
        Assert.False(string.IsNullOrWhiteSpace(research["conclusion"]!.GetValue<string>()));
        Assert.False(items["regional-capacity-building"]!["countsInScore"]!.GetValue<bool>());
        Assert.Equal(10, ba["eligible"]!.GetValue<int>());
        var researched = ba["researched"]!.GetValue<int>();
        Assert.Equal(Math.Round(researched / 10.0, 4), ba["coverage"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_relation_written_through_the_api_keeps_its_dates_precision_and_is_refused_when_an_act_gets_an_end()
    {
        using var own = new ApiFactory();
        var added = await own.PostAsync("""
            mutation { addRelation(input: { type: COOPERATES_WITH, from: "kcss", to: "dcaf", validFrom: "2021-03", confidence: M,
              sources: { cite: [{ source: "kcss-roundtable-2024-09-03", locator: "para 2", note: "Names the partners." }] } }) {
                id validFrom temporality citations { sourceId locator note } } }
            """, key: ApiFactory.Key);
        var relation = Data(added)["addRelation"]!;
        Assert.Equal(("2021-03", "STATE"), (relation["validFrom"]!.GetValue<string>(), relation["temporality"]!.GetValue<string>()));
        Assert.Equal("para 2", relation["citations"]![0]!["locator"]!.GetValue<string>());

        var act = await own.PostAsync("""
            mutation { addRelation(input: { type: FOUNDED, from: "kcss", to: "dcaf", validFrom: "2021", validTo: "2022", confidence: M,
              sources: { ids: ["kcss-roundtable-2024-09-03"] } }) { id } }
            """, key: ApiFactory.Key);
        var message = act.Body!["errors"]![0]!["message"]!.GetValue<string>();
        Assert.Contains("FOUNDED is an act", message, StringComparison.Ordinal);
    }
}
