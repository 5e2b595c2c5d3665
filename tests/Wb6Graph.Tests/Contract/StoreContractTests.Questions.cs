using Wb6Graph.Engine;
using Wb6Graph.Model;
using Wb6Graph.Tests.Support;
using static Wb6Graph.Tests.Contract.ContractGraph;

namespace Wb6Graph.Tests.Contract;

public abstract partial class StoreContractTests
{
    private static readonly TraversalOptions Any = new();

    private static IEnumerable<string> Ids(GraphPath? path) => path!.Entities.Select(e => e.Id);

    [ContractFact]
    public async Task The_shortest_path_skips_retracted_relations()
    {
        var path = (await Questions.ShortestPathAsync("kcss", "enisa", Any)).Value;

        Assert.Equal(["kcss", "roundtable", "enisa"], Ids(path));
        Assert.Equal([RelationType.PARTICIPATED_IN], path!.Steps[1].Relations.Select(r => r.Type));
    }

    [ContractFact]
    public async Task A_step_lists_every_relation_between_its_two_entities()
    {
        var path = (await Questions.ShortestPathAsync("al", "kcss", Any)).Value;

        Assert.Equal(["al", "aksk", "kcss"], Ids(path));
        Assert.Equal(["aksk-competent-authority-of-al", "al-designated-as-aksk"], path!.Steps[0].Relations.Select(r => r.Id).Order());
    }

    [ContractFact]
    public async Task Filters_apply_to_the_path_forward_only_kinds_types_and_dates()
    {
        var forward = await Questions.ShortestPathAsync("kcss", "enisa", Any with { ForwardOnly = true });
        var noEvents = await Questions.ShortestPathAsync("kcss", "enisa", Any with { Kinds = new HashSet<EntityKind> { EntityKind.NationalAuthority } });
        var beneficiary = new HashSet<RelationType> { RelationType.BENEFICIARY_OF };
        var before = await Questions.ShortestPathAsync("ba", "al", Any with { Types = beneficiary, AsOf = Y2022 });
        var after = await Questions.ShortestPathAsync("ba", "al", Any with { Types = beneficiary, AsOf = Y2025 });

        Assert.Null(forward.Value);
        Assert.Null(noEvents.Value);
        Assert.Null(before.Value);
        Assert.Equal(["ba", "wb3c", "al"], Ids(after.Value));
    }

    [ContractFact]
    public async Task Paths_are_the_simple_paths_shortest_first()
    {
        var paths = (await Questions.PathsAsync("kcss", "enisa", 3, Any)).Value;

        Assert.Equal([["kcss", "roundtable", "enisa"], ["kcss", "aksk", "roundtable", "enisa"]], paths.Select(p => Ids(p).ToArray()));
        Assert.Equal([2, 3], paths.Select(p => p.Length));
    }

    [ContractFact]
    public async Task Parallel_relations_are_one_step_and_k_paths_are_k_distinct_entity_sequences()
    {
        var (_, questions, owner) = await OpenAsync(Parallel());
        await using var _ = owner;

        var paths = (await questions.PathsAsync("ngo-a", "ngo-b", 3, Any)).Value;
        // Going forward the hub leads nowhere: three simple paths exist, and asking for ten gives those three.
        var forward = await questions.PathsAsync("ngo-a", "ngo-b", 10, Any with { ForwardOnly = true });

        Assert.Equal(["ngo-a", "ngo-b"], Ids(paths[0]));
        Assert.Equal(["ngo-a-cooperates-with-ngo-b", "ngo-a-funds-ngo-b", "ngo-a-partner-of-ngo-b", "ngo-b-cooperates-with-ngo-a"],
            paths[0].Steps[0].Relations.Select(r => r.Id).Order());
        // Two of length two, in either order (ties are ordered differently by the stores).
        Assert.Equal(["ngo-a fund-c ngo-b", "ngo-a hub ngo-b"], paths.Skip(1).Select(p => string.Join(' ', Ids(p))).Order());
        Assert.Equal(2, paths.Single(p => Ids(p).Contains("fund-c")).Steps[1].Relations.Count);
        Assert.Equal(["ngo-a ngo-b", "ngo-a fund-c ngo-b", "ngo-a co-d co-e ngo-b"], forward.Value.Select(p => string.Join(' ', Ids(p))));
        Assert.False(forward.Capped);
    }

