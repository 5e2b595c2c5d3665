using Wb6Graph.Engine;
using Wb6Graph.Gaps;
using Wb6Graph.Model;
using Wb6Graph.Tests.Support;

namespace Wb6Graph.Tests.Engine;

public sealed class GapTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static readonly GapTemplate Template = new("t", "Test", null, ["al", "ba", "mk"],
    [
        new("national-csirt", "National CSIRT", "NIS2 Art. 10", true, [Step(RelationType.DESIGNATED_AS, Direction.Out)]),
        new("csirt-first-member", "CSIRT in FIRST", null, true,
            [Step(RelationType.DESIGNATED_AS, Direction.Out), Step(RelationType.MEMBER_OF, Direction.Out, to: "first")]),
        new("national-strategy", "Strategy in force", "NIS2 Art. 7", true, [Step(RelationType.ADOPTED, Direction.Out, EntityKind.Strategy)]),
        new("csirts-network", "CSIRTs Network", null, false,
            [Step(RelationType.DESIGNATED_AS, Direction.Out), Step(RelationType.MEMBER_OF, Direction.Out, to: "csirts-network")]),
        new("competent-authority", "Competent authority", null, true, [Step(RelationType.COMPETENT_AUTHORITY_OF, Direction.In)]),
    ]);

    private static PatternStep Step(RelationType type, Direction direction, EntityKind? kind = null, string? to = null) =>
        new([type], direction, kind is { } k ? [k] : [], to);

    private static EngineFixture Graph() => EngineFixture.Of(new GraphBuilder()
        .Entity("al", EntityKind.Country).Entity("ba", EntityKind.Country).Entity("mk", EntityKind.Country)
        .Entity("aksk", EntityKind.NationalAuthority).Entity("mkd-cirt", EntityKind.Csirt)
        .Entity("first", EntityKind.Network).Entity("csirts-network", EntityKind.Network)
        .Entity("al-strategy", EntityKind.Strategy).Entity("mk-strategy", EntityKind.Strategy)
        .Relation("al", "DESIGNATED_AS", "aksk", validFrom: new DateOnly(2017, 1, 1))
        .Relation("aksk", "COMPETENT_AUTHORITY_OF", "al", confidence: Confidence.M)
        .Relation("al", "ADOPTED", "al-strategy", validFrom: new DateOnly(2025, 1, 1), validTo: new DateOnly(2031, 1, 1))
        .Relation("mk", "DESIGNATED_AS", "mkd-cirt")
        .Relation("mkd-cirt", "MEMBER_OF", "first", validFrom: new DateOnly(2030, 1, 1))
        .Relation("mk", "ADOPTED", "mk-strategy", validFrom: new DateOnly(2018, 1, 1), validTo: new DateOnly(2023, 1, 1))
        .Build());

    private static GapStatus Status(IReadOnlyList<GapReport> reports, string country, string item) =>
        reports.Single(r => r.Country == country).Items.Single(i => i.Item.Id == item).Status;

    [Fact]
    public void Each_country_gets_present_missing_expired_and_not_eligible_as_the_facts_say()
    {
        using var fx = Graph();
        var reports = fx.Engine.Gaps(Template, null, Today);
        Assert.Equal(["al", "ba", "mk"], reports.Select(r => r.Country));
        Assert.Equal(GapStatus.Present, Status(reports, "al", "national-csirt"));
        Assert.Equal(GapStatus.Missing, Status(reports, "ba", "national-csirt"));
        Assert.Equal(GapStatus.Expired, Status(reports, "mk", "national-strategy"));
        Assert.Equal(GapStatus.Present, Status(reports, "al", "national-strategy"));
        Assert.Equal(GapStatus.NotEligible, Status(reports, "al", "csirts-network"));
        Assert.Equal(GapStatus.Present, Status(reports, "al", "competent-authority"));
        // mkd-cirt joins FIRST only in 2030: a future fact is missing today, not expired.
        Assert.Equal(GapStatus.Missing, Status(reports, "mk", "csirt-first-member"));
        Assert.Equal(0.75, reports.Single(r => r.Country == "al").Score); // 3 of 4 eligible items
        Assert.Equal(0.0, reports.Single(r => r.Country == "ba").Score);
    }

    [Fact]
    public void Evidence_is_the_chain_of_relations_with_their_sources()
    {
        using var fx = Graph();
        var item = fx.Engine.Gaps(Template, "al", Today).Single().Items.Single(i => i.Item.Id == "national-csirt");
        var path = Assert.Single(item.Evidence);
        Assert.Equal(["al", "aksk"], path.Entities.Select(e => e.Id));
        Assert.Equal([GraphBuilder.DefaultSource], path.Steps.Single().Relations.Single().Sources);
    }

    [Fact]
    public void A_gap_is_a_statement_about_a_date()
    {
        using var fx = Graph();
        Assert.Equal(GapStatus.Present, Status(fx.Engine.Gaps(Template, "mk", new DateOnly(2020, 6, 1)), "mk", "national-strategy"));
        Assert.Equal(GapStatus.Missing, Status(fx.Engine.Gaps(Template, "al", new DateOnly(2016, 1, 1)), "al", "national-csirt"));
        Assert.Equal(GapStatus.Present, Status(fx.Engine.Gaps(Template, "mk", new DateOnly(2031, 1, 1)), "mk", "csirt-first-member"));
    }

    [Fact]
    public void Asking_about_something_that_is_not_a_country_is_an_error()
    {
        using var fx = Graph();
        var e = Assert.Throws<GraphValidationException>(() => fx.Engine.Gaps(Template, "aksk", Today));
        Assert.Equal("country", e.Errors.Single().Where);
    }
}
