using Wb6Graph.Model;
using Wb6Graph.Seeds;

namespace Wb6Graph.Tests.Seeds;

public sealed class SeedValidationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wb6-seeds-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // A small seed folder that obeys every rule: a shipped document and a page read on a day, an act, a state, an
    // undated state attested by a source, a transition, a documented absence and a research record.
    private const string Valid = """
        sources:
          - id: communique
            title: Joint communique
            kind: official
            document: communique.txt
          - id: page
            title: A page
            kind: press
            language: en
            published: 2025-02
            url: https://example.org/page
            retrieved: 2026-12-04
        entities:
          - id: fr
            kind: Country
            name: France
            sources: [{source: communique, locator: para 1, note: France signed the communique.}]
          - id: wb3c
            kind: RegionalCentre
            name: Western Balkans Cyber Capacity Centre
            country: fr
            validFrom: 2023-05
            sources: [{source: communique, locator: para 2, note: The centre runs trainings since May 2023.}]
          - id: old-body
            kind: NationalAuthority
            name: Old body
            validTo: 2025-02-01
            sources: [{source: page, locator: para 1, note: The body was replaced in February 2025.}]
          - id: new-body
            kind: NationalAuthority
            name: New body
            validFrom: 2025-02-01
            sources: [{source: page, locator: para 1, note: A new body took over in February 2025.}]
        relations:
          - type: FOUNDED
            from: fr
            to: wb3c
            occurredOn: 2023
            confidence: H
            sources: [{source: communique, locator: para 2, note: France is one of the founders.}]
          - type: COOPERATES_WITH
            from: old-body
            to: wb3c
            validFrom: 2023-06
            validTo: 2024
            confidence: M
            sources: [{source: page, locator: para 2, note: The two worked together.}]
          - type: MEMBER_OF
            from: fr
            to: wb3c
            attestedOn: 2024-06-14
            confidence: H
            sources: [{source: communique, locator: para 3, note: France is a member of the centre.}]
          - type: SUCCEEDED_BY
            from: old-body
            to: new-body
            occurredOn: 2025-02-01
            confidence: H
            sources: [{source: page, locator: para 1, note: The new body succeeded the old one.}]
        absences:
          - id: no-fr-designation
            from: fr
            type: DESIGNATED_AS
            role: national CSIRT
            validFrom: 2025
            confidence: M
            note: no national CSIRT named
            sources: [{source: page, locator: para 3, note: No national CSIRT is named.}]
        research:
          - country: fr
            item: national-csirt
            checked: 2026-12-04
            status: absence-documented
            consulted:
              - {source: page, result: says none is named}
              - {query: France national CSIRT, result: nothing newer}
            conclusion: No national CSIRT is documented.
        """;

    private const string Template = """
        id: t
        name: T
        countries: [fr]
        items:
          - id: national-csirt
            label: National CSIRT
            pattern:
              - {type: DESIGNATED_AS, role: national CSIRT}
        """;

    [Fact]
    public void The_valid_fixture_loads_with_dates_at_their_precision_and_citations_whole()
    {
        var result = Load(Valid);
        Assert.Empty(result.Errors);
        var founded = result.Graph.Relations.Single(r => r.Type == RelationType.FOUNDED);
        Assert.Equal("fr-founded-wb3c", founded.Id);
        Assert.Equal((new PartialDate(2023), (PartialDate?)null), (founded.OccurredOn!.Value, founded.ValidFrom));
        Assert.Equal(DatePrecision.Month, result.Graph.Entities.Single(e => e.Id == "wb3c").ValidFrom!.Value.Precision);
        Assert.Equal(new Citation("communique", "para 2", "France is one of the founders."), Assert.Single(founded.Sources));
        var member = result.Graph.Relations.Single(r => r.Type == RelationType.MEMBER_OF);
        Assert.True(member.StartUnknown);
        Assert.Equal(new PartialDate(2024, 6, 14), member.Start);
        Assert.Equal(("fr", "national CSIRT"), (Assert.Single(result.Graph.Absences).From, result.Graph.Absences[0].Role));
        var research = Assert.Single(result.Research);
        Assert.Equal((ResearchOutcome.AbsenceDocumented, 2), (research.Outcome, research.Consulted.Count));
        Assert.Equal("en", result.Graph.Sources.Single(s => s.Id == "page").Language);
    }

    public static TheoryData<string, string, string, string> Broken => new()
    {
        // find, replace, the text the error points at (in the broken file), the message
        { "kind: RegionalCentre", "kind: RegionalCenter", "RegionalCenter", "unknown entity kind" },
        { "type: FOUNDED", "type: ESTABLISHED", "ESTABLISHED", "unknown relation type" },
        { "to: wb3c\n    occurredOn", "to: wb3c-typo\n    occurredOn", "wb3c-typo", "unknown entity id" },
        { "  - id: wb3c", "  - id: fr", "fr\n    kind: RegionalCentre", "duplicate entity id" },
        { "validFrom: 2023-05", "validFrom: 2023-13-45", "2023-13-45", "bad date" },
        { "validTo: 2024\n", "validTo: 2023-02\n", "2023-02\n", "validTo must be after validFrom" },
        { "country: fr", "country: wb3c", "wb3c\n    validFrom", "is a RegionalCentre, not a Country" },
        { "name: France", "name: France\n    capital: Paris", "capital", "unknown field" },
        { "id: communique\n", "id: Communique Paris\n", "Communique Paris", "lower-kebab slug" },
        { "kind: official", "kind: blog", "blog", "unknown source kind" },
        // Provenance: a page needs the day it was read; every citation says where and what.
        { "    retrieved: 2026-12-04\n", "", "https://example.org/page", "needs 'retrieved'" },
        { "sources: [{source: communique, locator: para 1, note: France signed the communique.}]", "sources: [communique]", "communique]", "cite a source as {source, locator, note}" },
        { "locator: para 3, note: France is a member", "note: France is a member", "{source: communique, note: France is a member", "needs a 'locator'" },
        { "document: communique.txt", "document: missing.txt", "missing.txt", "no such file" },
        { "language: en", "language: English", "English", "ISO 639-1" },
        // Acts and states.
        { "occurredOn: 2023\n", "occurredOn: 2023\n    validTo: 2024\n", "2024\n    confidence: H\n    sources: [{source: communique, locator: para 2", "is an act" },
        { "validFrom: 2023-06", "occurredOn: 2023-06", "2023-06", "is a state" },
        { "occurredOn: 2023\n", "occurredOn: 2022\n", "2022", "before 'wb3c' begins" },
        { "occurredOn: 2025-02-01", "occurredOn: 2024-06-01", "2024-06-01", "ends its subject on the act's date" },
        { "    confidence: M\n    sources: [{source: page, locator: para 2", "    alignment: FULL\n    confidence: M\n    sources: [{source: page, locator: para 2", "FULL", "belongs to ALIGNS_WITH" },
        // The vocabulary's domain and range.
        { "type: MEMBER_OF\n    from: fr\n    to: wb3c", "type: MEMBER_OF\n    from: fr\n    to: old-body", "old-body\n    attestedOn", "MEMBER_OF goes to" },
        // A documented absence that a stated fact contradicts is a conflict, not silently resolved.
        { "type: COOPERATES_WITH\n    from: old-body\n    to: wb3c\n    validFrom: 2023-06\n    validTo: 2024", "type: DESIGNATED_AS\n    role: national CSIRT\n    from: fr\n    to: new-body\n    validFrom: 2025-03", "no-fr-designation", "contradicted by relation 'fr-designated-as-new-body'" },
        { "    role: national CSIRT\n    validFrom: 2025", "    validFrom: 2025\n    validTo: 2024", "2024\n    confidence: M\n    note", "validTo must be after validFrom" },
        // Research records name a country and an item of a template.
        { "item: national-csirt", "item: national-cert", "national-cert", "no gap template has this item" },
        { "status: absence-documented", "status: looked", "looked", "unknown research status" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_broken_fixture_is_reported_with_its_file_line_and_column(string find, string replace, string at, string message)
    {
        var yaml = Valid.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Valid, yaml);
        var result = Load(yaml);
        Assert.False(result.IsValid);
        Assert.Empty(result.Graph.Entities);
        var error = Assert.Single(result.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal($"{FilePath}:{Position(yaml, at)}", error.Where);
    }

    [Fact]
    public void An_old_seed_files_date_means_what_its_type_says()
    {
        var yaml = Valid
            .Replace("occurredOn: 2023\n", "date: 2023\n", StringComparison.Ordinal)
            .Replace("validFrom: 2023-06\n    validTo: 2024", "date: 2023-06\n    validTo: 2024", StringComparison.Ordinal);
        var result = Load(yaml);
        Assert.Empty(result.Errors);
        Assert.Equal(new PartialDate(2023), result.Graph.Relations.Single(r => r.Type == RelationType.FOUNDED).OccurredOn);
        Assert.Equal(new PartialDate(2023, 6), result.Graph.Relations.Single(r => r.Type == RelationType.COOPERATES_WITH).ValidFrom);
    }

    [Fact]
    public void Invalid_yaml_is_reported_where_the_parser_stopped()
    {
        var result = Load("entities:\n  - id: a\n    name: [unclosed\n");
        var error = Assert.Single(result.Errors, e => e.Where.StartsWith(FilePath, StringComparison.Ordinal));
        Assert.StartsWith($"{FilePath}:", error.Where, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_errors_are_reported_at_once_across_files()
    {
        File.WriteAllText(Path.Combine(_dir, "b.yaml"), "relations:\n  - {type: FUNDS, from: x, to: y, confidence: H, sources: [{source: nope, locator: p, note: n}]}\n");
        var result = Load(Valid.Replace("kind: Country", "kind: Land", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Message.Contains("unknown entity kind", StringComparison.Ordinal));
        Assert.Equal(2, result.Errors.Count(e => e.Message == "unknown entity id" && e.Where.Contains("b.yaml", StringComparison.Ordinal)));
        Assert.Contains(result.Errors, e => e.Value == "nope" && e.Where.Contains("b.yaml:2", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_relation_ids_from_the_default_id_ask_for_an_explicit_id()
    {
        var yaml = Valid.Replace("absences:", """
              - type: FOUNDED
                from: fr
                to: wb3c
                confidence: M
                sources: [{source: communique, locator: para 2, note: Founder again.}]
            absences:
            """, StringComparison.Ordinal);
        var error = Assert.Single(Load(yaml).Errors);
        Assert.Contains("give one of them an explicit id", error.Message, StringComparison.Ordinal);
        Assert.Equal($"{FilePath}:{Position(yaml, "type: FOUNDED\n    from: fr\n    to: wb3c\n    confidence: M")}", error.Where);
    }

    [Fact]
    public void A_template_that_names_unknown_types_or_ids_is_rejected_with_its_place()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "templates"));
        File.WriteAllText(Path.Combine(_dir, "templates", "t.yaml"), """
            id: t
            name: T
            countries: [fr, wb3c]
            items:
              - id: national-csirt
                label: One
                pattern:
                  - {type: DESIGNATED, to: nowhere}
                partial:
                  - - {type: ADOPTED, kind: Strategy, role: national cybersecurity strategy}
            """);
        var result = Load(Valid);
        var tpl = SeedLoader.DisplayPath(Path.Combine(_dir, "templates", "t.yaml"));
        Assert.Contains(result.Errors, e => e.Value == "wb3c" && e.Where == $"{tpl}:3:17");
        Assert.Contains(result.Errors, e => e.Value == "DESIGNATED" && e.Message == "unknown relation type");
        Assert.Contains(result.Errors, e => e.Value == "nowhere" && e.Message == "unknown entity id");
    }

    private string FilePath => SeedLoader.DisplayPath(Path.Combine(_dir, "a.yaml"));

    /// <summary>line:column (1-based) of the first occurrence of <paramref name="text"/>.</summary>
    private static string Position(string yaml, string text)
    {
        var at = yaml.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{text}' is not in the fixture");
        var line = yaml[..at].Count(c => c == '\n') + 1;
        var column = at - (yaml.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1;
        if (at == 0) column = 1;
        return $"{line}:{column}";
    }

    private SeedLoadResult Load(string yaml)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "documents"));
        File.WriteAllText(Path.Combine(_dir, "documents", "communique.txt"), "The communique.");
        Directory.CreateDirectory(Path.Combine(_dir, "templates"));
        if (!File.Exists(Path.Combine(_dir, "templates", "t.yaml"))) File.WriteAllText(Path.Combine(_dir, "templates", "t.yaml"), Template);
        File.WriteAllText(Path.Combine(_dir, "a.yaml"), yaml);
        return SeedLoader.LoadDirectory(_dir);
    }
}
