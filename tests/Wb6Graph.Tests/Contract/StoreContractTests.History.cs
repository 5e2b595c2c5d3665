using Wb6Graph.Engine;
using Wb6Graph.Gaps;
using Wb6Graph.Model;
using Wb6Graph.Tests.Support;

namespace Wb6Graph.Tests.Contract;

/// <summary>
/// History that does not lie, on every backend: acts stay history after their parties end, successions show from their
/// day on, a date known only to the year is uncertain inside it, a law adopted and not yet applicable is partial, and
/// a gap is MISSING only on a documented absence.
/// </summary>
public abstract partial class StoreContractTests
{
    private static readonly DateOnly Jan2026 = new(2026, 1, 1);

    /// <summary>
    /// <code>
    ///   dg-near (ended 2025-02-01) ─PARTICIPATED_IN 2024-06-11→ conference ←ORGANIZED 2024-06-11─ wb3c ─ORGANIZED 2024-06-12→ handover
    ///   dg-near ─PART_OF (until 2025-02-01)→ eu      dg-near ─SUCCEEDED_BY 2025-02-01→ dg-enest
    ///   alcirt (ended in 2017) ─MERGED_INTO 2017→ aksk ─PARTICIPATED_IN 2024-09-03→ roundtable
    ///   me ─PARTY_TO (from 2010)→ budapest          me: no competent authority (documented absence from 2024)
    ///   mk ─ADOPTED 2025-07-04→ law ─ALIGNS_WITH (FULL)→ nis2     mk ─APPLIES (from 2026-01-01)→ law
    /// </code>
    /// </summary>
    internal static SeedGraph HistoryGraph() => new GraphBuilder()
        .Source("src-h")
        .Entity("eu", EntityKind.InternationalOrganization, "European Union")
        .Entity("dg-near", EntityKind.EuBody, "DG NEAR", validTo: new(2025, 2, 1))
        .Entity("dg-enest", EntityKind.EuBody, "DG ENEST", validFrom: new(2025, 2, 1))
        .Entity("wb3c", EntityKind.RegionalCentre, "WB3C")
        .Entity("conference", EntityKind.Event, "WB3C conference", validFrom: new(2024, 6, 11))
        .Entity("handover", EntityKind.Event, "Diagonal handover", validFrom: new(2024, 6, 12))
        .Entity("roundtable", EntityKind.Event, "Tirana roundtable", validFrom: new(2024, 9, 3))
        .Entity("alcirt", EntityKind.Csirt, "ALCIRT", validTo: new PartialDate(2017))
        .Entity("aksk", EntityKind.NationalAuthority, "AKSK", country: "al")
        .Entity("al", EntityKind.Country, "Albania").Entity("me", EntityKind.Country, "Montenegro").Entity("mk", EntityKind.Country, "North Macedonia")
        .Entity("budapest", EntityKind.Convention, "Budapest Convention")
        .Entity("law", EntityKind.Legislation, "NIS law", country: "mk").Entity("nis2", EntityKind.Legislation, "NIS2")
        .Relation("dg-near", "PARTICIPATED_IN", "conference", validFrom: new(2024, 6, 11))
        .Relation("wb3c", "ORGANIZED", "conference", validFrom: new(2024, 6, 11))
        .Relation("wb3c", "ORGANIZED", "handover", validFrom: new(2024, 6, 12))
        .Relation("dg-near", "PART_OF", "eu", validTo: new(2025, 2, 1))
        .Relation("dg-near", "SUCCEEDED_BY", "dg-enest", validFrom: new(2025, 2, 1))
        .Relation("alcirt", "MERGED_INTO", "aksk", validFrom: new PartialDate(2017))
        .Relation("aksk", "PARTICIPATED_IN", "roundtable", validFrom: new(2024, 9, 3))
        .Relation("me", "PARTY_TO", "budapest", validFrom: new PartialDate(2010))
        .Relation("mk", "ADOPTED", "law", validFrom: new(2025, 7, 4))
        .Relation("mk", "APPLIES", "law", validFrom: new(2026, 1, 1))
        .Relation("law", "ALIGNS_WITH", "nis2", validFrom: new(2025, 7, 4))
        .Absence(null, "COMPETENT_AUTHORITY_OF", "me", validFrom: new PartialDate(2024), id: "me-no-competent-authority")
        .Build();

