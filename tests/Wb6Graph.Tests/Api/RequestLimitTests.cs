using System.Text;

namespace Wb6Graph.Tests.Api;

/// <summary>Every request's cost is bounded before it runs (price, depth, merged fields) and while it runs (answer budget, errors).</summary>
public sealed class RequestLimitTests(GraphApi api) : IClassFixture<GraphApi>
{
    private const long AnswerBudgetBytesPerNode = Wb6Graph.Api.GraphQL.AnswerBudget.BytesPerNode;

    /// <summary>Fragment n spreads fragment n-1 twice: written out, the document holds 2^n fields.</summary>
    private static string FragmentBomb(int n)
    {
        var text = new StringBuilder($"query {{ entity(id: \"hub\") {{ ...F{n} }} }}\nfragment F0 on Entity {{ id }}\n");
        for (var i = 1; i <= n; i++) text.Append($"fragment F{i} on Entity {{ ...F{i - 1} ...F{i - 1} }}\n");
        return text.ToString();
    }

    [Fact]
    public async Task A_fragment_bomb_is_priced_once_per_fragment_and_refused_as_too_complex()
    {
        var r = await api.PostAsync(FragmentBomb(40)); // 2^40 fields written out: pricing it spread by spread would never end
        Assert.Equal(422, r.Status);
        Assert.Equal("COMPLEXITY", GraphApi.Code(r.Body));
        Assert.Contains("1,099,511,627,777", GraphApi.Message(r.Body));
    }