    [ContractFact]
    public async Task Around_a_hub_paths_are_simple_and_distinct_and_no_more_than_exist()
    {
        var (_, questions, owner) = await OpenAsync(Parallel());
        await using var _ = owner;

        var many = (await questions.PathsAsync("ngo-a", "ngo-b", 10, Any)).Value;
        // Two companies that only the hub links: one simple path, however many are asked for.
        var one = await questions.PathsAsync("co-1", "co-2", 10, Any);

        Assert.Equal(10, many.Count);
        Assert.All(many, p => Assert.Equal(p.Entities.Count, p.Entities.Select(e => e.Id).Distinct().Count()));
        Assert.Equal(10, many.Select(p => string.Join(' ', Ids(p))).Distinct().Count());
        Assert.Equal(many.Select(p => p.Length).Order(), many.Select(p => p.Length));
        Assert.Equal(["co-1", "hub", "co-2"], Ids(Assert.Single(one.Value)));
        Assert.False(one.Capped);
    }

    [ContractFact]
    public async Task Evidence_weighting_prefers_strong_relations_over_few_hops()
    {
        var path = (await Questions.ShortestPathAsync("kcss", "enisa", Any, PathWeighting.Evidence)).Value;

        // H + H + M = 1 + 1 + 2 beats L + M = 4 + 2.
        Assert.Equal(["kcss", "aksk", "roundtable", "enisa"], Ids(path));
        Assert.Equal(4, path!.Cost);
    }

    [ContractFact]
    public async Task Bad_path_arguments_name_the_field()
    {
        var unknown = await Assert.ThrowsAsync<GraphValidationException>(() => Questions.ShortestPathAsync("kcss", "nobody", Any));
        var hops = await Assert.ThrowsAsync<GraphValidationException>(() => Questions.PathsAsync("kcss", "enisa", 0, Any with { MaxHops = 0 }));

        Assert.Equal([("to", "nobody")], unknown.Errors.Select(e => (e.Where, e.Value)));
        Assert.Equal(["k", "maxHops"], hops.Errors.Select(e => e.Where).Order());
    }

    [ContractFact]
    public async Task A_neighbourhood_holds_the_entities_within_depth_and_the_relations_among_them()
    {
        var one = await Questions.NeighbourhoodAsync("al", 1, Any);
        var cut = await Questions.NeighbourhoodAsync("al", 1, Any, limit: 2);

        Assert.Equal(["aksk", "al", "budapest", "strat-old", "wb3c"], one.Entities.Select(e => e.Id).Order());
        Assert.Equal(5, one.Relations.Count);
        Assert.False(one.Truncated);
        Assert.Equal(2, cut.Entities.Count);
        Assert.Equal("al", cut.Entities[0].Id);
        Assert.True(cut.Truncated);
    }

    [ContractFact]
    public async Task Before_an_entity_existed_its_neighbourhood_is_the_entity_alone_even_over_undated_relations()
    {
        await Store.AddRelationAsync(new RelationInput(null, "COOPERATES_WITH", "kcss", "wb3c", null, null, null, "M", null, SourceRefs.Of("src-a")));

        var then = await Questions.NeighbourhoodAsync("wb3c", 1, new TraversalOptions(AsOf: Y2022));
        var now = await Questions.NeighbourhoodAsync("wb3c", 1, new TraversalOptions(AsOf: Y2025));

        Assert.Equal(["wb3c"], then.Entities.Select(e => e.Id));
        Assert.Empty(then.Relations);
        Assert.Contains("kcss", now.Entities.Select(e => e.Id));
    }

    [ContractFact]
    public async Task Gaps_follow_the_template_on_the_date()
    {
        var template = Template();
        var now = Assert.Single(await Questions.GapsAsync(template, "al", Y2025));
        var then = Assert.Single(await Questions.GapsAsync(template, "al", Y2022));
        var early = Assert.Single(await Questions.GapsAsync(template, "al", new DateOnly(2019, 6, 1)));
        var ba = Assert.Single(await Questions.GapsAsync(template, "ba", Y2025));

        Assert.Equal([GapStatus.Present, GapStatus.Expired, GapStatus.Present, GapStatus.NotEligible], now.Items.Select(i => i.Status));
        Assert.Equal(0.6667, now.Score);
        Assert.Equal(["al", "aksk", "first"], now.Items[2].Evidence.Single().Entities.Select(e => e.Id));
        Assert.Equal(1.0, then.Score);
        // Nothing documents an absence: before the facts began, and for ba, the items are not known, not missing.
        Assert.Equal([GapStatus.Present, GapStatus.Unknown, GapStatus.Unknown, GapStatus.NotEligible], early.Items.Select(i => i.Status));
        Assert.Equal([GapStatus.Unknown, GapStatus.Unknown, GapStatus.Unknown, GapStatus.NotEligible], ba.Items.Select(i => i.Status));
        Assert.Null(ba.Score);
        Assert.Equal(0, ba.Coverage);
    }

