using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Wb6Graph.Cli;
using Wb6Graph.Export;
using Wb6Graph.Tests.Support;

namespace Wb6Graph.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("export", "--format", "dot")]
    [InlineData("export")]
    [InlineData("generate", "--entities", "1000001", "--data-dir", "x")]
    [InlineData("generate", "--relations", "10000001", "--data-dir", "x")]
    [InlineData("generate", "--entities", "many", "--data-dir", "x")]
    [InlineData("generate")]
    public async Task Usage_errors_exit_2_with_the_reason_on_stderr(params string[] args)
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(stdout);
        Assert.Contains("error:", stderr);
    }

    [Fact]
    public async Task Generate_beyond_the_limit_says_what_the_limit_is()
    {
        var (_, _, stderr) = await CliRunner.RunAsync("generate", "--entities", "2000000", "--data-dir", _cli.PathOf("big"));

        Assert.Contains("1,000,000", stderr);
    }

    [Fact]
    public async Task Help_documents_the_exit_codes_and_every_verb()
    {
        var (code, stdout, _) = await CliRunner.RunAsync("--help");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("3  store or I/O error", stdout);
        foreach (var verb in new[] { "validate", "load", "stats", "export", "generate" }) Assert.Contains(verb, stdout);
    }

    [Fact]
    public async Task Validate_a_broken_seed_folder_exits_1_and_points_at_file_line_column()
    {
        var seeds = _cli.PathOf("broken");
        _cli.WriteFile("broken/entities.yaml", CliRunner.ValidSeeds.Replace("kind: RegionalCentre", "kind: Planet"));

        var (code, _, stderr) = await CliRunner.RunAsync("validate", seeds);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Matches(new Regex(@"entities\.yaml:\d+:\d+: .*Planet", RegexOptions.Multiline), stderr);
    }

    [Fact]
    public async Task Validate_a_good_seed_folder_exits_0_and_counts_it()
    {
        _cli.WriteFile("good/graph.yaml", CliRunner.ValidSeeds);

        var (code, stdout, stderr) = await CliRunner.RunAsync("validate", _cli.PathOf("good"));

        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Contains("3 entities, 2 relations", stdout);
    }

    [Fact]
    public async Task Load_refuses_invalid_seeds_without_touching_the_store()
    {
        _cli.WriteFile("broken/graph.yaml", CliRunner.ValidSeeds.Replace("to: wb3c", "to: nowhere"));

        var (code, _, stderr) = await CliRunner.RunAsync("load", "--seeds", _cli.PathOf("broken"), "--data-dir", _cli.PathOf("data"));

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("nowhere", stderr);
        Assert.False(Directory.Exists(_cli.PathOf("data")));
    }

    [Fact]
    public async Task Load_export_and_reload_from_json_keeps_every_record()
    {
        _cli.WriteFile("seeds/graph.yaml", CliRunner.ValidSeeds);
        var first = _cli.PathOf("first");
        var second = _cli.PathOf("second");
        var exported = _cli.PathOf("graph.json");

        var load = await CliRunner.RunAsync("load", "--seeds", _cli.PathOf("seeds"), "--data-dir", first);
        Assert.True(load.Code == ExitCodes.Ok, load.Err);
        Assert.Contains("3 entities, 2 relations", load.Out);
        var export = await CliRunner.RunAsync("export", "--format", "json", "--output", exported, "--data-dir", first);
        Assert.True(export.Code == ExitCodes.Ok, export.Err);
        var reload = await CliRunner.RunAsync("load", "--input", exported, "--data-dir", second);
        Assert.True(reload.Code == ExitCodes.Ok, reload.Err);
        var again = await CliRunner.RunAsync("export", "--format", "json", "--data-dir", second);

        var original = await JsonGraphReader.ReadAsync(File.OpenRead(exported));
        var copy = await JsonGraphReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(again.Out)));
        GraphAssert.Equal(original, copy);
        Assert.Equal("host, \"seat\"", copy.Relations.Single(r => r.Id == "wb3c-based-in-me").Role);
    }

    [Fact]
    public async Task Load_of_a_malformed_json_export_exits_1()
    {
        var file = _cli.WriteFile("bad.json", """{"entities":[{"id":"x","kind":"Planet","name":"X"}]}""");

        var (code, _, stderr) = await CliRunner.RunAsync("load", "--input", file, "--data-dir", _cli.PathOf("data"));

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("entities[0].kind", stderr);
    }

    [Fact]
    public async Task Load_of_a_json_export_that_breaks_the_seed_rules_names_the_record_and_stores_nothing()
    {
        var data = _cli.PathOf("data");
        var file = _cli.WriteFile("dangling.json", """
            {"sources": [{"id": "s", "title": "S", "url": "https://example.org/s", "kind": "official"}],
             "entities": [{"id": "fr", "kind": "Country", "name": "France", "sources": ["s"]}],
             "relations": [{"id": "fr-funds-x", "type": "FUNDS", "from": "fr", "to": "nowhere", "confidence": "H", "sources": ["s"]}]}
            """);

        var (code, _, stderr) = await CliRunner.RunAsync("load", "--input", file, "--data-dir", data);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("dangling.json: relations[0].to: unknown entity id (got 'nowhere')", stderr);
        var stats = await CliRunner.RunAsync("stats", "--data-dir", data);
        Assert.DoesNotContain("France", stats.Out);
        Assert.Matches(@"entities\W+0\b", stats.Out);
    }

    [Fact]
    public async Task Generate_then_export_json_to_stdout_gives_only_parseable_json()
    {
        var data = _cli.PathOf("synthetic");

        var generate = await CliRunner.RunAsync("generate", "--entities", "50", "--relations", "200", "--seed", "7", "--data-dir", data);
        Assert.True(generate.Code == ExitCodes.Ok, generate.Err);
        var export = await CliRunner.RunAsync("export", "--format", "json", "--data-dir", data);

        Assert.Equal(ExitCodes.Ok, export.Code);
        using var doc = JsonDocument.Parse(export.Out);
        Assert.Equal(50, doc.RootElement.GetProperty("entities").GetArrayLength());
        Assert.Equal(200, doc.RootElement.GetProperty("relations").GetArrayLength());
        Assert.Equal(5, doc.RootElement.GetProperty("sources").GetArrayLength());
    }

    [Theory]
    [InlineData("graphml")]
    [InlineData("gexf")]
    [InlineData("cypher")]
    [InlineData("csv")]
    public async Task Generate_then_export_every_format_to_a_file(string format)
    {
        var data = _cli.PathOf("synthetic");
        await CliRunner.RunAsync("generate", "-n", "30", "-m", "60", "--data-dir", data);
        var file = _cli.PathOf($"out.{format}");

        var (code, stdout, stderr) = await CliRunner.RunAsync("export", "-f", format, "-o", file, "--data-dir", data);

        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Empty(stdout);
        Assert.True(new FileInfo(file).Length > 0);
        if (format == "csv") Assert.Equal(31, File.ReadAllLines(_cli.PathOf("out.entities.csv")).Length);
    }

    [Fact]
    public async Task Stats_counts_by_kind_type_and_confidence()
    {
        _cli.WriteFile("seeds/graph.yaml", CliRunner.ValidSeeds);
        var data = _cli.PathOf("data");
        await CliRunner.RunAsync("load", "--seeds", _cli.PathOf("seeds"), "--data-dir", data);

        var (code, stdout, stderr) = await CliRunner.RunAsync("stats", "--data-dir", data);

        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Contains("RegionalCentre", stdout);
        Assert.Contains("FOUNDED", stdout);
        Assert.Contains("confidence", stdout);
    }
}
