using Wb6Graph.Embedded;
using Wb6Graph.Engine;
using Wb6Graph.Gaps;
using Wb6Graph.Tests.Support;
using Wb6Graph.Model;
using Wb6Graph.Seeds;

namespace Wb6Graph.Tests.Curated;

/// <summary>The curated seeds, loaded once for every test of this class.</summary>
public sealed class CuratedGraph : IDisposable
{
    public CuratedGraph()
    {
        Seeds = SeedLoader.LoadDirectory(Repo.Path("graph-seeds"));
        Store = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { InMemory = true });
        if (Seeds.IsValid) Store.LoadSeedsAsync(Seeds.Graph).GetAwaiter().GetResult();
        Engine = new GraphEngine(Store, new EngineLimits());
    }

    public SeedLoadResult Seeds { get; }

    public EmbeddedGraphStore Store { get; }

    public GraphEngine Engine { get; }

    public GapTemplate EuAlignment => Seeds.Templates.Single(t => t.Id == "eu-alignment");

    public void Dispose() => Store.Dispose();
}

/// <summary>
/// What the curated seeds must hold, and answers worked out by hand from the sources they cite: the two source
/// documents, the authorities' pages, the Council of Europe's treaty chart, FIRST news items and the research records.
/// </summary>
public sealed class CuratedGraphTests(CuratedGraph graph) : IClassFixture<CuratedGraph>
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    private static readonly string[] Wb6 = ["al", "ba", "xk", "me", "mk", "rs"];

    [Fact]
    public void The_curated_seeds_are_valid_and_hold_the_fixed_ids()
    {
        Assert.Empty(graph.Seeds.Errors);
        string[] fixedIds = ["al", "ba", "xk", "me", "mk", "rs", "fr", "si", "enisa", "dg-near", "dg-enest", "eeas", "wb3c", "kcss", "osf-wb", "ascend-wb6",
            "aksk", "unoda", "ega", "first", "trusted-introducer", "budapest-convention", "nis2", "csirts-network", "eu-cyclone", "diagonal",
            "cirt-me", "mkd-cirt", "kos-cert", "rs-national-cert", "ratel", "cert-republika-srpska"];
        Assert.All(fixedIds, id => Assert.Contains(graph.Seeds.Graph.Entities, e => e.Id == id));
    }

    [Fact]
    public void The_graph_is_large_enough_to_query_and_every_entity_has_a_relation()
    {
        var g = graph.Seeds.Graph;
        Assert.True(g.Entities.Count >= 300, $"{g.Entities.Count} entities");
        Assert.True(g.Relations.Count >= 1000, $"{g.Relations.Count} relations");
        Assert.True(g.Sources.Count >= 150, $"{g.Sources.Count} sources");
        var linked = g.Relations.SelectMany(r => new[] { r.From, r.To }).ToHashSet();
        Assert.Empty(g.Entities.Where(e => !linked.Contains(e.Id)).Select(e => e.Id));
    }

    [Fact]
    public void Every_fact_cites_a_source_with_where_and_what_and_each_source_is_cited()
    {
        var g = graph.Seeds.Graph;
        var citations = g.Entities.SelectMany(e => e.Sources).Concat(g.Relations.SelectMany(r => r.Sources)).Concat(g.Absences.SelectMany(a => a.Sources)).ToList();
        Assert.All(citations, c => Assert.False(string.IsNullOrWhiteSpace(c.Locator) || string.IsNullOrWhiteSpace(c.Note), c.Source));
        var cited = citations.Select(c => c.Source).Concat(graph.Seeds.Research.SelectMany(r => r.Consulted).Select(s => s.Source).OfType<string>()).ToHashSet();
        Assert.Empty(g.Sources.Where(s => !cited.Contains(s.Id)).Select(s => s.Id));
        var documents = g.Sources.Where(s => s.Document is not null).ToList();
        Assert.Equal(["kcss-tirana-roundtable-2024-09-03.txt", "wb3c-podgorica-conference-2024-06-14.txt"], documents.Select(d => d.Document).Order());
        Assert.All(g.Sources.Where(s => s.Url is not null), s => Assert.NotNull(s.Retrieved));
    }

    [Fact]
    public void Every_cell_of_the_matrix_is_researched_and_unknown_only_with_a_research_record()
    {
        var catalog = new GapTemplateCatalog();
        catalog.Replace(graph.Seeds.Templates, graph.Seeds.Research);
        foreach (var day in new[] { Today, new DateOnly(2022, 1, 1) })
        {
            var reports = graph.Engine.Gaps(graph.EuAlignment, null, day);
            Assert.Equal(Wb6, reports.Select(r => r.Country));
            foreach (var report in reports)
                foreach (var item in report.Items.Where(i => i.Status == GapStatus.Unknown))
                    Assert.True(catalog.Research(report.Country, item.Item.Id) is { Consulted.Count: > 0 }, $"{report.Country} {item.Item.Id} on {day} is UNKNOWN without a research record");
        }
        // Every eligible item of every country has a record of what was consulted, whatever its status.
        foreach (var country in Wb6)
            foreach (var item in graph.EuAlignment.Items.Where(i => i.EligibleBeforeAccession))
                Assert.True(catalog.Research(country, item.Id) is not null, $"no research record for {country} {item.Id}");
    }

    [Fact]
    public void A_missing_cell_rests_on_a_cited_absence()
    {
        var reports = graph.Engine.Gaps(graph.EuAlignment, null, Today);
        var missing = reports.SelectMany(r => r.Items.Where(i => i.Status == GapStatus.Missing).Select(i => (r.Country, i))).ToList();
        Assert.NotEmpty(missing);
        Assert.All(missing, m => Assert.True(m.i.Absences.Count > 0 && m.i.Absences.All(a => a.Sources.Count > 0), $"{m.Country} {m.i.Item.Id}"));
    }

    [Fact]
    public async Task France_Slovenia_and_Montenegro_founded_WB3C()
    {
        var founders = (await graph.Store.GetRelationsOfAsync(["wb3c"], Direction.In, new RelationFilter(new HashSet<RelationType> { RelationType.FOUNDED })))["wb3c"];
        Assert.Equal(["fr", "me", "si"], founders.Select(r => r.From).Order());
    }

    [Fact]
    public void Bosnia_and_Herzegovina_is_the_WB6_country_with_a_documented_absence_of_a_national_CSIRT()
    {
        var reports = graph.Engine.Gaps(graph.EuAlignment, null, Today);
        var missing = reports.Where(r => r.Items.Single(i => i.Item.Id == "national-csirt").Status == GapStatus.Missing).Select(r => r.Country);
        Assert.Equal(["ba"], missing);
        Assert.Equal(GapStatus.Present, reports.Single(r => r.Country == "me").Items.Single(i => i.Item.Id == "national-csirt").Status);
    }

    [Fact]
    public void The_gap_report_reads_as_the_sources_say()
    {
        var reports = graph.Engine.Gaps(graph.EuAlignment, null, Today).ToDictionary(r => r.Country);
        GapStatus Status(string country, string item) => reports[country].Items.Single(i => i.Item.Id == item).Status;

        Assert.All(Wb6, c => Assert.Equal(GapStatus.NotEligible, Status(c, "csirts-network")));
        Assert.All(Wb6, c => Assert.Equal(GapStatus.Present, Status(c, "regional-capacity-building")));
        // No source documents that an ENISA working arrangement is absent: not known, never "missing".
        Assert.All(Wb6, c => Assert.NotEqual(GapStatus.Missing, Status(c, "enisa-working-arrangement")));
        Assert.Equal(GapStatus.Missing, Status("ba", "national-strategy"));
        Assert.Equal(GapStatus.Present, Status("al", "national-strategy"));
        Assert.Equal(GapStatus.Present, Status("mk", "national-strategy")); // the 2025-2028 strategy
        Assert.Equal(GapStatus.Missing, Status("xk", "budapest-convention"));
        Assert.Equal(GapStatus.Present, Status("ba", "budapest-convention"));
        Assert.Equal(GapStatus.Present, Status("me", "csirt-first-member"));
        Assert.Equal(GapStatus.Present, Status("rs", "csirt-first-member"));
        Assert.Equal(GapStatus.Present, Status("mk", "nis2-law"));
        Assert.Equal(GapStatus.Partial, Status("al", "nis2-law"));
        // Support received is reported, not scored.
        Assert.All(reports.Values, r => Assert.Equal(10, r.Eligible));
    }

    [Fact]
    public void North_Macedonias_strategy_ran_out_in_2022_and_its_NIS_law_was_partial_before_it_applied()
    {
        GapItemReport Item(DateOnly day, string item) => graph.Engine.Gaps(graph.EuAlignment, "mk", day).Single().Items.Single(i => i.Item.Id == item);
        Assert.Equal(GapStatus.Present, Item(new DateOnly(2020, 6, 1), "national-strategy").Status);
        Assert.Equal(GapStatus.Expired, Item(new DateOnly(2024, 6, 1), "national-strategy").Status);
        Assert.Equal(GapStatus.Partial, Item(new DateOnly(2025, 9, 1), "nis2-law").Status);
        Assert.Equal(GapStatus.Present, Item(new DateOnly(2026, 2, 1), "nis2-law").Status);
    }

    [Fact]
    public async Task Before_2022_WB3C_and_its_relations_are_not_there()
    {
        var in2020 = new DateOnly(2020, 1, 1);
        var wb3c = (await graph.Store.GetRelationsOfAsync(["wb3c"], Direction.Both, new RelationFilter(AsOf: in2020)))["wb3c"];
        Assert.Empty(wb3c);
        Assert.NotEmpty((await graph.Store.GetRelationsOfAsync(["wb3c"], Direction.Both, new RelationFilter(AsOf: Today)))["wb3c"]);
        Assert.Null(graph.Engine.ShortestPath("fr", "wb3c", new TraversalOptions(AsOf: in2020)).Value);
        var then = graph.Engine.Neighbourhood("wb3c", 1, new TraversalOptions(AsOf: in2020));
        Assert.Equal(["wb3c"], then.Entities.Select(e => e.Id));
        Assert.Empty(then.Relations);
    }

    [Fact]
    public async Task DG_NEAR_ended_on_1_February_2025_yet_its_part_in_the_June_2024_conference_is_history()
    {
        var before = await graph.Store.FindEntitiesAsync(new EntityQuery(Search: "DG NEAR", AsOf: new DateOnly(2025, 1, 31)));
        var after = await graph.Store.FindEntitiesAsync(new EntityQuery(Search: "DG NEAR", AsOf: new DateOnly(2025, 2, 1)));
        Assert.Contains(before.Items, e => e.Id == "dg-near");
        Assert.DoesNotContain(after.Items, e => e.Id == "dg-near");
        var succession = (await graph.Store.GetRelationAsync("dg-near-succeeded-by-dg-enest"))!;
        Assert.Equal(new PartialDate(2025, 2, 1), succession.OccurredOn);
        var in2026 = (await graph.Store.GetRelationsOfAsync(["dg-near"], Direction.Out, new RelationFilter(AsOf: new DateOnly(2026, 1, 1))))["dg-near"];
        Assert.Contains(in2026, r => r.Type == RelationType.PARTICIPATED_IN && r.To == "wb3c-conference-2024");
        Assert.Contains(in2026, r => r.Id == "dg-near-succeeded-by-dg-enest");
    }

    [Fact]
    public async Task Igli_Tafa_did_not_lead_AKSK_in_2010()
    {
        var in2010 = (await graph.Store.GetRelationsOfAsync(["igli-tafa"], Direction.Out, new RelationFilter(new HashSet<RelationType> { RelationType.LEADS }, new DateOnly(2010, 1, 1))))["igli-tafa"];
        var in2024 = (await graph.Store.GetRelationsOfAsync(["igli-tafa"], Direction.Out, new RelationFilter(new HashSet<RelationType> { RelationType.LEADS }, new DateOnly(2024, 9, 3))))["igli-tafa"];
        Assert.Empty(in2010);
        Assert.Contains(in2024, r => r.To == "aksk");
    }

    [Fact]
    public async Task Each_country_received_the_Diagonal_tool_from_WB3C_in_June_2024()
    {
        var received = (await graph.Store.GetRelationsOfAsync(["diagonal"], Direction.In, new RelationFilter(new HashSet<RelationType> { RelationType.RECEIVED })))["diagonal"];
        Assert.Equal(Wb6.Order(), received.Select(r => r.From).Order());
        Assert.All(received, r => Assert.Equal(new PartialDate(2024, 6, 12), r.OccurredOn));
        var events = await graph.Store.FindHistoryAsync(new HistoryQuery(new DateOnly(2024, 6, 1), new DateOnly(2024, 6, 30), ActsOnly: true, First: 200));
        Assert.Contains(events.Items, e => e.Relation.To == "wb3c-conference-2024");
        Assert.Contains(events.Items, e => e.Relation.To == "diagonal" || e.Relation.To == "diagonal-handover-2024");
        Assert.DoesNotContain(events.Items, e => e.Relation.To == "tirana-roundtable-2024");
    }

    [Theory]
    [InlineData("qkss", "kcss")]
    [InlineData("Shqiperi", "al")]
    [InlineData("crna gora", "me")]
    [InlineData("AKCESK", "aksk")]
    [InlineData("Srbija", "rs")]
    public async Task Search_finds_names_aliases_and_acronyms_whatever_the_case_and_diacritics(string query, string expected)
    {
        var found = (await graph.Store.FindEntitiesAsync(new EntityQuery(Search: query)));
        Assert.Equal(expected, found.Items[0].Id);
    }

    [Fact]
    public void The_seed_readme_documents_the_vocabulary_as_the_code_has_it()
    {
        // The tables after the README's "### Entity kinds" heading are the vocabulary's, printed; run the tests with
        // WB6GRAPH_UPDATE_SCHEMA=1 to rewrite them after a change to Vocabulary.cs, and review the diff.
        var path = Repo.Path("graph-seeds/README.md");
        var readme = File.ReadAllText(path).ReplaceLineEndings("\n");
        var at = readme.IndexOf("### Entity kinds", StringComparison.Ordinal);
        Assert.True(at > 0, "the README has no '### Entity kinds' section");
        var expected = readme[..at] + VocabularyTables();
        if (Environment.GetEnvironmentVariable("WB6GRAPH_UPDATE_SCHEMA") == "1") File.WriteAllText(path, expected);
        Assert.Equal(expected, readme);
    }

    private static string VocabularyTables()
    {
        var text = new System.Text.StringBuilder("### Entity kinds\n\n| kind | meaning |\n|---|---|\n");
        foreach (var kind in Enum.GetValues<EntityKind>()) text.Append($"| `{kind}` | {Vocabulary.Describe(kind)} |\n");
        text.Append("\n### Relation types\n\nAct: it happened on `occurredOn` and stays history. Transition: an act that ends its subject on its date. ")
            .Append("State: it holds from `validFrom` until `validTo` while both ends exist. The class says what a relation is about: an institutional ")
            .Append("tie, taking part in something, or words (discourse). \"Any organisation\": Country, EuBody, NationalAuthority, Csirt, Ministry, ")
            .Append("RegionalCentre, InternationalOrganization, NonProfit, Foundation, Company, Network.\n\n")
            .Append("| type | time | class | from | to | meaning |\n|---|---|---|---|---|---|\n");
        var all = Enum.GetValues<EntityKind>().Length;
        EntityKind[] organisations =
        [
            EntityKind.Country, EntityKind.EuBody, EntityKind.NationalAuthority, EntityKind.Csirt, EntityKind.Ministry, EntityKind.RegionalCentre,
            EntityKind.InternationalOrganization, EntityKind.NonProfit, EntityKind.Foundation, EntityKind.Company, EntityKind.Network,
        ];
        string Kinds(IReadOnlySet<EntityKind> kinds) =>
            kinds.Count == all ? "any"
            : organisations.All(kinds.Contains) ? string.Join(", ", kinds.Except(organisations).Order().Select(k => k.ToString()).Prepend("any organisation"))
            : string.Join(", ", kinds.Order());
        foreach (var t in Vocabulary.AllTypes)
            text.Append($"| `{t.Type}` | {t.Temporality.ToString().ToLowerInvariant()} | {t.Class.ToString().ToLowerInvariant()} | {Kinds(t.Domain)} | {Kinds(t.Range)} | {t.Description} |\n");
        return text.ToString();
    }
}
