using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Wb6Graph.Tests.Support;

namespace Wb6Graph.Tests.Clients;

/// <summary>
/// Runs tests/clients/suite.mjs once: the npm GraphQL clients pinned in its package-lock.json, all in one node process,
/// against one API on a real socket over the curated seeds. `npm ci` installs them: .ci/run does, and so does the build
/// when npm is there. It needs nothing from the network but that.
/// </summary>
public sealed class ClientSuite : KestrelApi, IAsyncLifetime
{
    public sealed record Check(string Client, [property: JsonPropertyName("check")] string Name, bool Ok, string Detail);

    private static readonly string Dir = Repo.Path("tests/clients");
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public ClientSuite()
        : base(("Api:WarmUp", "false"))
    {
    }

    public IReadOnlyList<Check> Checks { get; private set; } = [];

    /// <summary>What the suite wrote to stderr and its exit code, for the message of a failed test.</summary>
    public string Log { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (NodeJs.SkipReason is not null) return; // the tests skip, saying why
        var installed = Path.Combine(Dir, "node_modules", "@apollo", "client", "package.json");
        if (!File.Exists(installed))
            throw new InvalidOperationException($"The client suite is not installed: run `npm ci` in {Dir} (the build does when npm is on PATH; .ci/run installs Node and npm).");
        Start();
        var start = new ProcessStartInfo("node", ["suite.mjs", BaseUrl])
        {
            WorkingDirectory = Dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"node is not installed or not on PATH ({e.Message}); install Node.js and run `npm ci` in {Dir}", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(Limit);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"the client suite ran past {Limit.TotalMinutes} minutes and was stopped: {await stderr}");
            }
            Log = $"exit {process.ExitCode}: {await stderr}";
            Checks = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => JsonSerializer.Deserialize<Check>(line, new JsonSerializerOptions(JsonSerializerDefaults.Web))!)
                .ToList();
        }
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
