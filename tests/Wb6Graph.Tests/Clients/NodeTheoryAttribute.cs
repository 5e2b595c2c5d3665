namespace Wb6Graph.Tests.Clients;

/// <summary>
/// A test of the npm client suite, run once per data row: it skips, saying how to install Node.js, when there is no
/// <c>node</c> on PATH, unless CI_REQUIRE_NODE=1 (as .ci/run sets), where a missing Node.js must fail the run rather
/// than hide it.
/// </summary>
public sealed class NodeTheoryAttribute : TheoryAttribute
{
    public NodeTheoryAttribute() => Skip = NodeJs.SkipReason;
}

/// <summary>A single test of the npm client suite; it skips like <see cref="NodeTheoryAttribute"/>.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute() => Skip = NodeJs.SkipReason;
}

public static class NodeJs
{
    public static bool IsInstalled { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(dir => File.Exists(Path.Combine(dir, "node")));

    public static bool Required => Environment.GetEnvironmentVariable("CI_REQUIRE_NODE") == "1";

    public static string? SkipReason => IsInstalled || Required ? null
        : "Node.js is not installed (no `node` on PATH): run `sudo apt-get install -y nodejs npm`, then `npm ci` in tests/clients, to run the client compatibility suite.";
}