    internal static GapTemplate HistoryTemplate() => new("history", "History", null, ["al", "me", "mk"],
    [
        new("competent-authority", "Competent authority", null, true, [new([RelationType.COMPETENT_AUTHORITY_OF], Direction.In, [], null)]),
        new("budapest", "Budapest Convention", null, true, [new([RelationType.PARTY_TO], Direction.Out, [], "budapest")]),
        new("nis2-law", "NIS2 law", null, true,
            [new([RelationType.APPLIES], Direction.Out, [EntityKind.Legislation], null), new([RelationType.ALIGNS_WITH], Direction.Out, [], "nis2")])
        {
            Partial = [[new([RelationType.ADOPTED], Direction.Out, [EntityKind.Legislation], null), new([RelationType.ALIGNS_WITH], Direction.Out, [], "nis2")]],
            PartialLabel = "adopted, not yet applicable",
        },
    ]);

    private async Task<(IGraphStore Store, IGraphQuestions Questions, IAsyncDisposable Owner)> HistoryAsync() => await OpenAsync(HistoryGraph());

    [ContractFact]
    public async Task An_act_stays_history_after_its_party_ended_while_its_states_end_with_it()
    {
        var (store, questions, owner) = await HistoryAsync();
        await using var _ = owner;

        var relations = (await store.GetRelationsOfAsync(["dg-near"], Direction.Out, new RelationFilter(AsOf: Jan2026)))["dg-near"];
        var around = await questions.NeighbourhoodAsync("conference", 1, new TraversalOptions(AsOf: Jan2026));

        Assert.Equal(["dg-near-participated-in-conference", "dg-near-succeeded-by-dg-enest"], relations.Select(r => r.Id).Order());
        Assert.Contains("dg-near", around.Entities.Select(e => e.Id));
        Assert.Contains(around.Relations, r => r.Id == "dg-near-participated-in-conference");
        // Before the conference the act had not happened.
        var before = (await store.GetRelationsOfAsync(["dg-near"], Direction.Out, new RelationFilter(AsOf: new DateOnly(2024, 6, 10))))["dg-near"];
        Assert.Equal(["dg-near-part-of-eu"], before.Select(r => r.Id));
    }

    [ContractFact]
    public async Task Successions_and_mergers_show_on_their_day_and_after()
    {
        var (store, _, owner) = await HistoryAsync();
        await using var _ = owner;
        var types = new HashSet<RelationType> { RelationType.SUCCEEDED_BY, RelationType.MERGED_INTO };

        async Task<string[]> On(DateOnly day) => [.. (await store.FindRelationsAsync(new RelationQuery(Types: types, AsOf: day))).Items.Select(r => r.Id).Order()];

        Assert.Equal(["alcirt-merged-into-aksk"], await On(new DateOnly(2025, 1, 31)));
        Assert.Equal(["alcirt-merged-into-aksk", "dg-near-succeeded-by-dg-enest"], await On(new DateOnly(2025, 2, 1)));
        Assert.Equal(["alcirt-merged-into-aksk", "dg-near-succeeded-by-dg-enest"], await On(Jan2026));
        Assert.Empty(await On(new DateOnly(2016, 12, 31)));
    }

    [ContractFact]
    public async Task A_date_known_only_to_the_year_is_uncertain_inside_it_and_certain_after()
    {
        var (store, questions, owner) = await HistoryAsync();
        await using var _ = owner;

        var party = await store.GetRelationAsync("me-party-to-budapest");
        Assert.Equal(("2010", DatePrecision.Year), (party!.ValidFrom.ToString(), party.ValidFrom!.Value.Precision));
        Assert.True(party.IsUncertainOn(new DateOnly(2010, 6, 1)));
        Assert.False(party.IsUncertainOn(new DateOnly(2011, 1, 1)));
        var inside = (await questions.GapsAsync(HistoryTemplate(), "me", new DateOnly(2010, 6, 1))).Single().Items.Single(i => i.Item.Id == "budapest");
        var after = (await questions.GapsAsync(HistoryTemplate(), "me", new DateOnly(2011, 1, 1))).Single().Items.Single(i => i.Item.Id == "budapest");
        Assert.Equal((GapStatus.Present, true), (inside.Status, inside.Uncertain));
        Assert.Equal((GapStatus.Present, false), (after.Status, after.Uncertain));
    }

