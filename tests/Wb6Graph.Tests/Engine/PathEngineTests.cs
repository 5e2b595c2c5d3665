using Wb6Graph.Engine;
using Wb6Graph.Model;
using Wb6Graph.Tests.Support;

namespace Wb6Graph.Tests.Engine;

public sealed class PathEngineTests
{
    private static readonly DateOnly Y2020 = new(2020, 1, 1);

    // kcss -ORGANIZED-> roundtable <-SPOKE_AT- vrajolli -LEADS-> kcss ; roundtable -PART_OF-> ascend <-FUNDS- osf
    // enisa is reached only through the project's aim: ascend -ADVOCATES_FOR-> enisa (from 2024).
    private static EngineFixture Network() => EngineFixture.Of(NetworkGraph());

    private static SeedGraph NetworkGraph() => new GraphBuilder()
        .Entity("kcss", EntityKind.NonProfit).Entity("vrajolli", EntityKind.Person).Entity("roundtable", EntityKind.Event)
        .Entity("ascend", EntityKind.Project).Entity("osf", EntityKind.Foundation).Entity("enisa", EntityKind.EuBody)
        .Entity("lonely", EntityKind.NonProfit)
        .Relation("kcss", "ORGANIZED", "roundtable", validFrom: new DateOnly(2024, 9, 3))
        .Relation("vrajolli", "SPOKE_AT", "roundtable", validFrom: new DateOnly(2024, 9, 3), confidence: Confidence.M)
        .Relation("vrajolli", "LEADS", "kcss")
        .Relation("kcss", "SPOKE_AT", "roundtable", id: "kcss-also-spoke", validFrom: new DateOnly(2024, 9, 3), confidence: Confidence.L)
        .Relation("roundtable", "PART_OF", "ascend", validFrom: new DateOnly(2024, 9, 3))
        .Relation("osf", "FUNDS", "ascend", validFrom: new DateOnly(2023, 1, 1))
        .Relation("ascend", "ADVOCATES_FOR", "enisa", validFrom: new DateOnly(2024, 1, 1))
        .Build();

    [Fact]
    public void A_step_lists_every_relation_between_two_entities_and_they_make_one_path()
    {
        using var fx = Network();
        var path = fx.Engine.ShortestPath("kcss", "enisa", new TraversalOptions()).Value!;
        Assert.Equal(["kcss", "roundtable", "ascend", "enisa"], path.Entities.Select(e => e.Id));
        Assert.Equal(3, path.Length);
        Assert.Equal(["kcss-also-spoke", "kcss-organized-roundtable"], path.Steps[0].Relations.Select(r => r.Id).Order());
        Assert.Equal(Confidence.H, path.WeakestConfidence);
        Assert.Equal(new DateOnly(2024, 9, 3), path.ValidFrom);
        var all = fx.Engine.Paths("kcss", "enisa", 5, new TraversalOptions()).Value;
        Assert.Equal(2, all.Count); // directly, and through the director who spoke there
        Assert.Equal(["kcss", "vrajolli", "roundtable", "ascend", "enisa"], all[1].Entities.Select(e => e.Id));
    }

    [Fact]
    public void AsOf_hides_relations_that_did_not_yet_hold()
    {
        using var fx = Network();
        Assert.Null(fx.Engine.ShortestPath("kcss", "enisa", new TraversalOptions(AsOf: Y2020)).Value);
        Assert.Null(fx.Engine.ShortestPath("osf", "enisa", new TraversalOptions(AsOf: new DateOnly(2023, 6, 1))).Value);
        Assert.NotNull(fx.Engine.ShortestPath("osf", "enisa", new TraversalOptions(AsOf: new DateOnly(2024, 6, 1))).Value);
    }

    [Fact]
    public void Forward_only_follows_relations_in_their_direction()
    {
        using var fx = Network();
        Assert.NotNull(fx.Engine.ShortestPath("osf", "enisa", new TraversalOptions(ForwardOnly: true)).Value);
        Assert.Null(fx.Engine.ShortestPath("enisa", "osf", new TraversalOptions(ForwardOnly: true)).Value);
        Assert.NotNull(fx.Engine.ShortestPath("enisa", "osf", new TraversalOptions()).Value);
    }

    [Fact]
    public void Types_and_kinds_restrict_what_a_path_may_pass_through()
    {
        using var fx = Network();
        var noEvents = fx.Engine.ShortestPath("kcss", "enisa", new TraversalOptions(Kinds: new HashSet<EntityKind> { EntityKind.Project, EntityKind.Person }));
        Assert.Null(noEvents.Value);
        var onlySome = fx.Engine.ShortestPath("osf", "enisa", new TraversalOptions(Types: new HashSet<RelationType> { RelationType.FUNDS, RelationType.ADVOCATES_FOR }));
        Assert.Equal(2, onlySome.Value!.Length);
    }

    [Fact]
    public void Evidence_weighting_prefers_well_sourced_steps()
    {
        using var fx = EngineFixture.Of(new GraphBuilder()
            .Entity("a").Entity("b").Entity("c").Entity("d")
            .Relation("a", "COOPERATES_WITH", "d", confidence: Confidence.L)
            .Relation("a", "COOPERATES_WITH", "b").Relation("b", "COOPERATES_WITH", "c").Relation("c", "COOPERATES_WITH", "d")
            .Build());
        Assert.Equal(1, fx.Engine.ShortestPath("a", "d", new TraversalOptions()).Value!.Length);
        var byEvidence = fx.Engine.ShortestPath("a", "d", new TraversalOptions(), PathWeighting.Evidence).Value!;
        Assert.Equal(["a", "b", "c", "d"], byEvidence.Entities.Select(e => e.Id));
        Assert.Equal(3.0, byEvidence.Cost);
    }

