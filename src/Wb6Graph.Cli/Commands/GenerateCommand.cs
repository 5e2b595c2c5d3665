using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Wb6Graph.Generate;

namespace Wb6Graph.Cli.Commands;

internal static class GenerateCommand
{
    public static Command Create(CliContext cli)
    {
        var entities = new Option<int>("--entities", "-n")
        {
            Description = $"How many entities (1 to {SyntheticGraph.MaxEntities:N0}).",
            DefaultValueFactory = _ => 10_000,
            CustomParser = r => (int)Count(r, "--entities", 1, SyntheticGraph.MaxEntities),
        };
        var relations = new Option<long>("--relations", "-m")
        {
            Description = $"How many relations (0 to {SyntheticGraph.MaxRelations:N0}).",
            DefaultValueFactory = _ => 100_000,
            CustomParser = r => Count(r, "--relations", 0, SyntheticGraph.MaxRelations),
        };
        var seed = new Option<int>("--seed", "-s") { Description = "Random seed; the same seed gives the same graph.", DefaultValueFactory = _ => 42 };
        // Required: a synthetic graph written into the default store would mix with the curated seeds.
        var dataDir = DataDirOption.Create(required: true);
        var command = new Command("generate", $"""
            Generate a reproducible synthetic graph for benchmarks and load tests, and bulk-import it into the
            embedded store in --data-dir: Bogus names, a realistic mix of kinds, a skewed (R-MAT) degree
            distribution, ids e-N / r-N / s-N. Up to {SyntheticGraph.MaxEntities:N0} entities and
            {SyntheticGraph.MaxRelations:N0} relations; streamed, so memory stays bounded.
            """)
        {
            entities,
            relations,
            seed,
            dataDir,
        };
        command.SetAction((parse, ct) => cli.GuardAsync(async () =>
        {
            // Checked here, not in a command validator: a validator would run before the values are known to parse.
            if (parse.GetValue(entities) < 2 && parse.GetValue(relations) > 0)
            {
                await cli.Error.WriteLineAsync("error: relations need at least two entities (self loops are never generated).");
                return ExitCodes.Usage;
            }
            var graph = new SyntheticGraph(parse.GetValue(entities), parse.GetValue(relations), parse.GetValue(seed));
            var dir = DataDirOption.Resolve(parse, dataDir);
            using var store = CliContext.OpenStore(dir);
            var version = await cli.WithProgressAsync(
                $"Generating {graph.EntityCount:N0} entities, {graph.RelationCount:N0} relations",
                progress => store.BulkImportAsync(graph.Sources(), graph.Entities(), graph.Relations(), progress, ct, graph.RelationCount));
            await cli.Out.WriteLineAsync(
                $"generated {graph.EntityCount} entities, {graph.RelationCount} relations, {graph.SourceCount} sources (seed {graph.Seed}) into {dir}; data version {version}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    // A parser rather than a validator: validators read the converted value, which throws when the text is not a number.
    private static long Count(ArgumentResult result, string option, long min, long max)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (!long.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n))
            result.AddError($"{option} must be a whole number, got '{text}'.");
        else if (n < min || n > max)
            result.AddError($"{option} must be between {min:N0} and {max:N0}{(n > max ? "; larger graphs are not supported" : "")}.");
        return n;
    }
}
