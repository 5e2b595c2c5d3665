namespace Wb6Graph.Api;

/// <summary>
/// Where the API finds appsettings.json and wwwroot. ASP.NET Core takes the working directory, which is right for
/// <c>dotnet run</c> in the project folder; a published build started from elsewhere (a service manager, a script in
/// another folder) would then run without its settings and its pages. So when the working directory has neither, the
/// folder of the build itself is the content root. A content root given explicitly (--contentRoot, as tests do) wins.
/// </summary>
internal static class ContentRoot
{
    public static WebApplicationOptions Options(string[] args)
    {
        var given = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is not null
            || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is not null;
        return new WebApplicationOptions { Args = args, ContentRootPath = given ? null : Choose(Directory.GetCurrentDirectory(), AppContext.BaseDirectory) };
    }

    internal static string Choose(string workingDirectory, string buildDirectory) =>
        Holds(workingDirectory) || !Holds(buildDirectory) ? workingDirectory : buildDirectory;

    private static bool Holds(string directory) =>
        File.Exists(Path.Combine(directory, "appsettings.json")) || Directory.Exists(Path.Combine(directory, "wwwroot"));
}
