using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wb6Graph.Embedded;
using Wb6Graph.Engine;
using Wb6Graph.Gaps;
using Wb6Graph.Model;
using Wb6Graph.Neo4j;
using Wb6Graph.Seeds;

namespace Wb6Graph.Hosting;

public static class GraphStoreExtensions
{
    /// <summary>Registers <see cref="IGraphStore"/> for the configured backend and loads the seeds at start.</summary>
    public static IHostApplicationBuilder AddGraphStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraphStoreOptions>()
            .BindConfiguration(GraphStoreOptions.Section)
            .Validate(o => o.Backend is "Embedded" or "Neo4j", "GraphStore:Backend must be Embedded or Neo4j")
            .Validate(o => o.RelationDetailLimit >= 0, "GraphStore:RelationDetailLimit must not be negative")
            .Validate(o => o.InMemory || !string.IsNullOrWhiteSpace(o.DataDirectory), "GraphStore:DataDirectory must be set (or GraphStore:InMemory=true)")
            .ValidateOnStart();
        builder.Services.AddSingleton<GraphStoreReadiness>();
        builder.Services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<GraphStoreOptions>>().Value;
            return EmbeddedGraphStore.Open(new EmbeddedStoreOptions
            {
                DataDirectory = RepoPaths.Resolve(o.DataDirectory),
                InMemory = o.InMemory,
                RelationDetailLimit = o.RelationDetailLimit,
                OnCorruptDatabase = o.OnCorruptDatabase,
            });
        });
        builder.AddNeo4jStore();
        // The backend is chosen when the store is first asked for, so configuration that tests add late still counts.
        builder.Services.AddSingleton<IGraphStore>(sp => IsNeo4j(sp)
            ? sp.GetRequiredService<Neo4jGraphStore>()
            : sp.GetRequiredService<EmbeddedGraphStore>());
        builder.Services.AddOptions<EngineLimits>()
            .BindConfiguration(EngineLimits.Section)
            .Validate(l => l.MaxHops >= 1 && l.DefaultMaxHops >= 1 && l.DefaultMaxHops <= l.MaxHops, "Engine:DefaultMaxHops must be between 1 and Engine:MaxHops")
            .Validate(l => l.MaxK >= 1 && l.MaxDepth >= 1 && l.MaxNeighbourhood >= 1 && l.MaxResults >= 1, "Engine:MaxK, MaxDepth, MaxNeighbourhood and MaxResults must be at least 1")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new GraphEngine(sp.GetRequiredService<EmbeddedGraphStore>(), sp.GetRequiredService<IOptions<EngineLimits>>().Value));
        builder.Services.AddSingleton<EmbeddedGraphQuestions>();
        builder.Services.AddSingleton(sp => new Neo4jGraphQuestions(sp.GetRequiredService<Neo4jQueryClient>(), sp.GetRequiredService<IOptions<EngineLimits>>().Value));
        builder.Services.AddSingleton<IGraphQuestions>(sp => IsNeo4j(sp)
            ? sp.GetRequiredService<Neo4jGraphQuestions>()
            : sp.GetRequiredService<EmbeddedGraphQuestions>());
        builder.Services.AddSingleton<GapTemplateCatalog>();
        builder.Services.AddHostedService<SeedLoadingService>();
        return builder;
    }

    internal static bool IsNeo4j(IServiceProvider sp) => sp.GetRequiredService<IOptions<GraphStoreOptions>>().Value.Backend == "Neo4j";
}

/// <summary>Relative paths in configuration are found from the working directory, or else from the repository root.</summary>
public static class RepoPaths
{
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        var here = Path.GetFullPath(path);
        if (Directory.Exists(here) || File.Exists(here)) return here;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Wb6Graph.sln"))) return Path.Combine(dir.FullName, path);
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Wb6Graph.sln"))) return Path.Combine(dir.FullName, path);
        return here;
    }
}
