using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wb6Graph.Embedded;
using Wb6Graph.Gaps;
using Wb6Graph.Model;
using Wb6Graph.Neo4j;
using Wb6Graph.Seeds;

namespace Wb6Graph.Hosting;

/// <summary>
/// Validates and loads the curated seeds when the host starts, then marks the store ready. On Neo4j the host does not
/// wait for the server: a background loop creates the schema and loads the seeds once Neo4j answers, and afterwards
/// keeps the data version fresh (other instances write too) and readiness honest (Neo4j may go away). When Neo4j's data
/// goes back (a restored backup, a new volume), it creates the schema and loads the seeds again.
/// </summary>
internal sealed class SeedLoadingService(
    IServiceProvider services, GraphStoreReadiness readiness, GapTemplateCatalog templates, IOptions<GraphStoreOptions> options,
    IOptions<Neo4jOptions> neo4jOptions, IHostApplicationLifetime lifetime, ILogger<SeedLoadingService> log) : IHostedService
{
    // A wrong setting fails here, as the host makes its services; a store that cannot be opened is said in StartAsync, in its own words.
    private readonly (IGraphStore? Store, StoreOpenException? Unusable) _opened = Open(services);

    private IGraphStore Store => _opened.Store!;

    private static (IGraphStore?, StoreOpenException?) Open(IServiceProvider services)
    {
        try
        {
            return (services.GetRequiredService<IGraphStore>(), null);
        }
        catch (StoreOpenException e)
        {
            return (null, e);
        }
    }

    // Not disposed: it has no timer, and the host may dispose services before or after stopping them.
    private readonly CancellationTokenSource _stopping = new();
    private Task? _background;

    public async Task StartAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (_opened.Unusable is { } unusable)
        {
            log.LogCritical("{Message}", unusable.Message);
            readiness.NotReady(unusable.Message);
            // Stopped once started: stopping during the start would cancel the host's other services and end in a stack trace.
            Environment.ExitCode = 1;
            lifetime.ApplicationStarted.Register(lifetime.StopApplication);
            return;
        }
        if (Store.Backend == "embedded" && services.GetService<EmbeddedGraphStore>() is { SetAside: { } aside })
            log.LogWarning("the database was corrupt or empty and was kept aside as {Aside} (GraphStore:OnCorruptDatabase=StartFresh); starting with an empty graph", aside);
        var dir = RepoPaths.Resolve(o.SeedsDirectory);
        SeedGraph? graph = null;
        if (o.LoadSeedsAtStart || Directory.Exists(dir))
        {
            var seeds = SeedLoader.LoadDirectory(dir);
            if (!seeds.IsValid)
            {
                foreach (var e in seeds.Errors) log.LogError("seed error: {Error}", e.ToString());
                readiness.NotReady($"the seeds in {dir} have {seeds.Errors.Count} errors; run 'wb6graph validate {dir}'");
                return;
            }
            templates.Replace(seeds.Templates, seeds.Research);
            if (o.LoadSeedsAtStart) graph = seeds.Graph;
        }
        if (Store is Neo4jGraphStore neo4j)
        {
            readiness.NotReady($"connecting to Neo4j at {neo4j.Client.ServerUrl}");
            _background = Task.Run(() => RunNeo4jAsync(neo4j, graph, dir, _stopping.Token), CancellationToken.None);
            return;
        }
        if (graph is not null) await LoadAsync(graph, dir, ct);
        readiness.Ready();
    }

    private async Task LoadAsync(SeedGraph graph, string dir, CancellationToken ct)
    {
        var result = await Store.LoadSeedsAsync(graph, null, ct);
        log.LogInformation(
            "seeds loaded from {Dir}: {Entities} entities, {Relations} relations, {Sources} sources written; {Unchanged} unchanged; {Kept} user facts kept; data version {Version}",
            dir, result.EntitiesWritten, result.RelationsWritten, result.SourcesWritten, result.Unchanged, result.KeptUserFacts, result.DataVersion);
    }

    private async Task RunNeo4jAsync(Neo4jGraphStore neo4j, SeedGraph? graph, string dir, CancellationToken ct)
    {
        var pause = TimeSpan.FromSeconds(neo4jOptions.Value.StartRetrySeconds);
        var prepared = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (!prepared)
                {
                    await neo4j.EnsureSchemaAsync(ct);
                    if (graph is not null) await LoadAsync(graph, dir, ct);
                    neo4j.TakeRewound(); // a rewind seen while preparing is what preparing just mended
                    prepared = true;
                    log.LogInformation("Neo4j at {Url} is ready", neo4j.Client.ServerUrl);
                }
                else await neo4j.RefreshVersionAsync(ct);
                if (neo4j.TakeRewound())
                {
                    // A restored backup or a new volume: the schema and seeds may be missing. Prepare it again, now.
                    prepared = false;
                    readiness.NotReady($"Neo4j at {neo4j.Client.ServerUrl} went back to older data (a restored backup or a new volume); preparing it again");
                    log.LogWarning("Neo4j at {Url} went back to older data (a restored backup or a new volume); the data version now stands at {Version} and the schema and seeds are being written again",
                        neo4j.Client.ServerUrl, neo4j.DataVersion);
                    continue;
                }
                readiness.Ready();
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is Neo4jException or GraphValidationException)
            {
                // Auth or schema errors will not heal by waiting, but retrying costs little and recovers once the server is fixed.
                readiness.NotReady($"Neo4j at {neo4j.Client.ServerUrl} is not ready: {e.Message}");
                log.LogWarning("Neo4j at {Url} is not ready ({Code}): {Message}; trying again in {Seconds} s",
                    neo4j.Client.ServerUrl, (e as Neo4jException)?.Code, e.Message, pause.TotalSeconds);
            }
            try
            {
                await Task.Delay(pause, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task StopAsync(CancellationToken ct)
    {
        await _stopping.CancelAsync();
        if (_background is { } task) await task.WaitAsync(ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
