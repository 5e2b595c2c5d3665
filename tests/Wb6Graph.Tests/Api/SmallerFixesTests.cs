using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wb6Graph.Api;
using Wb6Graph.Embedded;
using Wb6Graph.Model;

namespace Wb6Graph.Tests.Api;

/// <summary>Cursors, keys, the SDL, logging of unexpected errors, and where a build finds its settings.</summary>
public sealed class SmallerFixesTests(GraphApi api) : IClassFixture<GraphApi>
{
    [Theory]
    [InlineData("cjpub3QtYS1udW1iZXI=")] // base64 of "r:not-a-number": a relation cursor's prefix, not its key
    [InlineData("!!!")]
    public async Task A_malformed_cursor_is_bad_user_input_naming_after(string cursor)
    {
        var r = await api.PostAsync("query($a: String) { relations(after: $a) { totalCount } }", new { a = cursor });
        Assert.Equal(200, r.Status);
        Assert.Equal("BAD_USER_INPUT", GraphApi.Code(r.Body));
        Assert.Equal("after", r.Body!["errors"]![0]!["extensions"]!["data"]!["details"]![0]!["field"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Bearer " + GraphApi.Key, true)]
    [InlineData("bearer " + GraphApi.Key, true)]
    [InlineData("Bearer  " + GraphApi.Key, false)]     // a space more is another key
    [InlineData("Bearer " + GraphApi.Key + " x", false)]
    [InlineData("Bearer " + GraphApi.Key + "\t", false)] // HTTP trims a header's ends; the key compared is what is left
    [InlineData("Bearer graph-api-ke", false)]
    public void The_key_is_compared_byte_for_byte_not_trimmed(string header, bool authorized)
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Request.Headers.Authorization = header;
        Assert.Equal(authorized, Wb6Graph.Api.Http.GraphQLHttp.Authorized(http.Request, new Wb6Graph.Api.Http.ApiOptions { ApiKeys = [GraphApi.Key] }));
    }

    [Theory]
    [InlineData("""{"query":"query($x: String) { stats { entities } }","variables":{"x":"a","x":"b"}}""")]
    [InlineData("""{"query":"{ stats { entities } }","extensions":{"a":{"b":1,"b":2}}}""")]
    public async Task Variables_or_extensions_with_a_key_given_twice_are_400_not_500(string body)
    {
        await api.LoadAsync();
        var response = await api.CreateClient().PostAsync("/graphql", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("twice", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_syntax_error_the_parser_cannot_place_is_still_400_not_500()
    {
        // Found by the fuzzer: a carriage return before an unexpected character made the parser's error message throw.
        var r = await api.PostAsync("{ gapMatri\rx(from: [\"e-1\"], to: [\"e-2\",\u11bf \"e-3\"]) { from to status } }");
        Assert.Equal(400, r.Status);
        Assert.Equal("SYNTAX_ERROR", GraphApi.Code(r.Body));
    }

    [Fact]
    public async Task The_sdl_needs_a_key_where_reads_do()
    {
        using var closed = new GraphApi();
        closed.Settings["Api:RequireKeyForReads"] = "true";
        var client = closed.CreateClient();
        var anonymous = await client.GetAsync("/graphql/schema.graphql");
        Assert.Equal(401, (int)anonymous.StatusCode);
        Assert.DoesNotContain("type Query", await anonymous.Content.ReadAsStringAsync());
        using var withKey = new HttpRequestMessage(HttpMethod.Get, "/graphql/schema.graphql");
        withKey.Headers.Authorization = new AuthenticationHeaderValue("Bearer", GraphApi.Key);
        var keyed = await client.SendAsync(withKey);
        Assert.Equal(200, (int)keyed.StatusCode);
        Assert.Contains("type Query", await keyed.Content.ReadAsStringAsync());
        Assert.Equal(200, (int)(await api.CreateClient().GetAsync("/graphql/schema.graphql")).StatusCode); // open reads: open SDL
    }

    private sealed class FailingApi : GraphApi
    {
        public ConcurrentQueue<(LogLevel Level, string Message, Exception? Error)> Logged { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.AddProvider(new ListLogger(Logged)));
            builder.ConfigureServices(services => services.AddSingleton<IGraphStore>(sp => new BrokenStats(sp.GetRequiredService<EmbeddedGraphStore>())));
        }
    }

    private sealed class BrokenStats(EmbeddedGraphStore inner) : IGraphStore
    {
        public string Backend => inner.Backend;
        public long DataVersion => inner.DataVersion;
        public Task<GraphStats> GetStatsAsync(CancellationToken ct = default) => throw new InvalidOperationException("stats are broken on purpose");
        public Task<Entity?> GetEntityAsync(string id, CancellationToken ct = default) => inner.GetEntityAsync(id, ct);
        public Task<IReadOnlyDictionary<string, Entity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) => inner.GetEntitiesAsync(ids, ct);
        public Task<Page<Entity>> FindEntitiesAsync(EntityQuery query, CancellationToken ct = default) => inner.FindEntitiesAsync(query, ct);
        public Task<Relation?> GetRelationAsync(string id, bool includeRetracted = true, CancellationToken ct = default) => inner.GetRelationAsync(id, includeRetracted, ct);
        public Task<Page<Relation>> FindRelationsAsync(RelationQuery query, CancellationToken ct = default) => inner.FindRelationsAsync(query, ct);
        public Task<IReadOnlyDictionary<string, IReadOnlyList<Relation>>> GetRelationsOfAsync(IReadOnlyCollection<string> entityIds, Direction direction, RelationFilter filter, CancellationToken ct = default) => inner.GetRelationsOfAsync(entityIds, direction, filter, ct);
        public Task<Source?> GetSourceAsync(string id, CancellationToken ct = default) => inner.GetSourceAsync(id, ct);
        public Task<IReadOnlyList<Source>> GetSourcesAsync(IReadOnlyCollection<string>? ids = null, CancellationToken ct = default) => inner.GetSourcesAsync(ids, ct);
        public Task<Entity> UpsertEntityAsync(EntityInput input, CancellationToken ct = default) => inner.UpsertEntityAsync(input, ct);
        public Task<Relation> AddRelationAsync(RelationInput input, CancellationToken ct = default) => inner.AddRelationAsync(input, ct);
        public Task<Relation> EndRelationAsync(string id, PartialDate validTo, SourceRefs sources, CancellationToken ct = default) => inner.EndRelationAsync(id, validTo, sources, ct);
        public Task<Relation> RetractRelationAsync(string id, string reason, SourceRefs sources, CancellationToken ct = default) => inner.RetractRelationAsync(id, reason, sources, ct);
        public IAsyncEnumerable<Source> ReadSourcesAsync(CancellationToken ct = default) => inner.ReadSourcesAsync(ct);
        public IAsyncEnumerable<Entity> ReadEntitiesAsync(CancellationToken ct = default) => inner.ReadEntitiesAsync(ct);
        public IAsyncEnumerable<Relation> ReadRelationsAsync(CancellationToken ct = default) => inner.ReadRelationsAsync(ct);
        public IAsyncEnumerable<Absence> ReadAbsencesAsync(CancellationToken ct = default) => inner.ReadAbsencesAsync(ct);
        public Task<IReadOnlyList<Absence>> GetAbsencesAsync(IReadOnlyCollection<string> entityIds, CancellationToken ct = default) => inner.GetAbsencesAsync(entityIds, ct);
        public Task<Page<HistoryEntry>> FindHistoryAsync(HistoryQuery query, CancellationToken ct = default) => inner.FindHistoryAsync(query, ct);
        public Task<LoadResult> LoadSeedsAsync(SeedGraph graph, IProgress<double>? progress = null, CancellationToken ct = default) => inner.LoadSeedsAsync(graph, progress, ct);
    }

    private sealed class ListLogger(ConcurrentQueue<(LogLevel, string, Exception?)> into) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            into.Enqueue((logLevel, formatter(state, exception), exception));
        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task An_unexpected_execution_error_is_logged_with_its_exception_and_stays_opaque_to_the_client()
    {
        using var failing = new FailingApi();
        var r = await failing.PostAsync("{ stats { entities } }");
        Assert.DoesNotContain("broken on purpose", r.Body!.ToJsonString());
        Assert.Contains("logged", GraphApi.Message(r.Body));
        Assert.Contains(failing.Logged, e => e.Level == LogLevel.Error && e.Error?.Message == "stats are broken on purpose" && e.Message.Contains("stats"));
    }

    [Fact]
    public void A_build_run_from_another_folder_takes_its_own_folder_as_content_root()
    {
        var elsewhere = Directory.CreateTempSubdirectory("wb6-cwd").FullName;
        var build = Directory.CreateTempSubdirectory("wb6-build").FullName;
        File.WriteAllText(Path.Combine(build, "appsettings.json"), "{}");
        Assert.Equal(build, ContentRoot.Choose(elsewhere, build));
        File.WriteAllText(Path.Combine(elsewhere, "appsettings.json"), "{}");
        Assert.Equal(elsewhere, ContentRoot.Choose(elsewhere, build)); // dotnet run in the project folder
    }
}