    [ContractFact]
    public async Task Gaps_for_something_not_a_country_or_a_country_the_template_is_not_about_are_refused()
    {
        var e = await Assert.ThrowsAsync<GraphValidationException>(() => Questions.GapsAsync(Template(), "aksk", Y2025));
        // ba is a Country, but a template about Albania alone has no expectations of it.
        var outside = await Assert.ThrowsAsync<GraphValidationException>(() => Questions.GapsAsync(Template() with { Countries = ["al"] }, "ba", Y2025));

        Assert.Equal([("country", "aksk")], e.Errors.Select(x => (x.Where, x.Value)));
        Assert.Equal([("country", "ba")], outside.Errors.Select(x => (x.Where, x.Value)));
        Assert.Contains("template 'contract' is about al", outside.Errors[0].Message, StringComparison.Ordinal);
    }

    [ContractFact]
    public async Task The_gap_matrix_gives_distance_and_intermediaries()
    {
        var cells = (await Questions.GapMatrixAsync(["kcss", "ba"], ["enisa", "al"], Any)).Value.ToDictionary(c => (c.From, c.To));

        Assert.Equal((false, 2, "roundtable"), (cells[("kcss", "enisa")].Direct, cells[("kcss", "enisa")].Distance, string.Join(",", cells[("kcss", "enisa")].Via)));
        Assert.Equal(["aksk"], cells[("kcss", "al")].Via);
        Assert.Equal(5, cells[("ba", "enisa")].Distance);
        Assert.Equal(2, cells[("ba", "al")].Distance);
    }

    [ContractFact]
    public async Task Suggestions_score_shared_neighbours_on_the_simple_graph()
    {
        var cn = (await Questions.SuggestedLinksAsync("kcss", null, null, null, LinkScore.CommonNeighbours, null, null)).Value;
        var aa = (await Questions.SuggestedLinksAsync("kcss", null, null, null, LinkScore.AdamicAdar, null, null)).Value;
        var ra = (await Questions.SuggestedLinksAsync("kcss", null, null, new HashSet<EntityKind> { EntityKind.EuBody }, LinkScore.ResourceAllocation, null, null)).Value;

        // N(kcss) = {aksk, roundtable}: the retracted FUNDS does not make enisa a neighbour. |N(aksk)| = 4, |N(roundtable)| = 3.
        Assert.Equal([("al", 1.0), ("enisa", 1.0), ("first", 1.0)], cn.Select(s => (s.To, s.Score)));
        Assert.Equal(["enisa", "al", "first"], aa.Select(s => s.To));
        Assert.Equal(1 / Math.Log(3), aa[0].Score, 9);
        Assert.Equal(1 / Math.Log(4), aa[1].Score, 9);
        Assert.Equal(["roundtable"], aa[0].SharedNeighbours);
        var only = Assert.Single(ra);
        Assert.Equal(("enisa", 1.0 / 3), (only.To, only.Score));
    }

