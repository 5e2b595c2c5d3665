using System.Text.Json;
using System.Text.RegularExpressions;
using Wb6Graph.Engine;
using Wb6Graph.Gaps;
using Wb6Graph.Model;
using Wb6Graph.Neo4j;
using Wb6Graph.Tests.Contract;
using static Wb6Graph.Tests.Neo4j.FakeNeo4jServer;
using Q = Wb6Graph.Neo4j.Neo4jQuestionStatements;
using S = Wb6Graph.Neo4j.Neo4jStoreStatements;

namespace Wb6Graph.Tests.Neo4j;

/// <summary>
/// Every statement the linter checks is sent by some call, and the scripted server refuses a request whose
/// parameters are not exactly the ones its statement uses: together, every call site sends what its statement needs
/// and nothing else. Statements that differ only in a spliced kind, type or hop count share their call site.
/// </summary>
public sealed class Neo4jParameterTests
{
    private readonly FakeNeo4jServer _server = new();
    private readonly SeedGraph _graph = ContractGraph.Build() with
    {
        Absences = [new Absence("no-ba-csirt", "ba", RelationType.DESIGNATED_AS, null, EntityKind.Csirt, new PartialDate(2022), null, Confidence.M, [new Citation("src-a")], "none designated")],
    };
    private long _version = 10;

    [Fact]
    public async Task Every_statement_the_linter_checks_is_sent_and_with_exactly_its_parameters()
    {
        _server.Fallback = Answer;
        var options = new Neo4jOptions { Url = "http://neo4j.test:7474", Password = "password1" };
        var client = new Neo4jQueryClient(new HttpClient(_server), options);
        var store = new Neo4jGraphStore(client, options);
        var questions = new Neo4jGraphQuestions(client, new EngineLimits());

        await StoreAsync(store);
        await QuestionsAsync(questions);

        var sent = _server.Requests.Select(r => r.Statement).OfType<string>().Select(Shape).ToHashSet();
        var unsent = S.All().Concat(Q.All(new EngineLimits())).Where(s => !sent.Contains(Shape(s.Cypher))).Select(s => s.Name).ToList();
        Assert.True(unsent.Count == 0, $"never sent by any call, so their parameters are unchecked: {string.Join(", ", unsent)}");
    }

    private async Task StoreAsync(Neo4jGraphStore store)
    {
        await store.EnsureSchemaAsync(); // model 1 with data: migrated
        _version = 3; // and then restored from an older backup
        await store.RefreshVersionAsync();
        await store.LoadSeedsAsync(_graph);
        await store.GetEntityAsync("al");
        await store.GetEntitiesAsync(["al", "ba"]);
        await store.FindEntitiesAsync(new EntityQuery());
        await store.FindEntitiesAsync(new EntityQuery(Search: "alb"));
        await store.GetRelationAsync("al-party-to-budapest");
        foreach (var from in new string?[] { null, "al" })
            foreach (var to in new string?[] { null, "budapest" })
                await store.FindRelationsAsync(new RelationQuery(From: from, To: to));
        foreach (var direction in Enum.GetValues<Direction>()) await store.GetRelationsOfAsync(["al"], direction, RelationFilter.All);
        await store.GetSourceAsync("src-a");
        await store.GetSourcesAsync();
        await store.GetSourcesAsync(["src-a"]);
        await store.GetStatsAsync();
        await foreach (var _ in store.ReadSourcesAsync()) { }
        await foreach (var _ in store.ReadEntitiesAsync()) { }
        await foreach (var _ in store.ReadRelationsAsync()) { }
        await foreach (var _ in store.ReadAbsencesAsync()) { }
        await store.GetAbsencesAsync(["al"]);
        await store.FindHistoryAsync(new HistoryQuery(Country: "al"));
        await store.UpsertEntityAsync(new EntityInput("mk", "Country", "North Macedonia", null, null, null, null, null, null, SourceRefs.Of("src-a")));
        await store.AddRelationAsync(new RelationInput(null, "COOPERATES_WITH", "al", "ba", null, null, null, "M", null, SourceRefs.Of("src-a")));
        await store.EndRelationAsync("stored-cooperation", new PartialDate(2025, 1, 1), SourceRefs.Of("src-a"));
        await store.RetractRelationAsync("stored-cooperation", "misread", SourceRefs.Of("src-a"));
    }

    private static async Task QuestionsAsync(Neo4jGraphQuestions questions)
    {
        foreach (var forward in new[] { false, true })
        {
            var options = new TraversalOptions(ForwardOnly: forward);
            await questions.PathsAsync("al", "ba", 2, options);
            await questions.ShortestPathAsync("al", "ba", options, PathWeighting.Evidence);
            await questions.NeighbourhoodAsync("al", 2, options);
            await questions.GapMatrixAsync(["al"], ["ba"], options);
        }
        await questions.CentralityAsync(CentralityMeasure.Degree, null, null, 5);
        await questions.CentralityAsync(CentralityMeasure.Betweenness, null, null, 5);
        foreach (var method in Enum.GetValues<LinkScore>())
        {
            await questions.SuggestedLinksAsync("al", null, null, null, method, 5, null);
            await questions.SuggestedLinksAsync(null, null, ["al"], null, method, 5, null);
        }
        var template = new GapTemplate("all-directions", "All directions", null, ["al"],
        [
            new GapTemplateItem("in", "in", null, true, [new PatternStep([RelationType.COMPETENT_AUTHORITY_OF], Direction.In, [], null)]),
            new GapTemplateItem("out", "out", null, true, [new PatternStep([RelationType.APPLIES], Direction.Out, [], null)]),
            new GapTemplateItem("both", "both", null, true, [new PatternStep([RelationType.COOPERATES_WITH], Direction.Both, [], null)]),
        ]);
        await questions.GapsAsync(template, "al", new DateOnly(2025, 1, 1));
    }

