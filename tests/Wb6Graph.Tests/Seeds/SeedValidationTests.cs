using Wb6Graph.Model;
using Wb6Graph.Seeds;

namespace Wb6Graph.Tests.Seeds;

public sealed class SeedValidationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wb6-seeds-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Line numbers below refer to this text: keep it in step with the cases.
    private const string Valid = """
        sources:
          - id: communique
            title: Joint communique
            kind: official
            document: wb3c-podgorica-conference-2024-06-14.txt
        entities:
          - id: fr
            kind: Country
            name: France
            sources: [communique]
          - id: wb3c
            kind: RegionalCentre
            name: Western Balkans Cyber Capacity Centre
            country: fr
            validFrom: 2023-05
            sources: [communique]
        relations:
          - type: FOUNDED
            from: fr
            to: wb3c
            confidence: H
            sources: [communique]
        """;

    [Fact]
    public void The_valid_fixture_loads_with_defaults_filled_in()
    {
        var result = Load(Valid);
        Assert.Empty(result.Errors);
        var relation = Assert.Single(result.Graph.Relations);
        Assert.Equal("fr-founded-wb3c", relation.Id);
        Assert.Equal(new DateOnly(2023, 5, 1), result.Graph.Entities.Single(e => e.Id == "wb3c").ValidFrom);
    }

    [Theory]
    [InlineData("kind: RegionalCentre", "kind: RegionalCenter", 12, 11, "unknown entity kind")]
    [InlineData("type: FOUNDED", "type: ESTABLISHED", 18, 11, "unknown relation type")]
    [InlineData("to: wb3c", "to: wb3c-typo", 20, 9, "unknown entity id")]
    [InlineData("  - id: wb3c", "  - id: fr", 11, 9, "duplicate entity id")]
    [InlineData("    confidence: H\n    sources: [communique]", "    confidence: H", 18, 5, "needs at least one source")]
    [InlineData("    sources: [communique]\nrelations", "    sources: [nowhere]\nrelations", 16, 14, "unknown source id")]
    [InlineData("validFrom: 2023-05", "validFrom: 2023-13-45", 15, 16, "bad date")]
    [InlineData("validFrom: 2023-05", "validFrom: 2023-05\n    validTo: 2020-01-01", 16, 14, "validTo must be after validFrom")]
    [InlineData("country: fr", "country: wb3c", 14, 14, "is a RegionalCentre, not a Country")]
    [InlineData("name: France", "name: France\n    capital: Paris", 10, 5, "unknown field")]
    [InlineData("    confidence: H\n", "", 18, 5, "missing required field 'confidence'")]
    [InlineData("id: communique\n", "id: Communique Paris\n", 2, 9, "lower-kebab slug")]
    [InlineData("kind: official", "kind: blog", 4, 11, "unknown source kind")]
    public void Each_broken_fixture_is_reported_with_its_file_line_and_column(string find, string replace, int line, int column, string message)
    {
        var yaml = Valid.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Valid, yaml);
        var result = Load(yaml);
        Assert.False(result.IsValid);
        Assert.Empty(result.Graph.Entities);
        var error = Assert.Single(result.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal($"{FilePath}:{line}:{column}", error.Where);
    }

    [Fact]
    public void Invalid_yaml_is_reported_where_the_parser_stopped()
    {
        var result = Load("entities:\n  - id: a\n    name: [unclosed\n");
        var error = Assert.Single(result.Errors);
        Assert.StartsWith($"{FilePath}:", error.Where, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_errors_are_reported_at_once_across_files()
    {
        File.WriteAllText(Path.Combine(_dir, "b.yaml"), "relations:\n  - {type: FUNDS, from: x, to: y, confidence: H, sources: [nope]}\n");
        var result = Load(Valid.Replace("kind: Country", "kind: Land", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Message.Contains("unknown entity kind", StringComparison.Ordinal));
        Assert.Equal(2, result.Errors.Count(e => e.Message == "unknown entity id" && e.Where.Contains("b.yaml", StringComparison.Ordinal)));
        Assert.Contains(result.Errors, e => e.Value == "nope" && e.Where.Contains("b.yaml:2", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_relation_ids_from_the_default_id_ask_for_an_explicit_id()
    {
        var yaml = Valid + "\n  - type: FOUNDED\n    from: fr\n    to: wb3c\n    confidence: M\n    sources: [communique]\n";
        var error = Assert.Single(Load(yaml).Errors);
        Assert.Contains("give one of them an explicit id", error.Message, StringComparison.Ordinal);
        Assert.Equal($"{FilePath}:23:5", error.Where);
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
              - id: one
                label: One
                pattern:
                  - {type: DESIGNATED, to: nowhere}
            """);
        var result = Load(Valid);
        var tpl = SeedLoader.DisplayPath(Path.Combine(_dir, "templates", "t.yaml"));
        Assert.Contains(result.Errors, e => e.Value == "wb3c" && e.Where == $"{tpl}:3:17");
        Assert.Contains(result.Errors, e => e.Value == "DESIGNATED" && e.Message == "unknown relation type");
        Assert.Contains(result.Errors, e => e.Value == "nowhere" && e.Message == "unknown entity id");
    }

    private string FilePath => SeedLoader.DisplayPath(Path.Combine(_dir, "a.yaml"));

    private SeedLoadResult Load(string yaml)
    {
        File.WriteAllText(Path.Combine(_dir, "a.yaml"), yaml);
        return SeedLoader.LoadDirectory(_dir);
    }
}
