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
        new("national-strategy", "Strategy in force", "NIS2 Art. 7", true, [Step(RelationType.APPLIES, Direction.Out, EntityKind.Strategy)]),
        new("csirts-network", "CSIRTs Network", null, false,
            [Step(RelationType.DESIGNATED_AS, Direction.Out), Step(RelationType.MEMBER_OF, Direction.Out, to: "csirts-network")]),
        new("competent-authority", "Competent authority", null, true, [Step(RelationType.COMPETENT_AUTHORITY_OF, Direction.In)]),
        new("nis2-law", "NIS2 law", null, true, [Step(RelationType.APPLIES, Direction.Out, EntityKind.Legislation), Step(RelationType.ALIGNS_WITH, Direction.Out, to: "nis2")])
        {
            Partial = [[Step(RelationType.ADOPTED, Direction.Out, EntityKind.Legislation), Step(RelationType.ALIGNS_WITH, Direction.Out, to: "nis2")]],
            PartialLabel = "adopted, not yet applicable",
        },
        new("support", "Support received", null, true, [Step(RelationType.BENEFICIARY_OF, Direction.Out)]) { CountsInScore = false },
    ]);

    private static PatternStep Step(RelationType type, Direction direction, EntityKind? kind = null, string? to = null) =>
        new([type], direction, kind is { } k ? [k] : [], to);

    // al: everything in place. mk: a strategy that ran out, a CSIRT that joins FIRST only in 2030, a NIS law adopted in
    // 2025 that applies from 2026. ba: a documented absence of a national CSIRT from 2020; nothing known of the rest.
    private static GraphBuilder Facts() => new GraphBuilder()
        .Entity("al", EntityKind.Country).Entity("ba", EntityKind.Country).Entity("mk", EntityKind.Country)
        .Entity("aksk", EntityKind.NationalAuthority).Entity("mkd-cirt", EntityKind.Csirt)
        .Entity("first", EntityKind.Network).Entity("csirts-network", EntityKind.Network)
        .Entity("al-strategy", EntityKind.Strategy).Entity("mk-strategy", EntityKind.Strategy)
        .Entity("nis2", EntityKind.Legislation).Entity("al-law", EntityKind.Legislation).Entity("mk-law", EntityKind.Legislation)
        .Entity("wb3c", EntityKind.RegionalCentre)
        .Relation("al", "DESIGNATED_AS", "aksk", validFrom: new(2017, 1, 1))
        .Relation("aksk", "COMPETENT_AUTHORITY_OF", "al", confidence: Confidence.M)
        .Relation("al", "APPLIES", "al-strategy", validFrom: new(2025, 1, 1), validTo: new(2031, 1, 1))
        .Relation("al", "APPLIES", "al-law", validFrom: new(2024, 3, 1))
        .Relation("al-law", "ALIGNS_WITH", "nis2", validFrom: new(2024, 3, 1))
        .Relation("al", "BENEFICIARY_OF", "wb3c")
        .Relation("mk", "DESIGNATED_AS", "mkd-cirt")
        .Relation("mkd-cirt", "MEMBER_OF", "first", validFrom: new(2030, 1, 1))
        .Relation("mk", "APPLIES", "mk-strategy", validFrom: new(2018, 1, 1), validTo: new(2023, 1, 1))
        .Relation("mk", "ADOPTED", "mk-law", validFrom: new(2025, 7, 4))
        .Relation("mk", "APPLIES", "mk-law", validFrom: new(2026, 1, 1))
        .Relation("mk-law", "ALIGNS_WITH", "nis2", validFrom: new(2025, 7, 4))
        .Absence("ba", "DESIGNATED_AS", validFrom: new PartialDate(2020));

    private static EngineFixture Graph() => EngineFixture.Of(Facts().Build());

    private static GapItemReport Item(IReadOnlyList<GapReport> reports, string country, string item) =>
        reports.Single(r => r.Country == country).Items.Single(i => i.Item.Id == item);

    private static GapStatus Status(IReadOnlyList<GapReport> reports, string country, string item) => Item(reports, country, item).Status;

    [Fact]
    public void Each_country_gets_the_status_its_facts_and_absences_support()
    {
        using var fx = Graph();
        var reports = fx.Engine.Gaps(Template, null, Today);
        Assert.Equal(["al", "ba", "mk"], reports.Select(r => r.Country));
        Assert.Equal(GapStatus.Present, Status(reports, "al", "national-csirt"));
        Assert.Equal(GapStatus.Expired, Status(reports, "mk", "national-strategy"));
        Assert.Equal(GapStatus.Present, Status(reports, "al", "national-strategy"));
        Assert.Equal(GapStatus.NotEligible, Status(reports, "al", "csirts-network"));
        Assert.Equal(GapStatus.Present, Status(reports, "al", "competent-authority"));
        Assert.Equal(GapStatus.Present, Status(reports, "al", "nis2-law"));
        Assert.Equal(GapStatus.Present, Status(reports, "mk", "nis2-law"));
        // A documented absence makes MISSING, with the absence as evidence; no evidence either way is UNKNOWN.
        var missing = Item(reports, "ba", "national-csirt");
        Assert.Equal(GapStatus.Missing, missing.Status);
        Assert.Equal("no-ba-designated-as-any", Assert.Single(missing.Absences).Id);
        Assert.Equal(GapStatus.Unknown, Status(reports, "ba", "national-strategy"));
        Assert.Equal(GapStatus.Unknown, Status(reports, "ba", "competent-authority"));
        // The absence of a national CSIRT closes the chain to FIRST too: no CSIRT, no CSIRT in FIRST.
        Assert.Equal(GapStatus.Missing, Status(reports, "ba", "csirt-first-member"));
        // mkd-cirt joins FIRST only in 2030: nothing says it is not a member today, so it is not known, not missing.
        Assert.Equal(GapStatus.Unknown, Status(reports, "mk", "csirt-first-member"));
    }

    [Fact]
    public void The_score_counts_researched_items_and_coverage_says_how_many_that_is()
    {
        using var fx = Graph();
        var reports = fx.Engine.Gaps(Template, null, Today);
        var al = reports.Single(r => r.Country == "al");
        // al: 5 eligible items that count (support received is reported, not scored): csirt, first (unknown), strategy,
        // authority, law; 4 researched and present.
        Assert.Equal((5, 4, 0.8, 1.0), (al.Eligible, al.Researched, al.Coverage, al.Score));
        Assert.Equal(GapStatus.Present, Status(reports, "al", "support"));
        Assert.False(Item(reports, "al", "support").Item.CountsInScore);
        var ba = reports.Single(r => r.Country == "ba");
        Assert.Equal((2, 0.4, 0.0), (ba.Researched, ba.Coverage, ba.Score));
        var mk = reports.Single(r => r.Country == "mk");
        // mk: csirt present, strategy expired, law present, FIRST and authority unknown: (1 + 0 + 1) / 3.
        Assert.Equal((3, 0.6667), (mk.Researched, mk.Score));
    }

    [Fact]
    public void A_law_adopted_and_not_yet_applicable_is_partial_until_it_applies()
    {
        using var fx = Graph();
        var before = Item(fx.Engine.Gaps(Template, "mk", new DateOnly(2025, 6, 1)), "mk", "nis2-law");
        var adopted = Item(fx.Engine.Gaps(Template, "mk", new DateOnly(2025, 9, 1)), "mk", "nis2-law");
        var applies = Item(fx.Engine.Gaps(Template, "mk", new DateOnly(2026, 2, 1)), "mk", "nis2-law");
        Assert.Equal(GapStatus.Unknown, before.Status);
        Assert.Equal(GapStatus.Partial, adopted.Status);
        Assert.Equal("adopted, not yet applicable (full from 2026-01-01)", adopted.Detail);
        Assert.Equal(["mk", "mk-law", "nis2"], Assert.Single(adopted.Evidence).Entities.Select(e => e.Id));
        Assert.Equal(GapStatus.Present, applies.Status);
    }

    [Fact]
    public void A_partial_item_whose_full_chain_is_only_attested_does_not_give_the_attestation_as_its_start()
    {
        var graph = Facts().Build();
        // The law's application known only from a page read on 2026-01-01: no source dates its start.
        var attested = graph with
        {
            Relations = [.. graph.Relations.Select(r => r.Id == "mk-applies-mk-law" ? r with { ValidFrom = null, AttestedOn = new PartialDate(2026, 1, 1) } : r)],
        };
        using var fx = EngineFixture.Of(attested);
        var adopted = Item(fx.Engine.Gaps(Template, "mk", new DateOnly(2025, 9, 1)), "mk", "nis2-law");
        Assert.Equal(GapStatus.Partial, adopted.Status);
        Assert.Equal("adopted, not yet applicable (full: attested from 2026-01-01, start not dated)", adopted.Detail);
    }

    [Fact]
    public void A_law_in_force_that_was_repealed_is_expired_not_partial_because_it_was_once_adopted()
    {
        var graph = Facts().Build();
        var repealed = graph with
        {
            Relations = [.. graph.Relations.Select(r => r.Id == "mk-applies-mk-law" ? r with { ValidTo = new PartialDate(2026, 6, 1) } : r)],
        };
        using var fx = EngineFixture.Of(repealed);
        Assert.Equal(GapStatus.Expired, Item(fx.Engine.Gaps(Template, "mk", new DateOnly(2026, 9, 1)), "mk", "nis2-law").Status);
    }

    [Fact]
    public void A_partly_aligned_law_is_partial_and_scores_half()
    {
        var graph = Facts().Build();
        var partly = graph with
        {
            Relations = [.. graph.Relations.Select(r => r.Id == "al-law-aligns-with-nis2" ? r with { Alignment = Alignment.Partial } : r)],
        };
        using var fx = EngineFixture.Of(partly);
        var al = fx.Engine.Gaps(Template, "al", Today).Single();
        var law = al.Items.Single(i => i.Item.Id == "nis2-law");
        Assert.Equal((GapStatus.Partial, "partial alignment"), (law.Status, law.Detail));
        Assert.Equal(0.875, al.Score); // (1 + 1 + 1 + 0.5) / 4
    }

    [Fact]
    public void A_start_known_only_to_the_year_is_uncertain_inside_that_year_and_certain_after()
    {
        var graph = Facts().Build();
        var yearly = graph with
        {
            Relations = [.. graph.Relations.Select(r => r.Id == "al-designated-as-aksk" ? r with { ValidFrom = new PartialDate(2017) } : r)],
        };
        using var fx = EngineFixture.Of(yearly);
        var inside = Item(fx.Engine.Gaps(Template, "al", new DateOnly(2017, 6, 1)), "al", "national-csirt");
        var after = Item(fx.Engine.Gaps(Template, "al", new DateOnly(2018, 1, 1)), "al", "national-csirt");
        var before = Item(fx.Engine.Gaps(Template, "al", new DateOnly(2016, 12, 31)), "al", "national-csirt");
        Assert.Equal((GapStatus.Present, true), (inside.Status, inside.Uncertain));
        Assert.Equal((GapStatus.Present, false), (after.Status, after.Uncertain));
        Assert.Equal(GapStatus.Unknown, before.Status);
    }

    [Fact]
    public void Evidence_is_the_chain_of_relations_with_their_sources()
    {
        using var fx = Graph();
        var item = fx.Engine.Gaps(Template, "al", Today).Single().Items.Single(i => i.Item.Id == "national-csirt");
        var path = Assert.Single(item.Evidence);
        Assert.Equal(["al", "aksk"], path.Entities.Select(e => e.Id));
        Assert.Equal([GraphBuilder.DefaultSource], path.Steps.Single().Relations.Single().Sources.Select(c => c.Source));
    }

    [Fact]
    public void A_gap_is_a_statement_about_a_date()
    {
        using var fx = Graph();
        Assert.Equal(GapStatus.Present, Status(fx.Engine.Gaps(Template, "mk", new DateOnly(2020, 6, 1)), "mk", "national-strategy"));
        // Before the designation nothing documents an absence: unknown, not missing.
        Assert.Equal(GapStatus.Unknown, Status(fx.Engine.Gaps(Template, "al", new DateOnly(2016, 1, 1)), "al", "national-csirt"));
        // An absence documented from 2020 says nothing of 2019.
        Assert.Equal(GapStatus.Unknown, Status(fx.Engine.Gaps(Template, "ba", new DateOnly(2019, 6, 1)), "ba", "national-csirt"));
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
