using System.Net;
using Wb6Graph.Engine;
using Wb6Graph.Model;
using Wb6Graph.Neo4j;
using Wb6Graph.Tests.Neo4j;
using static Wb6Graph.Tests.Neo4j.FakeNeo4jServer;
using S = Wb6Graph.Neo4j.Neo4jQuestionStatements;

namespace Wb6Graph.Tests.Contract;

/// <summary>The Neo4j questions against a scripted Query API: what they send and what they make of the answers. No server needed.</summary>
public sealed class Neo4jGraphQuestionsTests
{
    private const string Hostile = "x'}) DETACH DELETE n // `Entity` $id {";

    private readonly FakeNeo4jServer _server = new();
    private readonly Neo4jGraphQuestions _questions;
    private readonly Dictionary<string, Func<RecordedRequest, HttpResponseMessage>> _answers = [];

    public Neo4jGraphQuestionsTests()
    {
        var options = new Neo4jOptions { Url = "http://neo4j.test:7474", Password = "password1" };
        _questions = new Neo4jGraphQuestions(new Neo4jQueryClient(new HttpClient(_server), options), new EngineLimits());
        _server.Fallback = r => _answers.TryGetValue(r.Statement ?? "", out var answer) ? answer(r) : Result([], []);
        // Every id asked about exists, is a Country and exists on any date, unless a test says otherwise.
        _answers[S.Resolve] = r => Result(["id", "found", "kind", "live"],
            r.Parameters.GetProperty("ids").EnumerateArray().Select(id => new object?[] { id.GetString(), true, "Country", true }).ToArray());
        _answers[S.Entities] = r => Result(["n"], r.Parameters.GetProperty("ids").EnumerateArray().Select(id => new[] { Entity(id.GetString()!) }).ToArray());
    }

    private static object Entity(string id, string kind = "Country") =>
        Node(kind, new { id, kind, name = id.ToUpperInvariant(), aliases = Array.Empty<string>(), sources = new[] { "s" } });

    private static object Relation(string id, string type, string confidence = "H", string? validTo = null) =>
        Rel(type, new { id, confidence, sources = new[] { "s" }, retracted = false, validTo });

