using System.CommandLine;
using Wb6Graph.Export;
using Wb6Graph.Model;
using Wb6Graph.Seeds;

namespace Wb6Graph.Cli.Commands;

internal static class LoadCommand
{
    public static Command Create(CliContext cli)
    {
        var seeds = new Option<string?>("--seeds") { Description = $"The seed folder to load (default: {CliContext.DefaultSeedsDirectory})." };
        var dataDir = DataDirOption.Create();
        var input = new Option<FileInfo?>("--input") { Description = "Load a JSON export (from 'wb6graph export --format json') instead of the seed folder." };
        var command = new Command("load", """
            Validate the seeds (or a JSON export given with --input) and load them into the embedded store.
            Loading is idempotent: unchanged facts are left alone, and facts that users wrote or changed
            through the API are kept as they are. Prints what was written and what was kept.
            Exits 1 (and writes nothing) when the input is invalid.
            """)
        {
            seeds,
            dataDir,
            input,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(seeds) is not null && result.GetResult(input) is not null)
                result.AddError("--seeds and --input cannot be used together.");
        });
        command.SetAction((parse, ct) => cli.GuardAsync(async () =>
        {
            SeedGraph graph;
            if (parse.GetValue(input) is { } file)
            {
                await using var stream = file.OpenRead();
                graph = await JsonGraphReader.ReadAsync(stream, ct);
                var invalid = GraphValidator.Validate(graph, file.Name);
                if (invalid.Count > 0)
                {
                    foreach (var error in invalid) await cli.Error.WriteLineAsync(error.ToString());
                    await cli.Error.WriteLineAsync($"{invalid.Count} error(s) in {file.Name}; nothing was loaded");
                    return ExitCodes.InvalidInput;
                }
            }
            else
            {
                var path = CliContext.ResolveDirectory(parse.GetValue(seeds), CliContext.DefaultSeedsDirectory);
                var loaded = SeedLoader.LoadDirectory(path);
                if (!loaded.IsValid)
                {
                    foreach (var error in loaded.Errors) await cli.Error.WriteLineAsync(error.ToString());
                    await cli.Error.WriteLineAsync($"{loaded.Errors.Count} error(s) in {path}; nothing was loaded");
                    return ExitCodes.InvalidInput;
                }
                graph = loaded.Graph;
            }

            using var store = CliContext.OpenStore(DataDirOption.Resolve(parse, dataDir));
            var result = await cli.WithProgressAsync("Loading", progress => store.LoadSeedsAsync(graph, progress, ct));
            await cli.Out.WriteLineAsync(
                $"written: {result.SourcesWritten} sources, {result.EntitiesWritten} entities, {result.RelationsWritten} relations; "
                + $"unchanged: {result.Unchanged}; user facts kept: {result.KeptUserFacts}; data version {result.DataVersion}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