    [ContractFact]
    public async Task Graph_wide_suggestions_keep_to_the_countries_given_and_their_entities()
    {
        var al = (await Questions.SuggestedLinksAsync(null, null, ["al"], null, LinkScore.CommonNeighbours, null, null)).Value;
        var authorities = (await Questions.SuggestedLinksAsync(null, new HashSet<EntityKind> { EntityKind.NationalAuthority }, ["al"], null, LinkScore.CommonNeighbours, null, null)).Value;
        var withId = (await Questions.SuggestedLinksAsync("kcss", null, ["ba"], null, LinkScore.CommonNeighbours, null, null)).Value;

        // Of al: al itself, aksk and strat-old (their country is al). aksk and strat-old share al, and each may propose
        // that pair, so which of them is 'from' is left to the backend; the pair comes once.
        Assert.All(al, s => Assert.Contains(s.From, new[] { "al", "aksk", "strat-old" }));
        Assert.Equal(
        [
            // Not aksk-budapest nor budapest-strat-old: only a country or an organisation is a party to a convention.
            ("aksk-enisa", 1.0), ("aksk-strat-old", 1.0), ("aksk-wb3c", 1.0), ("al-ba", 2.0),
            ("al-first", 1.0), ("al-kcss", 1.0), ("al-roundtable", 1.0), ("strat-old-wb3c", 1.0),
        ], al.Select(s => (Pair(s.From, s.To), s.Score)).OrderBy(p => p.Item1, StringComparer.Ordinal));
        Assert.Equal(("al", "ba"), (al[0].From, al[0].To));
        Assert.Equal([("aksk", "enisa"), ("aksk", "strat-old"), ("aksk", "wb3c")], authorities.Select(s => (s.From, s.To)));
        // With an id, the countries (like fromKinds) do not apply.
        Assert.Equal(["al", "enisa", "first"], withId.Select(s => s.To));
    }

    /// <summary>
    /// Two entities of al may each propose their pair, and only one of them is among the best-linked of the whole graph
    /// (three EU bodies outrank the other). The pair is still the best one, once, from the lower id.
    /// </summary>
    [ContractFact]
    public async Task A_pair_either_end_may_propose_is_found_when_only_one_end_is_among_the_best_linked()
    {
        var builder = new GraphBuilder().Source("src-a")
            .Entity("al", EntityKind.Country, "Albania")
            .Entity("a-hub", EntityKind.NationalAuthority, "Authority", country: "al")
            .Entity("x-csirt", EntityKind.Csirt, "CSIRT", country: "al");
        foreach (var eu in new[] { "eu1", "eu2", "eu3" })
        {
            builder.Entity(eu, EntityKind.EuBody, eu).Relation("a-hub", "COOPERATES_WITH", eu).Relation("x-csirt", "COOPERATES_WITH", eu);
            foreach (var leaf in new[] { $"{eu}-p1", $"{eu}-p2" }) builder.Entity(leaf, EntityKind.Project, leaf).Relation(eu, "PARTNER_OF", leaf);
        }
        foreach (var leaf in new[] { "l1", "l2", "l3" }) builder.Entity(leaf, EntityKind.Event, leaf).Relation("a-hub", "PARTICIPATED_IN", leaf);
        var (_, questions, owner) = await OpenAsync(builder.Build());
        await using var _ = owner;

        // Degrees: a-hub 6, each EU body 4, x-csirt 3. With a limit of 1 the best pairs are looked for among the few
        // best-linked entities, and x-csirt is not one of the graph's.
        var best = (await questions.SuggestedLinksAsync(null, null, ["al"], null, LinkScore.PreferentialAttachment, 1, null)).Value;

        Assert.Equal([("a-hub", "x-csirt", 18.0)], best.Select(s => (s.From, s.To, s.Score)));
    }

    [ContractFact]
    public async Task Suggestions_from_an_unknown_id_or_not_a_country_are_refused()
    {
        var e = await Assert.ThrowsAsync<GraphValidationException>(() =>
            Questions.SuggestedLinksAsync(null, null, ["al", "nobody", "aksk"], null, LinkScore.AdamicAdar, null, null));

        Assert.Equal([("countries[1]", "nobody", "unknown entity id"), ("countries[2]", "aksk", "'aksk' is a NationalAuthority, not a Country")],
            e.Errors.Select(x => (x.Where, x.Value, x.Message)));
    }

    private static string Pair(string a, string b) => string.CompareOrdinal(a, b) < 0 ? $"{a}-{b}" : $"{b}-{a}";

    [ContractFact]
    public async Task Degree_centrality_counts_distinct_neighbours_on_the_date()
    {
        var all = (await Questions.CentralityAsync(CentralityMeasure.Degree, null, null, 3)).Value;
        var in2022 = (await Questions.CentralityAsync(CentralityMeasure.Degree, null, Y2022, 3)).Value;

        Assert.Equal([("aksk", 4.0), ("al", 4.0), ("roundtable", 3.0)], all.Select(r => (r.Entity.Id, r.Score)));
        Assert.Equal([("aksk", 4.0), ("al", 3.0), ("roundtable", 3.0)], in2022.Select(r => (r.Entity.Id, r.Score)));
        Assert.Equal([1, 2, 3], all.Select(r => r.Rank));
    }
}