    [Fact]
    public void Bad_arguments_are_errors_that_name_the_argument_and_caps_are_reported()
    {
        using var fx = Network();
        var e = Assert.Throws<GraphValidationException>(() => fx.Engine.Paths("kcss", "nobody", 0, new TraversalOptions(MaxHops: 0)));
        Assert.Contains(e.Errors, x => x.Where == "to" && x.Value == "nobody");
        Assert.Contains(e.Errors, x => x.Where == "k");
        Assert.Contains(e.Errors, x => x.Where == "maxHops");
        Assert.True(fx.Engine.Paths("kcss", "enisa", 50, new TraversalOptions()).Capped);
        Assert.True(fx.Engine.Paths("kcss", "enisa", 2, new TraversalOptions(MaxHops: 99)).Capped);
        Assert.Empty(fx.Engine.Paths("kcss", "lonely", 3, new TraversalOptions()).Value);
    }

    [Fact]
    public void Neighbourhood_is_bounded_and_says_when_it_was_cut()
    {
        using var fx = Network();
        var one = fx.Engine.Neighbourhood("kcss", 1, new TraversalOptions());
        Assert.Equal(["kcss", "roundtable", "vrajolli"], one.Entities.Select(e => e.Id).Order());
        Assert.Equal(4, one.Relations.Count); // organised, spoke (twice), leads: all among the three
        Assert.False(one.Truncated);
        var cut = fx.Engine.Neighbourhood("kcss", 3, new TraversalOptions(), limit: 2);
        Assert.Equal(2, cut.Entities.Count);
        Assert.True(cut.Truncated);
    }

    [Fact]
    public void A_neighbourhood_is_capped_only_where_a_server_cap_left_someone_out()
    {
        using var shallow = EngineFixture.Of(NetworkGraph(), new EngineLimits { MaxDepth = 1 });
        // depth 2 asked, 1 allowed: one more hop from kcss reaches ascend, so the cap cut the answer.
        var cut = shallow.Engine.Neighbourhood("kcss", 2, new TraversalOptions());
        Assert.Equal((3, true, true), (cut.Entities.Count, cut.Truncated, cut.Capped));
        // The client's limit full before the depth cap is reached: the limit cut it, not the cap.
        var limited = shallow.Engine.Neighbourhood("kcss", 2, new TraversalOptions(), limit: 2);
        Assert.Equal((2, true, false), (limited.Entities.Count, limited.Truncated, limited.Capped));
        // Nobody lies beyond the lonely entity: the depth cap changed nothing.
        var alone = shallow.Engine.Neighbourhood("lonely", 9, new TraversalOptions());
        Assert.Equal((false, false), (alone.Truncated, alone.Capped));

        using var small = EngineFixture.Of(NetworkGraph(), new EngineLimits { MaxNeighbourhood = 2 });
        // No limit asked, or one over the cap: the server's size cap (2) cut kcss' three.
        foreach (var limit in new int?[] { null, 10 })
        {
            var full = small.Engine.Neighbourhood("kcss", 1, new TraversalOptions(), limit);
            Assert.Equal((2, true, true), (full.Entities.Count, full.Truncated, full.Capped));
        }

        using var deep = EngineFixture.Of(NetworkGraph(), new EngineLimits { MaxDepth = 3 });
        // osf, ascend, roundtable and enisa, kcss and vrajolli: all within 3 hops, so asking for 9 loses nothing.
        var whole = deep.Engine.Neighbourhood("osf", 9, new TraversalOptions());
        Assert.Equal((6, false, false), (whole.Entities.Count, whole.Truncated, whole.Capped));
        // The client's own limit cuts without a server cap.
        var own = deep.Engine.Neighbourhood("osf", 2, new TraversalOptions(), limit: 2);
        Assert.Equal((true, false), (own.Truncated, own.Capped));
    }

    [Fact]
    public void Centrality_is_capped_only_when_the_cap_left_an_entity_out()
    {
        using var fx = EngineFixture.Of(NetworkGraph(), new EngineLimits { MaxResults = 3 });
        var all = fx.Engine.Centrality(CentralityMeasure.Degree, null, null, 5);
        Assert.Equal((3, true), (all.Value.Count, all.Capped));
        var few = fx.Engine.Centrality(CentralityMeasure.Degree, new HashSet<EntityKind> { EntityKind.NonProfit, EntityKind.Person }, null, 5);
        Assert.Equal((3, false), (few.Value.Count, few.Capped)); // kcss, lonely, vrajolli: all of them
    }

    [Fact]
    public void Gap_matrix_tells_direct_indirect_and_unreachable()
    {
        using var fx = Network();
        var cells = fx.Engine.GapMatrix(["kcss", "lonely"], ["roundtable", "enisa"], new TraversalOptions()).Value;
        Assert.Equal(("kcss", "roundtable", true, 1), (cells[0].From, cells[0].To, cells[0].Direct, cells[0].Distance));
        Assert.Empty(cells[0].Via);
        Assert.Equal(3, cells[1].Distance);
        Assert.Equal(["roundtable", "ascend"], cells[1].Via);
        Assert.Null(cells[2].Distance);
        Assert.False(cells[3].Direct);
    }
}