    [Fact]
    public async Task Hostile_ids_and_dates_travel_as_parameters_never_as_Cypher()
    {
        await _questions.PathsAsync(Hostile, "enisa", 3, new TraversalOptions(AsOf: new DateOnly(2024, 1, 1)));
        await _questions.NeighbourhoodAsync(Hostile, 2, new TraversalOptions());
        await _questions.SuggestedLinksAsync(Hostile, null, null, null, LinkScore.AdamicAdar, 5, null);
        await _questions.GapMatrixAsync([Hostile], ["enisa"], new TraversalOptions());

        Assert.True(_server.Requests.Count >= 4);
        Assert.All(_server.Requests, r => Assert.DoesNotContain(Hostile, r.Statement!, StringComparison.Ordinal));
        Assert.Contains(_server.Requests, r => r.Parameters.ToString().Contains("DETACH DELETE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_statement_sent_is_one_the_linter_checks()
    {
        var linted = S.All(new EngineLimits()).Concat(Neo4jStoreStatements.All()).Select(s => s.Cypher).ToHashSet();

        await _questions.PathsAsync("kcss", "enisa", 3, new TraversalOptions(ForwardOnly: true, MaxHops: 4));
        await _questions.ShortestPathAsync("kcss", "enisa", new TraversalOptions(), PathWeighting.Evidence);
        await _questions.NeighbourhoodAsync("al", 2, new TraversalOptions());
        await _questions.CentralityAsync(CentralityMeasure.Degree, null, null, 5);
        await _questions.SuggestedLinksAsync(null, null, null, null, LinkScore.ResourceAllocation, 5, null);
        await _questions.GapsAsync(ContractGraph.Template(), "al", new DateOnly(2025, 1, 1));

        Assert.All(_server.Requests, r => Assert.Contains(r.Statement!, linted));
    }

    [Fact]
    public async Task Betweenness_without_GDS_is_refused_with_NEEDS_GDS()
    {
        _answers[S.GdsAvailable] = _ => Result(["found"], [[0]]);

        var e = await Assert.ThrowsAsync<QuestionUnavailableException>(() => _questions.CentralityAsync(CentralityMeasure.Betweenness, null, null, 5));

        Assert.Equal("NEEDS_GDS", e.Code);
        Assert.Contains("Graph Data Science", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Betweenness_with_GDS_projects_streams_and_drops_its_graph()
    {
        _answers[S.GdsAvailable] = _ => Result(["found"], [[1]]);
        _answers[S.GdsProject] = r => Result(["graph", "nodes"], [[r.Parameters.GetProperty("graph").GetString(), 3]]);
        _answers[S.GdsBetweenness] = _ => Result(["n", "score"], [[Entity("aksk", "NationalAuthority"), 4.5], [Entity("al"), 1.0]]);

        var ranked = (await _questions.CentralityAsync(CentralityMeasure.Betweenness, null, null, 5)).Value;

        Assert.Equal([("aksk", 4.5, 1), ("al", 1.0, 2)], ranked.Select(r => (r.Entity.Id, r.Score, r.Rank)));
        var graphs = _server.Requests.Where(r => r.Statement == S.GdsProject || r.Statement == S.GdsDrop).Select(r => r.Parameters.GetProperty("graph").GetString()).ToList();
        Assert.Equal(2, graphs.Count);
        Assert.Equal(graphs[0], graphs[1]);
    }

    [Fact]
    public async Task Graph_wide_preferential_attachment_says_capped_when_more_entities_have_links_than_it_paired()
    {
        // 30 entities have links; PA pairs the 4 × limit best linked on each side.
        _answers[S.SuggestAll(LinkScore.PreferentialAttachment)] = _ => Result(["from", "to", "score", "shared", "fromKind", "toKind"], [["a", "b", 12.0, Array.Empty<string>(), "Csirt", "Network"]]);
        _answers[S.SuggestHubs] = r => Result(["hubs"], [[r.Parameters.GetProperty("hubDegree").GetInt32() == 0 ? 30 : 0]]);

        var all = await _questions.SuggestedLinksAsync(null, null, null, null, LinkScore.PreferentialAttachment, 10, null);
        var cut = await _questions.SuggestedLinksAsync(null, null, null, null, LinkScore.PreferentialAttachment, 5, null);

        Assert.False(all.Capped);
        Assert.True(cut.Capped);
        // The kinds the statement returns name the types that could join the pair.
        Assert.Contains(RelationType.MEMBER_OF, Assert.Single(all.Value).Types);
    }

    [Fact]
    public async Task An_unknown_id_is_a_validation_error_naming_the_argument()
    {
        _answers[S.Resolve] = r => Result(["id", "found", "kind", "live"],
            r.Parameters.GetProperty("ids").EnumerateArray().Select(id => new object?[] { id.GetString(), id.GetString() != "nobody", "Country", true }).ToArray());

        var e = await Assert.ThrowsAsync<GraphValidationException>(() => _questions.GapMatrixAsync(["al", "nobody"], ["enisa"], new TraversalOptions()));

        Assert.Equal([("from[1]", "nobody")], e.Errors.Select(x => (x.Where, x.Value)));
    }

    [Fact]
    public async Task Countries_are_resolved_with_the_id_and_travel_as_one_parameter()
    {
        _answers[S.Resolve] = r => Result(["id", "found", "kind", "live"],
            r.Parameters.GetProperty("ids").EnumerateArray().Select(id => new object?[] { id.GetString(), id.GetString() != "nobody", id.GetString() == "aksk" ? "NationalAuthority" : "Country", true }).ToArray());

        var e = await Assert.ThrowsAsync<GraphValidationException>(() => _questions.SuggestedLinksAsync("kcss", null, ["nobody", "aksk"], null, LinkScore.AdamicAdar, 5, null));
        await _questions.SuggestedLinksAsync(null, null, ["rs", "al", "rs"], null, LinkScore.AdamicAdar, 5, null);

        Assert.Equal([("countries[0]", "nobody"), ("countries[1]", "aksk")], e.Errors.Select(x => (x.Where, x.Value)));
        Assert.Equal(["kcss", "nobody", "aksk"], _server.Requests.First(r => r.Statement == S.Resolve).Parameters.GetProperty("ids").EnumerateArray().Select(i => i.GetString()));
        var sent = _server.Requests.Single(r => r.Statement == S.SuggestAll(LinkScore.AdamicAdar)).Parameters.GetProperty("countries");
        Assert.Equal(["al", "rs"], sent.EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Gap_status_comes_from_the_steps_Neo4j_returns_and_the_absences()
    {
        var template = ContractGraph.Template();
        _answers[Neo4jStoreStatements.EntitiesByIds] = r => Result(["n"], r.Parameters.GetProperty("ids").EnumerateArray().Select(id => new[] { Entity(id.GetString()!) }).ToArray());
        // One statement per direction serves every step; the types parameter says which step is asked.
        _answers[S.GapStep(Direction.Out)] = r =>
        {
            var types = r.Parameters.GetProperty("types").EnumerateArray().Select(t => t.GetString()).ToList();
            return types switch
            {
                ["APPLIES"] => Result(["id", "r", "fromId", "toId", "m"],
                    [["al", Relation("al-applies-strat-old", "APPLIES", validTo: "2024-01-01"), "al", "strat-old", Entity("strat-old", "Strategy")]]),
                ["DESIGNATED_AS"] => Result(["id", "r", "fromId", "toId", "m"],
                    [["al", Relation("al-designated-as-aksk", "DESIGNATED_AS"), "al", "aksk", Entity("aksk", "NationalAuthority")]]),
                ["MEMBER_OF"] => Result(["id", "r", "fromId", "toId", "m"],
                    [["aksk", Relation("aksk-member-of-first", "MEMBER_OF", "M"), "aksk", "first", Entity("first", "Network")]]),
                _ => Result([], []),
            };
        };
        // Nothing links a competent authority to al, and a source documents that there is none.
        _answers[Neo4jStoreStatements.AbsencesOf] = _ => Result(["x"],
            [[Node("Absence", new { id = "no-ca-al", type = "COMPETENT_AUTHORITY_OF", to = "al", validFrom = "2024", confidence = "H", sources = new[] { "s" } })]]);

        var report = Assert.Single(await _questions.GapsAsync(template, "al", new DateOnly(2025, 1, 1)));

        Assert.Equal([GapStatus.Missing, GapStatus.Expired, GapStatus.Present, GapStatus.NotEligible], report.Items.Select(i => i.Status));
        Assert.Equal("no-ca-al", Assert.Single(report.Items[0].Absences).Id);
        Assert.Equal(0.3333, report.Score);
        Assert.Equal(1.0, report.Coverage);
        var evidence = Assert.Single(report.Items[2].Evidence);
        Assert.Equal(["al", "aksk", "first"], evidence.Entities.Select(e => e.Id));
        Assert.Equal([RelationType.MEMBER_OF], evidence.Steps[1].Relations.Select(r => r.Type));
        var steps = _server.Requests.Where(r => r.Statement == S.GapStep(Direction.Out)).Select(r => r.Parameters.GetProperty("ids").EnumerateArray().Select(i => i.GetString()).ToList()).ToList();
        Assert.Contains(["aksk"], steps);

        // Without the documented absence, nobody looked: the competent authority is UNKNOWN, not MISSING, and leaves the score.
        _answers[Neo4jStoreStatements.AbsencesOf] = _ => Result([], []);
        var unknown = Assert.Single(await _questions.GapsAsync(template, "al", new DateOnly(2025, 1, 1)));
        Assert.Equal(GapStatus.Unknown, unknown.Items[0].Status);
        Assert.Equal(0.5, unknown.Score);
        Assert.Equal(0.6667, unknown.Coverage);
    }

    [Fact]
    public async Task A_path_collapses_parallel_relations_into_one_step()
    {
        _answers[S.Spurs(false, 6)] = _ => Result(["from", "ids"], [["al", new[] { "al", "aksk", "kcss" }]]);
        _answers[S.Entities] = _ => Result(["n"], [[Entity("al")], [Entity("aksk", "NationalAuthority")], [Entity("kcss", "NonProfit")]]);
        _answers[S.Steps(false)] = _ => Result(["u", "v", "r", "fromId", "toId"],
        [
            ["al", "aksk", Relation("aksk-competent-authority-of-al", "COMPETENT_AUTHORITY_OF"), "aksk", "al"],
            ["al", "aksk", Relation("al-designated-as-aksk", "DESIGNATED_AS"), "al", "aksk"],
            ["aksk", "kcss", Relation("kcss-cooperates-with-aksk", "COOPERATES_WITH", "L"), "kcss", "aksk"],
        ]);

        var path = (await _questions.ShortestPathAsync("al", "kcss", new TraversalOptions())).Value;

        Assert.Equal(["al", "aksk", "kcss"], path!.Entities.Select(e => e.Id));
        Assert.Equal([2, 1], path.Steps.Select(s => s.Relations.Count));
        Assert.Equal(("kcss", "aksk"), (path.Steps[1].Relations[0].From, path.Steps[1].Relations[0].To));
        Assert.Equal(2, path.Cost);
    }

    [Fact]
    public async Task Paths_are_k_distinct_entity_sequences_found_by_Yen_one_statement_per_path()
    {
        // a-b has three parallel relations; h is a hub linked to everything; the only other route is a-c-d-b.
        (string, string)[] links = [("a", "b"), ("a", "h"), ("b", "h"), ("c", "h"), ("d", "h"), ("e", "h"), ("a", "c"), ("c", "d"), ("d", "b")];
        var spurRequests = 0;
        _answers[S.Spurs(false, 6)] = r =>
        {
            spurRequests++;
            return Result(["from", "ids"], r.Parameters.GetProperty("spurs").EnumerateArray()
                .Select(spur => new object?[] { spur.GetProperty("from").GetString(), Bfs(links, spur, "b") }).ToArray());
        };
        _answers[S.Steps(false)] = r => Result(["u", "v", "r", "fromId", "toId"], r.Parameters.GetProperty("pairs").EnumerateArray()
            .Select(pair => new object?[] { pair[0].GetString(), pair[1].GetString(), Relation($"{pair[0]}-{pair[1]}", "COOPERATES_WITH"), pair[0].GetString(), pair[1].GetString() })
            .ToArray());

        var paths = (await _questions.PathsAsync("a", "b", 4, new TraversalOptions())).Value;

        Assert.Equal(["a b", "a h b", "a c d b", "a c h b"], paths.Select(p => string.Join(' ', p.Entities.Select(e => e.Id))));
        // The first path, then one round per path found: never more than k statements, whatever the hub.
        Assert.Equal(4, spurRequests);
        // Each round cut the steps that the paths of the same root had taken.
        var last = _server.Requests.Last(r => r.Statement == S.Spurs(false, 6)).Parameters.GetProperty("spurs")[0];
        Assert.Equal(("a", 0), (last.GetProperty("from").GetString(), last.GetProperty("avoid").GetArrayLength()));
        Assert.Equal(["a b", "a h", "a c"], last.GetProperty("cut").EnumerateArray().Select(c => $"{c[0].GetString()} {c[1].GetString()}"));
    }

    /// <summary>What SHORTEST 1 finds for one spur on an undirected graph: a shortest path avoiding the spur's nodes and cut steps.</summary>
    private static string[]? Bfs((string A, string B)[] links, System.Text.Json.JsonElement spur, string to)
    {
        var avoid = spur.GetProperty("avoid").EnumerateArray().Select(x => x.GetString()).ToHashSet();
        var cut = spur.GetProperty("cut").EnumerateArray().Select(c => (c[0].GetString(), c[1].GetString())).ToHashSet();
        var start = spur.GetProperty("from").GetString()!;
        var previous = new Dictionary<string, string> { [start] = "" };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var u))
        {
            if (u == to)
            {
                var path = new List<string>();
                for (var v = to; v != ""; v = previous[v]) path.Insert(0, v);
                return [.. path];
            }
            var next = links.Where(l => l.A == u).Select(l => l.B).Concat(links.Where(l => l.B == u).Select(l => l.A)).Order(StringComparer.Ordinal);
            foreach (var v in next)
                if (!previous.ContainsKey(v) && !avoid.Contains(v) && !cut.Contains((u, v)))
                {
                    previous[v] = u;
                    queue.Enqueue(v);
                }
        }
        return null;
    }
}