    /// <summary>A statement with the names it splices (kinds, types, hop counts) blanked out.</summary>
    private static string Shape(string cypher)
    {
        var names = Enum.GetNames<EntityKind>().Concat(Enum.GetNames<RelationType>()).OrderByDescending(n => n.Length);
        var shape = Regex.Replace(cypher, @"\b(" + string.Join("|", names) + @")\b", "·", RegexOptions.IgnoreCase);
        return Regex.Replace(shape, @"\{1,\d+\}", "{1,n}");
    }

    private HttpResponseMessage Answer(RecordedRequest r)
    {
        var s = r.Statement ?? "";
        var p = r.Parameters;
        if (s == S.ModelVersion) return Result(["model", "hasData"], [[1, true]]);
        if (s == S.Version) return Result(["version"], [[_version]]);
        if (s == S.RaiseVersion) return Result(["version"], [[_version = Math.Max(_version, p.GetProperty("floor").GetInt64())]]);
        if (s.StartsWith("MERGE (m:Meta", StringComparison.Ordinal)) return Result(["version"], [[++_version]]);
        if (s == S.WriteContext)
            return Result(["version", "entities", "sources", "relations", "isCountryOfOthers"], [[_version,
                Ids(p, "entityIds").Select(Country).ToArray(), Ids(p, "sourceIds").Select(id => Neo4jMapping.SourceProps(_graph.Sources[0] with { Id = id })).ToArray(),
                Ids(p, "relationIds").Where(id => id.StartsWith("stored", StringComparison.Ordinal))
                    .Select(id => new object[] { Rel("COOPERATES_WITH", new { id, confidence = "M", sources = new[] { "src-a" }, origin = "User" }), "al", "ba" }).ToArray(),
                false]]);
        // Seeds stored under other ends: each is deleted and written again.
        if (s == S.RelationsByIds)
            return Result(["r", "fromId", "toId"], _graph.Relations.Where(x => Ids(p, "ids").Contains(x.Id))
                .Select(x => new object?[] { Rel(x.Type.ToString(), Neo4jMapping.RelationProps(x)), x.To, x.From }).ToArray());
        if (s == S.FindEntities(false) || s == S.FindEntities(true)) return Result(["total", "before", "page", "scores"], [[0, 0, Array.Empty<object>(), Array.Empty<object>()]]);
        if (s.Contains("RETURN total, before, page", StringComparison.Ordinal)) return Result(["total", "before", "page"], [[0, 0, Array.Empty<object>()]]);
        if (s == S.Stats) return Result(["kinds", "relations", "sources", "version"], [[Array.Empty<object>(), Array.Empty<object>(), 0, _version]]);
        if (s == Q.Resolve) return Result(["id", "found", "kind", "live"], Ids(p, "ids").Select(id => new object?[] { id, true, "Country", true }).ToArray());
        if (s == Q.Entities || s == S.EntitiesByIds) return Result(["n"], Ids(p, "ids").Select(id => new[] { Country(id) }).ToArray());
        if (s == Q.GdsAvailable) return Result(["found"], [[1]]);
        if (s == Q.GdsProject) return Result(["graph", "nodes"], [[p.GetProperty("graph").GetString(), 3]]);
        if (s.StartsWith("UNWIND $spurs", StringComparison.Ordinal))
            return Result(["from", "ids"], p.GetProperty("spurs").EnumerateArray()
                .Select(spur => new object?[] { spur.GetProperty("from").GetString(), new[] { spur.GetProperty("from").GetString(), p.GetProperty("to").GetString() } }).ToArray());
        if (s.StartsWith("UNWIND $pairs AS pair\nMATCH (u:Entity", StringComparison.Ordinal))
            return Result(["u", "v", "r", "fromId", "toId"], p.GetProperty("pairs").EnumerateArray()
                .Select(pair => new object?[] { pair[0].GetString(), pair[1].GetString(), Rel("COOPERATES_WITH", new { id = "r", confidence = "H", sources = new[] { "src-a" } }), pair[0].GetString(), pair[1].GetString() }).ToArray());
        return Result([], []);
    }

    private static object Country(string id) => Node("Country", new { id, kind = "Country", name = id, sources = new[] { "src-a" } });

    private static List<string> Ids(JsonElement parameters, string name) =>
        parameters.GetProperty(name).EnumerateArray().Select(x => x.GetString()!).ToList();
}
