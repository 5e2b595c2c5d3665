using System.Reflection;

namespace Wb6Graph.Tests.Support;

/// <summary>Paths inside the repository this test assembly was built from.</summary>
public static class Repo
{
    public static string Root { get; } = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);
}
