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

/// <summary>Answers worked out by hand from the two source documents and DOMAIN.md's table.</summary>
public sealed class CuratedGraphTests(CuratedGraph graph) : IClassFixture<CuratedGraph>
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void The_curated_seeds_are_valid_and_hold_the_fixed_ids()
    {
        Assert.Empty(graph.Seeds.Errors);
        string[] fixedIds = ["al", "ba", "xk", "me", "mk", "rs", "fr", "si", "enisa", "dg-near", "eeas", "wb3c", "kcss", "osf-wb", "ascend-wb6", "aksk", "unoda", "ega"];
        Assert.All(fixedIds, id => Assert.Contains(graph.Seeds.Graph.Entities, e => e.Id == id));
    }

    [Fact]
    public void Every_fact_cites_a_source_and_each_source_document_is_cited()
    {
        var cited = graph.Seeds.Graph.Entities.SelectMany(e => e.Sources).Concat(graph.Seeds.Graph.Relations.SelectMany(r => r.Sources)).ToHashSet();
        var documents = graph.Seeds.Graph.Sources.Where(s => s.Document is not null).ToList();
        Assert.Equal(["kcss-tirana-roundtable-2024-09-03.txt", "wb3c-podgorica-conference-2024-06-14.txt"], documents.Select(d => d.Document).Order());
        Assert.All(documents, d => Assert.Contains(d.Id, cited));
    }

    [Fact]
    public async Task France_Slovenia_and_Montenegro_founded_WB3C()
    {
        var founders = (await graph.Store.GetRelationsOfAsync(["wb3c"], Direction.In, new RelationFilter(new HashSet<RelationType> { RelationType.FOUNDED })))["wb3c"];
        Assert.Equal(["fr", "me", "si"], founders.Select(r => r.From).Order());
        Assert.All(founders, r => Assert.Equal(Confidence.H, r.Confidence));
    }

    [Fact]
    public void KCSS_reaches_ENISA_in_two_hops_through_its_roundtable_and_through_its_director()
    {
        var paths = graph.Engine.Paths("kcss", "enisa", 3, new TraversalOptions()).Value;
        Assert.Equal(3, paths.Count);
        Assert.Equal([2, 2], paths.Take(2).Select(p => p.Length));
        var viaRoundtable = paths.Take(2).Single(p => p.Entities[1].Id == "tirana-roundtable-2024");
        Assert.Contains(viaRoundtable.Steps[0].Relations, r => r.Type == RelationType.ORGANIZED);
        Assert.Equal(RelationType.ADVOCATES_FOR, viaRoundtable.Steps[1].Relations.Single().Type);
        var viaDirector = paths.Take(2).Single(p => p.Entities[1].Id == "mentor-vrajolli");
        Assert.Equal(RelationType.LEADS, viaDirector.Steps[0].Relations.Single().Type);
        Assert.All(paths.Take(2).SelectMany(p => p.Relations), r => Assert.Contains("kcss-roundtable-2024-09-03", r.Sources));
        Assert.True(paths[2].Length >= 2);
    }

    [Fact]
    public void Bosnia_and_Herzegovina_is_the_WB6_country_without_a_national_CSIRT()
    {
        var reports = graph.Engine.Gaps(graph.EuAlignment, null, Today);
        Assert.Equal(["al", "ba", "xk", "me", "mk", "rs"], reports.Select(r => r.Country));
        var missing = reports.Where(r => r.Items.Single(i => i.Item.Id == "national-csirt").Status == GapStatus.Missing).Select(r => r.Country);
        Assert.Equal(["ba"], missing);
    }

    [Fact]
    public void The_gap_report_reads_as_the_sources_say()
    {
        var reports = graph.Engine.Gaps(graph.EuAlignment, null, Today).ToDictionary(r => r.Country);
        GapStatus Status(string country, string item) => reports[country].Items.Single(i => i.Item.Id == item).Status;

        Assert.All(reports.Keys, c => Assert.Equal(GapStatus.Missing, Status(c, "enisa-working-arrangement")));
        Assert.All(reports.Keys, c => Assert.Equal(GapStatus.NotEligible, Status(c, "csirts-network")));
        Assert.All(reports.Keys, c => Assert.Equal(GapStatus.Present, Status(c, "regional-capacity-building")));
        Assert.Equal(GapStatus.Expired, Status("mk", "national-strategy"));
        Assert.Equal(GapStatus.Missing, Status("ba", "national-strategy"));
        Assert.Equal(GapStatus.Present, Status("al", "national-strategy"));
        Assert.Equal(GapStatus.Missing, Status("xk", "budapest-convention"));
        Assert.Equal(GapStatus.Present, Status("ba", "budapest-convention"));
        Assert.Equal(GapStatus.Present, Status("me", "csirt-first-member"));
        Assert.Equal(GapStatus.Present, Status("rs", "csirt-first-member"));
        Assert.Equal(GapStatus.Missing, Status("al", "csirt-first-member"));
        Assert.Equal(GapStatus.Present, Status("mk", "nis2-law"));
    }

    [Fact]
    public async Task Before_2023_WB3C_and_its_relations_are_not_there()
    {
        var in2020 = new DateOnly(2020, 1, 1);
        var wb3c = (await graph.Store.GetRelationsOfAsync(["wb3c"], Direction.Both, new RelationFilter(AsOf: in2020)))["wb3c"];
        Assert.Empty(wb3c);
        Assert.NotEmpty((await graph.Store.GetRelationsOfAsync(["wb3c"], Direction.Both, new RelationFilter(AsOf: Today)))["wb3c"]);
        Assert.Null(graph.Engine.ShortestPath("fr", "wb3c", new TraversalOptions(AsOf: in2020)).Value);

        // Some of WB3C's relations carry no dates of their own: on a date before WB3C existed they still do not hold.
        var then = graph.Engine.Neighbourhood("wb3c", 1, new TraversalOptions(AsOf: in2020));
        Assert.Equal(["wb3c"], then.Entities.Select(e => e.Id));
        Assert.Empty(then.Relations);
        Assert.NotEmpty(graph.Engine.Neighbourhood("wb3c", 1, new TraversalOptions(AsOf: Today)).Relations);
    }

    [Fact]
    public async Task DG_NEAR_is_gone_after_1_February_2025_and_DG_ENEST_took_its_place()
    {
        var before = (await graph.Store.FindEntitiesAsync(new EntityQuery(Search: "DG NEAR", AsOf: new DateOnly(2025, 1, 31))));
        var after = (await graph.Store.FindEntitiesAsync(new EntityQuery(Search: "DG NEAR", AsOf: new DateOnly(2025, 2, 1))));
        Assert.Contains(before.Items, e => e.Id == "dg-near");
        Assert.DoesNotContain(after.Items, e => e.Id == "dg-near");
        var succession = (await graph.Store.GetRelationAsync("dg-near-succeeded-by-dg-enest"))!;
        Assert.Equal(new DateOnly(2025, 2, 1), succession.ValidFrom);
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
