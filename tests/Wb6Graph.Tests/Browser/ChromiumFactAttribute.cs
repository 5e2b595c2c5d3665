namespace Wb6Graph.Tests.Browser;

/// <summary>
/// A browser test: it skips, saying how to install Chromium, when Debian's Chromium is missing, unless
/// CI_REQUIRE_BROWSER=1 (as .ci/run sets), where a missing browser must fail the run rather than hide it.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute() => Skip = Chromium.SkipReason;
}

/// <summary>A browser test run once per data row; it skips like <see cref="ChromiumFactAttribute"/>.</summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute() => Skip = Chromium.SkipReason;
}

public static class Chromium
{
    /// <summary>Debian's package; WB6GRAPH_CHROMIUM points elsewhere. Playwright never downloads a browser here.</summary>
    public static string Path { get; } = Environment.GetEnvironmentVariable("WB6GRAPH_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(Path);

    public static bool Required => Environment.GetEnvironmentVariable("CI_REQUIRE_BROWSER") == "1";

    public static string? SkipReason => IsInstalled || Required ? null
        : $"Chromium is not installed at {Path}: run `sudo apt-get install -y chromium` (or set WB6GRAPH_CHROMIUM to a Chromium binary) to run the explorer's browser tests.";
}
