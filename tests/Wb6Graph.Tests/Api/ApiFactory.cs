using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Wb6Graph.Embedded;
using Wb6Graph.Model;
using Wb6Graph.Tests.Support;

namespace Wb6Graph.Tests.Api;

/// <summary>The API over an in-memory store loaded with the curated seeds; one key may write.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public const string Key = "test-key-not-a-secret";

    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["GraphStore:InMemory"] = "true",
        ["GraphStore:SeedsDirectory"] = Repo.Path("graph-seeds"),
        ["Api:ApiKeys:0"] = Key,
        ["Api:PersistedDocumentsDirectory"] = Repo.Path("tests/Wb6Graph.Tests/Api/persisted"),
    };

    /// <summary>Counts store calls, to show that a page of entities costs one call per level.</summary>
    public CountingStore? Counting { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<IGraphStore>(sp =>
            Counting = new CountingStore(sp.GetRequiredService<EmbeddedGraphStore>())));
    }

    public async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> PostAsync(string query, object? variables = null, string? key = null, string? accept = null)
    {
        var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await ReadJson(response), response);
    }

    public async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> GetAsync(string url, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        configure?.Invoke(request);
        var response = await CreateClient().SendAsync(request);
        return ((int)response.StatusCode, await ReadJson(response), response);
    }

    /// <summary>The data of a 200 answer without errors; the assertion message shows the body otherwise.</summary>
    public static JsonNode Data((int Status, JsonNode? Body, HttpResponseMessage _) r)
    {
        Assert.True(r.Status == 200, r.Body?.ToJsonString());
        Assert.True(r.Body!["errors"] is null, r.Body.ToJsonString());
        return r.Body["data"]!;
    }

    private static async Task<JsonNode?> ReadJson(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length > 0 && (text[0] == '{' || text[0] == '[') ? JsonNode.Parse(text) : null;
    }
}

/// <summary>A store decorator that counts the calls a request makes, and can make entity searches slow.</summary>
public sealed class CountingStore(IGraphStore inner) : IGraphStore
{
    private int _calls;

    public int Calls => _calls;

    /// <summary>How long FindEntitiesAsync waits before answering (it honours cancellation), to test the timeout.</summary>
    public TimeSpan SearchDelay { get; set; }

    /// <summary>Completes when a slow search sees its cancellation: the request's work was stopped, not left running.</summary>
    public TaskCompletionSource SearchCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task<T> Slow<T>(Func<Task<T>> call, CancellationToken ct)
    {
        try
        {
            await Task.Delay(SearchDelay, ct);
        }
        catch (OperationCanceledException)
        {
            SearchCancelled.TrySetResult();
            throw;
        }
        return await call();
    }

    public void Reset() => Interlocked.Exchange(ref _calls, 0);

    private T Count<T>(T value)
    {
        Interlocked.Increment(ref _calls);
        return value;
    }

    public string Backend => inner.Backend;
    public long DataVersion => inner.DataVersion;
    public Task<Entity?> GetEntityAsync(string id, CancellationToken ct = default) => Count(inner.GetEntityAsync(id, ct));
    public Task<IReadOnlyDictionary<string, Entity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) => Count(inner.GetEntitiesAsync(ids, ct));
    public Task<Page<Entity>> FindEntitiesAsync(EntityQuery query, CancellationToken ct = default) =>
        Count(SearchDelay > TimeSpan.Zero ? Slow(() => inner.FindEntitiesAsync(query, ct), ct) : inner.FindEntitiesAsync(query, ct));
    public Task<Relation?> GetRelationAsync(string id, bool includeRetracted = true, CancellationToken ct = default) => Count(inner.GetRelationAsync(id, includeRetracted, ct));
    public Task<Page<Relation>> FindRelationsAsync(RelationQuery query, CancellationToken ct = default) => Count(inner.FindRelationsAsync(query, ct));
    public Task<IReadOnlyDictionary<string, IReadOnlyList<Relation>>> GetRelationsOfAsync(IReadOnlyCollection<string> entityIds, Direction direction, RelationFilter filter, CancellationToken ct = default) => Count(inner.GetRelationsOfAsync(entityIds, direction, filter, ct));
    public Task<Source?> GetSourceAsync(string id, CancellationToken ct = default) => Count(inner.GetSourceAsync(id, ct));
    public Task<IReadOnlyList<Source>> GetSourcesAsync(IReadOnlyCollection<string>? ids = null, CancellationToken ct = default) => Count(inner.GetSourcesAsync(ids, ct));
    public Task<GraphStats> GetStatsAsync(CancellationToken ct = default) => Count(inner.GetStatsAsync(ct));
    public Task<Entity> UpsertEntityAsync(EntityInput input, CancellationToken ct = default) => Count(inner.UpsertEntityAsync(input, ct));
    public Task<Relation> AddRelationAsync(RelationInput input, CancellationToken ct = default) => Count(inner.AddRelationAsync(input, ct));
    public Task<Relation> EndRelationAsync(string id, PartialDate validTo, SourceRefs sources, CancellationToken ct = default) => Count(inner.EndRelationAsync(id, validTo, sources, ct));
    public Task<Relation> RetractRelationAsync(string id, string reason, SourceRefs sources, CancellationToken ct = default) => Count(inner.RetractRelationAsync(id, reason, sources, ct));
    public IAsyncEnumerable<Source> ReadSourcesAsync(CancellationToken ct = default) => inner.ReadSourcesAsync(ct);
    public IAsyncEnumerable<Entity> ReadEntitiesAsync(CancellationToken ct = default) => inner.ReadEntitiesAsync(ct);
    public IAsyncEnumerable<Relation> ReadRelationsAsync(CancellationToken ct = default) => inner.ReadRelationsAsync(ct);
    public IAsyncEnumerable<Absence> ReadAbsencesAsync(CancellationToken ct = default) => inner.ReadAbsencesAsync(ct);
    public Task<IReadOnlyList<Absence>> GetAbsencesAsync(IReadOnlyCollection<string> entityIds, CancellationToken ct = default) => Count(inner.GetAbsencesAsync(entityIds, ct));
    public Task<Page<HistoryEntry>> FindHistoryAsync(HistoryQuery query, CancellationToken ct = default) => Count(inner.FindHistoryAsync(query, ct));
    public Task<LoadResult> LoadSeedsAsync(SeedGraph graph, IProgress<double>? progress = null, CancellationToken ct = default) => inner.LoadSeedsAsync(graph, progress, ct);
}
