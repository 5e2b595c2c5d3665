using System.Text.RegularExpressions;
using Wb6Graph.Cli;
using Wb6Graph.Embedded;

namespace Wb6Graph.Tests.Cli;

/// <summary>Start-up says what is wrong: seed files by file:line:column, a store that cannot be used by its path and setting.</summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("entities:\n  - id: a\n    name: [unclosed\n", @"bad\.yaml:\d+:\d+: not valid YAML")]
    [InlineData("entities:\n  - id: a\n  - id: b\n id: c\n", @"bad\.yaml:4:\d+: not valid YAML")]
    [InlineData("a: 1\na: 2\n", @"bad\.yaml:2:\d+: not valid YAML: Duplicate key")]
    [InlineData("entities: &x\n  - *y\n", @"bad\.yaml:\d+:\d+: not valid YAML")]
    public async Task A_yaml_syntax_error_is_file_line_column_and_exit_1(string yaml, string expected)
    {
        _cli.WriteFile("seeds/good.yaml", CliRunner.ValidSeeds);
        _cli.WriteFile("seeds/bad.yaml", yaml);
        var (code, _, stderr) = await CliRunner.RunAsync("validate", _cli.PathOf("seeds"));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Matches(new Regex(expected), stderr);
        Assert.DoesNotContain("unexpected error", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public async Task A_template_with_a_syntax_error_and_a_file_that_is_not_utf8_are_errors_of_their_files()
    {
        _cli.WriteFile("seeds/good.yaml", CliRunner.ValidSeeds);
        _cli.WriteFile("seeds/templates/t.yaml", "id: t\nitems: [\n");
        File.WriteAllBytes(Path.Combine(_cli.PathOf("seeds"), "latin1.yaml"), [.. "entities:\n  - id: caf"u8, 0xE9, (byte)'\n']);
        var (code, _, stderr) = await CliRunner.RunAsync("validate", _cli.PathOf("seeds"));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Matches(new Regex(@"t\.yaml:\d+:\d+: not valid YAML"), stderr);
        Assert.Matches(new Regex(@"latin1\.yaml:1:1: not UTF-8"), stderr);
    }

    [Theory]
    [InlineData(0)]     // truncated to nothing: SQLite would take it for a new database
    [InlineData(4096)]  // a page of noise
    public async Task An_empty_or_corrupt_database_stops_the_start_naming_the_file_and_the_choices(int noise)
    {
        var dir = _cli.PathOf("data");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "wb6graph.db");
        File.WriteAllBytes(file, [.. Enumerable.Range(0, noise).Select(i => (byte)(i * 31 + 7))]);

        var e = Assert.Throws<StoreOpenException>(() => EmbeddedGraphStore.Open(new EmbeddedStoreOptions { DataDirectory = dir }));
        Assert.Contains(file, e.Message);
        Assert.Contains("GraphStore:DataDirectory", e.Message);
        Assert.Contains("GraphStore:OnCorruptDatabase=StartFresh", e.Message);
        Assert.Equal(noise, new FileInfo(file).Length); // nothing was changed

        var (code, _, stderr) = await CliRunner.RunAsync("stats", "--data-dir", dir);
        Assert.Equal(ExitCodes.StoreError, code);
        Assert.Contains(file, stderr);
        Assert.Contains("--data-dir", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void StartFresh_keeps_the_corrupt_file_aside_and_starts_empty()
    {
        var dir = _cli.PathOf("fresh");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "wb6graph.db"), "");
        using var store = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { DataDirectory = dir, OnCorruptDatabase = CorruptDatabase.StartFresh });
        Assert.NotNull(store.SetAside);
        Assert.True(File.Exists(store.SetAside));
        Assert.Equal(0, new FileInfo(store.SetAside!).Length);
        Assert.Equal(0, store.Snapshot.EntityCount);
        Assert.True(new FileInfo(Path.Combine(dir, "wb6graph.db")).Length > 0);
    }

    [Fact]
    public void A_data_directory_that_cannot_hold_the_database_names_the_path_and_the_setting()
    {
        var notAFolder = _cli.WriteFile("a-file", "not a folder");
        var e = Assert.Throws<StoreOpenException>(() => EmbeddedGraphStore.Open(new EmbeddedStoreOptions { DataDirectory = notAFolder }));
        Assert.Contains(Path.Combine(notAFolder, "wb6graph.db"), e.Message);
        Assert.Contains("GraphStore:DataDirectory", e.Message);
    }

    [Fact]
    public void A_good_database_opens_again_as_it_was()
    {
        var dir = _cli.PathOf("good-db");
        using (var store = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { DataDirectory = dir })) Assert.Null(store.SetAside);
        using var again = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { DataDirectory = dir });
        Assert.Null(again.SetAside);
    }
}
