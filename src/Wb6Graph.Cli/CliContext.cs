using Microsoft.Data.Sqlite;
using Spectre.Console;
using Wb6Graph.Embedded;
using Wb6Graph.Hosting;
using Wb6Graph.Model;

namespace Wb6Graph.Cli;

/// <summary>Where a command writes, and the error handling every command shares.</summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr, Func<Stream> openStdout)
{
    public const string DefaultDataDirectory = "data";
    public const string DefaultSeedsDirectory = "graph-seeds";

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    public Stream OpenStdout() => openStdout();

    /// <summary>Tables and summaries; plain text when stdout is not a terminal.</summary>
    public IAnsiConsole OutConsole { get; } = Console(stdout);

    /// <summary>Progress bars go to stderr so that stdout stays clean for piped exports.</summary>
    public IAnsiConsole ErrorConsole { get; } = Console(stderr);

    /// <summary>
    /// A path the user gave is taken as given; the default is found like the API finds it (working directory,
    /// else the repository root), so that the CLI and the API share one store and one seed folder.
    /// </summary>
    public static string ResolveDirectory(string? given, string fallback) =>
        given is null ? RepoPaths.Resolve(fallback) : Path.GetFullPath(given);

    public static EmbeddedGraphStore OpenStore(string dataDirectory)
    {
        return EmbeddedGraphStore.Open(new EmbeddedStoreOptions { DataDirectory = dataDirectory, DataDirectorySetting = "--data-dir" });
    }

    /// <summary>Runs a command body, turning the failures users can meet into a message on stderr and an exit code.</summary>
    public async Task<int> GuardAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (GraphValidationException e)
        {
            foreach (var error in e.Errors) await Error.WriteLineAsync(error.ToString());
            return ExitCodes.InvalidInput;
        }
        catch (InvalidDataException e)
        {
            await Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            await Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.StoreError;
        }
        catch (OperationCanceledException)
        {
            await Error.WriteLineAsync("interrupted");
            return ExitCodes.StoreError;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not a user error: keep the stack trace for the report, and do not claim the input was invalid (1).
            await Error.WriteLineAsync($"unexpected error: {e}");
            return ExitCodes.StoreError;
        }
    }

    /// <summary>
    /// Shows a progress bar on stderr while <paramref name="work"/> runs, when stderr is a terminal;
    /// otherwise (CI logs, tests) runs it silently rather than print a line per update.
    /// </summary>
    public async Task<T> WithProgressAsync<T>(string description, Func<IProgress<double>?, Task<T>> work)
    {
        if (!ErrorConsole.Profile.Capabilities.Interactive) return await work(null);
        return await ErrorConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(description), maxValue: 1.0);
                var result = await work(new Progress<double>(fraction => task.Value = Math.Clamp(fraction, 0, 1)));
                task.Value = 1.0;
                return result;
            });
    }

    private static IAnsiConsole Console(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Interactive = ReferenceEquals(writer, System.Console.Out) || ReferenceEquals(writer, System.Console.Error)
            ? InteractionSupport.Detect
            : InteractionSupport.No,
    });
}
