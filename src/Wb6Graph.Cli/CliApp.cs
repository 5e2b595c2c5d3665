using System.CommandLine;
using System.CommandLine.Invocation;
using Wb6Graph.Cli.Commands;

namespace Wb6Graph.Cli;

/// <summary>The whole CLI behind one call, so tests run it in-process with their own writers.</summary>
public static class CliApp
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct = default) =>
        RunAsync(args, stdout, stderr, () => new TextWriterStream(stdout), ct);

    /// <param name="openStdout">The raw standard output for binary-safe, unbuffered exports; tests pass a stream over <paramref name="stdout"/>.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Func<Stream> openStdout, CancellationToken ct = default)
    {
        var cli = new CliContext(stdout, stderr, openStdout);
        var root = new RootCommand($"""
            wb6graph: validate, load, inspect, export and generate the Wb6Graph knowledge graph of EU cyber-institution
            alignment in the Western Balkans.

            {ExitCodes.Help}
            """)
        {
            ValidateCommand.Create(cli),
            LoadCommand.Create(cli),
            StatsCommand.Create(cli),
            ExportCommand.Create(cli),
            GenerateCommand.Create(cli),
        };

        var parsed = root.Parse(args);
        // System.CommandLine returns 1 for parse errors; 1 means invalid data here, so usage errors get their own code.
        if (parsed.Action is ParseErrorAction)
        {
            foreach (var error in parsed.Errors) await stderr.WriteLineAsync($"error: {error.Message}");
            await stderr.WriteLineAsync("Run 'wb6graph --help' (or 'wb6graph VERB --help') for usage.");
            return ExitCodes.Usage;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, ct);
    }
}