    [ContractFact]
    public async Task A_law_adopted_in_2025_and_applicable_from_2026_is_partial_then_present()
    {
        var (_, questions, owner) = await HistoryAsync();
        await using var _ = owner;

        var mid2025 = (await questions.GapsAsync(HistoryTemplate(), "mk", new DateOnly(2025, 9, 1))).Single().Items.Single(i => i.Item.Id == "nis2-law");
        var in2026 = (await questions.GapsAsync(HistoryTemplate(), "mk", new DateOnly(2026, 3, 1))).Single().Items.Single(i => i.Item.Id == "nis2-law");

        Assert.Equal(GapStatus.Partial, mid2025.Status);
        Assert.StartsWith("adopted, not yet applicable", mid2025.Detail, StringComparison.Ordinal);
        Assert.Equal(GapStatus.Present, in2026.Status);
    }

    [ContractFact]
    public async Task Missing_needs_a_cited_absence_and_no_evidence_is_unknown()
    {
        var (_, questions, owner) = await HistoryAsync();
        await using var _ = owner;

        var reports = await questions.GapsAsync(HistoryTemplate(), null, Jan2026);
        var me = reports.Single(r => r.Country == "me").Items.Single(i => i.Item.Id == "competent-authority");
        var al = reports.Single(r => r.Country == "al").Items.Single(i => i.Item.Id == "competent-authority");

        Assert.Equal(GapStatus.Missing, me.Status);
        var absence = Assert.Single(me.Absences);
        Assert.Equal(("me-no-competent-authority", "src-h"), (absence.Id, Assert.Single(absence.Sources).Source));
        Assert.Equal(GapStatus.Unknown, al.Status);
        Assert.Empty(al.Absences);
        // An absence documented from 2024 says nothing of 2023.
        var earlier = (await questions.GapsAsync(HistoryTemplate(), "me", new DateOnly(2023, 6, 1))).Single().Items.Single(i => i.Item.Id == "competent-authority");
        Assert.Equal(GapStatus.Unknown, earlier.Status);
    }

    [ContractFact]
    public async Task Events_in_June_2024_are_the_conference_and_the_handover_newest_first()
    {
        var (store, _, owner) = await HistoryAsync();
        await using var _ = owner;

        var june = await store.FindHistoryAsync(new HistoryQuery(new DateOnly(2024, 6, 1), new DateOnly(2024, 6, 30), ActsOnly: true, NewestFirst: true));

        Assert.Equal(
            ["wb3c-organized-handover", "dg-near-participated-in-conference", "wb3c-organized-conference"],
            june.Items.Select(e => e.Relation.Id));
        Assert.All(june.Items, e => Assert.Equal(HistoryKind.Occurred, e.Kind));
        Assert.DoesNotContain(june.Items, e => e.Relation.To == "roundtable");
        Assert.Equal(3, june.TotalCount);
    }

    [ContractFact]
    public async Task Changes_list_what_began_ended_or_happened_for_a_country_oldest_first_and_page()
    {
        var (store, _, owner) = await HistoryAsync();
        await using var _ = owner;

        var mk = await store.FindHistoryAsync(new HistoryQuery(new DateOnly(2022, 1, 1), new DateOnly(2026, 12, 31), Country: "mk"));
        var firstPage = await store.FindHistoryAsync(new HistoryQuery(new DateOnly(2022, 1, 1), new DateOnly(2026, 12, 31), Country: "mk", First: 1));
        var second = await store.FindHistoryAsync(new HistoryQuery(new DateOnly(2022, 1, 1), new DateOnly(2026, 12, 31), Country: "mk", First: 1, After: firstPage.Cursors[0]));
        var dgNear = await store.FindHistoryAsync(new HistoryQuery(Entity: "dg-near"));

        Assert.Equal([("mk-adopted-law", HistoryKind.Occurred), ("law-aligns-with-nis2", HistoryKind.Began), ("mk-applies-law", HistoryKind.Began)],
            mk.Items.Select(e => (e.Relation.Id, e.Kind)));
        Assert.Equal(["mk-adopted-law"], firstPage.Items.Select(e => e.Relation.Id));
        Assert.True(firstPage.HasNextPage);
        Assert.Equal(["law-aligns-with-nis2"], second.Items.Select(e => e.Relation.Id));
        // On one day, what happened comes before what ended.
        Assert.Equal([("dg-near-participated-in-conference", HistoryKind.Occurred), ("dg-near-succeeded-by-dg-enest", HistoryKind.Occurred), ("dg-near-part-of-eu", HistoryKind.Ended)],
            dgNear.Items.Select(e => (e.Relation.Id, e.Kind)));
    }
}
