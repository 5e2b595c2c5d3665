using System.CommandLine;
using Wb6Graph.Seeds;

namespace Wb6Graph.Cli.Commands;

internal static class ValidateCommand
{
    public static Command Create(CliContext cli)
    {
        var dir = new Argument<string?>("dir")
        {
            Description = $"The seed folder (default: {CliContext.DefaultSeedsDirectory}).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("validate", $"""
            Read every seed file and gap template and check them against the vocabulary and each other
            (ids, kinds, types, dates, cited sources). Prints each problem to stderr as file:line:column: message.
            Exits 0 when the seeds are valid, 1 when they are not.
            """)
        {
            dir,
        };
        command.SetAction((parse, ct) => cli.GuardAsync(async () =>
        {
            var path = CliContext.ResolveDirectory(parse.GetValue(dir), CliContext.DefaultSeedsDirectory);
            var result = SeedLoader.LoadDirectory(path);
            if (!result.IsValid)
            {
                foreach (var error in result.Errors) await cli.Error.WriteLineAsync(error.ToString());
                await cli.Error.WriteLineAsync($"{result.Errors.Count} error(s) in {path}");
                return ExitCodes.InvalidInput;
            }
            var g = result.Graph;
            await cli.Out.WriteLineAsync(
                $"{path}: valid: {g.Sources.Count} sources, {g.Entities.Count} entities, {g.Relations.Count} relations, {result.Templates.Count} gap templates");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