    [Fact]
    public async Task A_small_fragment_bomb_within_the_limit_still_answers()
    {
        var r = await api.PostAsync(FragmentBomb(10));
        Assert.Equal(200, r.Status);
        Assert.Equal("hub", r.Body!["data"]!["entity"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Conflicting_fields_are_refused_with_one_error_per_response_key_not_one_per_pair()
    {
        var query = "{ " + string.Join(' ', Enumerable.Range(1, 660).Select(i => $"centrality(limit: {i}){{score}}")) + " }";
        var r = await api.PostAsync(query);
        Assert.Equal(422, r.Status);
        var errors = r.Body!["errors"]!.AsArray();
        Assert.Single(errors);
        Assert.Equal("OVERLAPPING_FIELDS_CAN_BE_MERGED", GraphApi.Code(r.Body));
        Assert.Contains("'centrality'", GraphApi.Message(r.Body));
        Assert.Contains("line 1, column 3", GraphApi.Message(r.Body));
    }

    [Theory]
    [InlineData("""{ a: entity(id: "hub") { id } a: entity(id: "p1") { id } }""")]                       // same key, other arguments
    [InlineData("""{ entity(id: "hub") { x: id x: name } }""")]                                          // same key, other fields
    [InlineData("""{ entity(id: "hub") { ...A ...B } } fragment A on Entity { n: name } fragment B on Entity { n: id }""")] // through fragments
    [InlineData("""{ e: entity(id: "hub") { r: relations { id } } e: entity(id: "hub") { r: relations(direction: IN) { id } } }""")] // nested, merged
    public async Task Fields_that_cannot_merge_are_refused_as_the_spec_says(string query)
    {
        var r = await api.PostAsync(query);
        Assert.Equal(422, r.Status);
        Assert.Equal("OVERLAPPING_FIELDS_CAN_BE_MERGED", GraphApi.Code(r.Body));
    }

    [Fact]
    public async Task Each_operation_of_a_document_has_its_fields_merged_when_it_runs()
    {
        const string document = """query A { entity(id: "hub") { id } } query B { x: entity(id: "hub") { id } x: entity(id: "p1") { id } }""";
        Assert.Equal(200, (await api.PostAsync(document, operationName: "A")).Status);
        var b = await api.PostAsync(document, operationName: "B");
        Assert.Equal(422, b.Status);
        Assert.Equal("OVERLAPPING_FIELDS_CAN_BE_MERGED", GraphApi.Code(b.Body));
    }

    [Theory]
    [InlineData("""{ entity(id: "hub") { id id name ...A } } fragment A on Entity { id name }""")]
    [InlineData("""query($i: ID!) { a: entity(id: $i) { id } a: entity(id: $i) { name } }""")]
    [InlineData("""{ e: entity(id: "hub") { relations(types: [COOPERATES_WITH]) { id } } e: entity(id: "hub") { relations(types: [COOPERATES_WITH]) { from { id } } } }""")]
    public async Task Fields_that_merge_answer(string query)
    {
        var r = await api.PostAsync(query, new { i = "hub" });
        Assert.Equal(200, r.Status);
        Assert.Null(r.Body!["errors"]);
    }

    [Theory]
    [InlineData("""{ entity(id: "hub") { ...F } } fragment F on Entity { relations { from { ...F } } }""")]
    [InlineData("""{ entity(id: "hub") { ...F } } fragment F on Entity { id ...G } fragment G on Entity { neighbours { ...F } }""")]
    [InlineData("""{ entity(id: "hub") { ...F } } fragment F on Entity { ...F }""")]
    public async Task Fragments_that_spread_themselves_are_refused_as_invalid_not_expanded_for_ever(string query)
    {
        var r = await api.PostAsync(query);
        Assert.Equal(422, r.Status);
        Assert.Equal("NO_FRAGMENT_CYCLES", GraphApi.Code(r.Body));
    }

    [Fact]
    public async Task An_entitys_relations_are_priced_by_the_graphs_real_degrees()
    {
        using var strict = new GraphApi();
        // The hub has 60 relations: one entity's list is priced at the largest degree, so 2 + 60 x (1 + 1) fits 200 and
        // nested under each of them, at the distribution's 99th percentile (61 here too), does not.
        strict.Settings["Api:MaxComplexity"] = "200";
        var one = await strict.PostAsync("""{ entity(id: "hub") { relations { id fromId } } }""");
        Assert.Equal(200, one.Status);
        Assert.Equal(GraphApi.HubDegree, one.Body!["data"]!["entity"]!["relations"]!.AsArray().Count);
        var nested = await strict.PostAsync("""{ entity(id: "hub") { relations { from { relations { id } } } } }""");
        Assert.Equal(422, nested.Status);
        Assert.Equal("COMPLEXITY", GraphApi.Code(nested.Body));
    }

    [Fact]
    public async Task Entities_by_ids_are_priced_by_the_ids_given_literally_or_as_a_variable()
    {
        using var strict = new GraphApi();
        // Each entity with the hub's relations costs 1 + 60 x 2: two ids fit 300, three do not, however they are sent.
        strict.Settings["Api:MaxComplexity"] = "300";
        var two = await strict.PostAsync("""{ entitiesByIds(ids: ["hub", "nope"]) { relations { id fromId } } }""");
        Assert.Equal(200, two.Status);
        var three = await strict.PostAsync("""{ entitiesByIds(ids: ["hub", "hub", "hub"]) { relations { id fromId } } }""");
        Assert.Equal(422, three.Status);
        Assert.Equal("COMPLEXITY", GraphApi.Code(three.Body));
        var variable = await strict.PostAsync("""query($ids: [ID!]!) { entitiesByIds(ids: $ids) { relations { id fromId } } }""", new { ids = new[] { "hub", "hub", "hub" } });
        Assert.Equal(422, variable.Status);
    }

    [Fact]
    public async Task The_price_follows_the_graph_as_writes_change_its_degrees()
    {
        using var strict = new GraphApi();
        strict.Settings["Api:MaxComplexity"] = "124"; // entity 1, relations 1 + 61 x 2: the hub's 60 relations and one to come
        const string query = """{ entity(id: "hub") { relations { id fromId } } }""";
        Assert.Equal(200, (await strict.PostAsync(query)).Status);
        var added = await strict.PostAsync("""
            mutation { addRelation(input: {id: "extra-1", type: COOPERATES_WITH, from: "hub", to: "p7", confidence: M,
              sources: {ids: ["src-test"]}}) { id } }
            """, key: GraphApi.Key);
        Assert.Equal(200, added.Status);
        Assert.Equal(200, (await strict.PostAsync(query)).Status); // degree 61: 124
        await strict.PostAsync("""
            mutation { addRelation(input: {id: "extra-2", type: COOPERATES_WITH, from: "p7", to: "hub", confidence: M, sources: {ids: ["src-test"]}}) { id } }
            """, key: GraphApi.Key);
        var over = await strict.PostAsync(query); // degree 62: 126
        Assert.Equal(422, over.Status);
        Assert.Contains("126", GraphApi.Message(over.Body));
    }

    [Fact]
    public async Task The_first_request_of_a_fresh_server_is_priced_too()
    {
        using var fresh = new GraphApi();
        fresh.Settings["Api:MaxComplexity"] = "20";
        var r = await fresh.PostAsync("{ entities { nodes { id } } }"); // a page of 50
        Assert.Equal(422, r.Status);
        Assert.Equal("COMPLEXITY", GraphApi.Code(r.Body));
    }

    [Fact]
    public async Task Too_deep_is_422_with_the_setting_named()
    {
        var deep = "{ entity(id: \"hub\") { " + string.Concat(Enumerable.Repeat("neighbours { ", 22)) + "id" + new string('}', 22) + " } }";
        var r = await api.PostAsync(deep);
        Assert.Equal(422, r.Status);
        Assert.Equal("DEPTH", GraphApi.Code(r.Body));
        Assert.Contains("Api:MaxDepth", GraphApi.Message(r.Body));
    }

    [Fact]
    public async Task An_answer_past_its_budget_is_refused_with_a_code_and_not_built()
    {
        using var small = new GraphApi();
        small.Settings["Api:MaxAnswerBytes"] = (300 * AnswerBudgetBytesPerNode).ToString(); // 300 result nodes
        var fits = await small.PostAsync("""{ entity(id: "p3") { relations { id } } }""");
        Assert.Equal(200, fits.Status);
        var r = await small.PostAsync("""{ entities(first: 200) { nodes { id relations { id fromId toId } } } }""");
        Assert.Equal(422, r.Status);
        Assert.Equal("ANSWER_TOO_LARGE", GraphApi.Code(r.Body));
        Assert.Null(r.Body!["data"]);
        Assert.Contains("Api:MaxAnswerBytes", GraphApi.Message(r.Body));
    }

    [Fact]
    public async Task A_response_carries_at_most_MaxErrors_errors_and_says_how_many_it_left_out()
    {
        using var few = new GraphApi();
        few.Settings["Api:MaxErrors"] = "5";
        var query = "{ " + string.Join(' ', Enumerable.Range(1, 40).Select(i => $"f{i}: nope{i}")) + " }";
        var r = await few.PostAsync(query);
        Assert.Equal(422, r.Status);
        var errors = r.Body!["errors"]!.AsArray();
        Assert.Equal(6, errors.Count);
        Assert.Equal("TOO_MANY_ERRORS", errors[5]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("35 more", errors[5]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Introspection_costs_one_per_field_so_the_IDEs_query_fits()
    {
        using var strict = new GraphApi();
        strict.Settings["Api:MaxComplexity"] = "2000";
        var r = await strict.PostAsync("""
            query { __schema { queryType { name } types { name kind fields(includeDeprecated: true) { name args { name type { name kind ofType { name kind ofType { name } } } }
              type { name kind ofType { name kind ofType { name kind } } } } } } }
            """);
        Assert.Equal(200, r.Status);
    }
}
