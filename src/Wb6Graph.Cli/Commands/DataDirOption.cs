using System.CommandLine;

namespace Wb6Graph.Cli.Commands;

/// <summary>The --data-dir option the store-using verbs share.</summary>
internal static class DataDirOption
{
    public static Option<string?> Create(bool required = false) => new("--data-dir")
    {
        Description = required
            ? "The folder of the embedded store to write (created if missing)."
            : $"The folder of the embedded store (default: {CliContext.DefaultDataDirectory}, the one the API uses).",
        Required = required,
    };

    public static string Resolve(ParseResult parse, Option<string?> option) =>
        CliContext.ResolveDirectory(parse.GetValue(option), CliContext.DefaultDataDirectory);
}
