using Wb6Graph.Embedded;
using Wb6Graph.Model;

namespace Wb6Graph.Tests.Embedded;

public sealed class EmbeddedStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wb6-store-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly Source Communique = new("communique", "Joint communique", "MFA", new DateOnly(2024, 6, 14), null,
        "wb3c-podgorica-conference-2024-06-14.txt", SourceKind.Official);

    internal static SeedGraph Seeds() => new(
        [Communique],
        [
            new Entity("fr", EntityKind.Country, "France", [], null, null, [], null, null, ["communique"]),
            new Entity("me", EntityKind.Country, "Montenegro", ["Crna Gora"], null, null, [], null, null, ["communique"]),
            new Entity("wb3c", EntityKind.RegionalCentre, "Western Balkans Cyber Capacity Centre", ["WB3C"], "me", null,
                [new AttributeValue("trainingSessionsDelivered", AttributeType.Integer, "7")], new DateOnly(2023, 5, 1), null, ["communique"]),
        ],
        [
            new Relation("fr-founded-wb3c", RelationType.FOUNDED, "fr", "wb3c", null, null, null, Confidence.H, [], ["communique"]) { OccurredOn = new DateOnly(2023, 5, 1) },
            new Relation("me-member-of-wb3c", RelationType.MEMBER_OF, "me", "wb3c", new DateOnly(2023, 5, 1), null, null, Confidence.H, [], ["communique"]),
        ]);

    private EmbeddedGraphStore OpenFile() => EmbeddedGraphStore.Open(new EmbeddedStoreOptions { DataDirectory = _dir });

    private static RelationInput Funds(string from, string to, params string[] sources) =>
        new(null, "FUNDS", from, to, new DateOnly(2024, 1, 1), null, null, "M", null, SourceRefs.Of(sources));

    [Fact]
    public async Task Seeds_load_and_are_read_back_whole()
    {
        using var store = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { InMemory = true });
        var result = await store.LoadSeedsAsync(Seeds());
        Assert.Equal((1, 3, 2), (result.SourcesWritten, result.EntitiesWritten, result.RelationsWritten));
        var wb3c = await store.GetEntityAsync("wb3c");
        Assert.Equal(Seeds().Entities[2].Attributes, wb3c!.Attributes);
        var relations = await store.GetRelationsOfAsync(["wb3c"], Direction.In, RelationFilter.All);
        Assert.Equal(["fr-founded-wb3c", "me-member-of-wb3c"], relations["wb3c"].Select(r => r.Id));
    }

    [Fact]
    public async Task Reloading_the_same_seeds_writes_nothing_and_keeps_the_version()
    {
        using var store = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { InMemory = true });
        var first = await store.LoadSeedsAsync(Seeds());
        var second = await store.LoadSeedsAsync(Seeds());
        Assert.Equal(0, second.EntitiesWritten + second.RelationsWritten + second.SourcesWritten);
        Assert.Equal(6, second.Unchanged);
        Assert.Equal(first.DataVersion, second.DataVersion);
    }

    [Fact]
    public async Task Reloading_seeds_never_overwrites_or_deletes_what_users_wrote()
    {
        using var store = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { InMemory = true });
        await store.LoadSeedsAsync(Seeds());
        await store.UpsertEntityAsync(new EntityInput("wb3c", "RegionalCentre", "WB3C (renamed by a user)", null, "me", null, null, null, null, SourceRefs.Of("communique")));
        await store.EndRelationAsync("me-member-of-wb3c", new DateOnly(2030, 1, 1), SourceRefs.Of("communique"));
        await store.AddRelationAsync(Funds("fr", "wb3c", "communique"));

        var changedSeeds = Seeds() with { Entities = Seeds().Entities.Select(e => e with { Description = "edited in YAML" }).ToList() };
        var result = await store.LoadSeedsAsync(changedSeeds);

        Assert.Equal(2, result.KeptUserFacts);
        Assert.Equal("WB3C (renamed by a user)", (await store.GetEntityAsync("wb3c"))!.Name);
        Assert.Equal("edited in YAML", (await store.GetEntityAsync("fr"))!.Description);
        Assert.Equal(new DateOnly(2030, 1, 1), (await store.GetRelationAsync("me-member-of-wb3c"))!.ValidTo);
        Assert.NotNull(await store.GetRelationAsync("fr-funds-wb3c"));
    }

    [Fact]
    public async Task An_acknowledged_write_survives_closing_the_store_without_shutdown()
    {
        using (var store = OpenFile())
        {
            await store.LoadSeedsAsync(Seeds());
            await store.AddRelationAsync(Funds("fr", "wb3c", "communique"));
        }
        using var reopened = OpenFile();
        var relation = await reopened.GetRelationAsync("fr-funds-wb3c");
        Assert.Equal(Origin.User, relation!.Origin);
        Assert.Equal(["communique"], relation.Sources.Select(c => c.Source));
        Assert.Equal(3, reopened.Snapshot.RelationCount);
    }

    [Fact]
    public async Task A_write_is_durable_the_moment_it_is_acknowledged_even_if_its_process_never_closes_the_store()
    {
        // The writer is abandoned, not disposed: no checkpoint, no clean close, as when a process is killed.
        var writer = OpenFile();
        await writer.LoadSeedsAsync(Seeds());
        await writer.RetractRelationAsync("me-member-of-wb3c", "test", SourceRefs.Of("communique"));
        using var other = OpenFile();
        Assert.Equal("test", (await other.GetRelationAsync("me-member-of-wb3c"))!.Retracted!.Reason);
        Assert.Equal(writer.DataVersion, other.DataVersion);
        GC.KeepAlive(writer);
    }

    [Fact]
    public async Task A_refused_write_stores_nothing_and_names_every_bad_field()
    {
        using var store = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { InMemory = true });
        await store.LoadSeedsAsync(Seeds());
        var version = store.DataVersion;
        var input = new RelationInput(null, "FUNDS", "fr", "nobody", new DateOnly(2024, 1, 1), new DateOnly(2020, 1, 1), null, "X",
            null, new SourceRefs(["missing"], [new Source("new-src", "A new source", null, null, "https://example.org/x", null, SourceKind.Press)]));
        var e = await Assert.ThrowsAsync<GraphValidationException>(() => store.AddRelationAsync(input));
        Assert.Contains(e.Errors, x => x.Where == "input.to" && x.Value == "nobody");
        Assert.Contains(e.Errors, x => x.Where == "input.confidence" && x.Value == "X");
        Assert.Contains(e.Errors, x => x.Where == "input.sources.ids[0]" && x.Value == "missing");
        Assert.Contains(e.Errors, x => x.Where == "input.validTo" && x.Value == "2020-01-01");
        Assert.Equal(version, store.DataVersion);
        Assert.Null(await store.GetSourceAsync("new-src"));
    }

    [Fact]
    public async Task Ending_and_retracting_keep_the_fact_and_its_history()
    {
        using var store = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { InMemory = true });
        await store.LoadSeedsAsync(Seeds());
        var newSource = new Source("later-news", "Later news", null, null, "https://example.org/later", null, SourceKind.Press);
        var ended = await store.EndRelationAsync("me-member-of-wb3c", new DateOnly(2025, 2, 1), new SourceRefs([], [newSource]));
        Assert.Equal(["communique", "later-news"], ended.Sources.Select(c => c.Source));
        Assert.NotNull(await store.GetSourceAsync("later-news"));
        // An act happened and stays history: it cannot be ended, only retracted if it was wrong.
        var act = await Assert.ThrowsAsync<GraphValidationException>(() => store.EndRelationAsync("fr-founded-wb3c", new DateOnly(2025, 2, 1), SourceRefs.Of("communique")));
        Assert.Contains("is an act", act.Errors.Single().Message, StringComparison.Ordinal);

        var asOf2026 = await store.GetRelationsOfAsync(["wb3c"], Direction.In, new RelationFilter(AsOf: new DateOnly(2026, 1, 1)));
        Assert.Equal(["fr-founded-wb3c"], asOf2026["wb3c"].Select(r => r.Id));

        await store.RetractRelationAsync("fr-founded-wb3c", "mistaken", SourceRefs.Of("later-news"));
        Assert.Empty((await store.GetRelationsOfAsync(["wb3c"], Direction.In, new RelationFilter(AsOf: new DateOnly(2026, 1, 1))))["wb3c"]);
        var withRetracted = await store.GetRelationsOfAsync(["wb3c"], Direction.In, new RelationFilter(IncludeRetracted: true));
        Assert.Equal("mistaken", withRetracted["wb3c"].Single(r => r.Id == "fr-founded-wb3c").Retracted!.Reason);
        var again = await Assert.ThrowsAsync<GraphValidationException>(() => store.RetractRelationAsync("fr-founded-wb3c", "twice", SourceRefs.Of("communique")));
        Assert.Contains("already retracted", again.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ignores_case_and_diacritics_and_ranks_exact_matches_first()
    {
        using var store = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { InMemory = true });
        await store.LoadSeedsAsync(Seeds());
        Assert.Equal("me", Assert.Single((await store.FindEntitiesAsync(new EntityQuery(Search: "crna GORA"))).Items).Id);
        Assert.Equal("wb3c", (await store.FindEntitiesAsync(new EntityQuery(Search: "wb3c"))).Items[0].Id);
        Assert.Equal("fr", Assert.Single((await store.FindEntitiesAsync(new EntityQuery(Search: "Fránce"))).Items).Id);
    }

    [Fact]
    public async Task Cursor_paging_visits_every_entity_once()
    {
        using var store = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { InMemory = true });
        await store.LoadSeedsAsync(Seeds());
        var seen = new List<string>();
        string? after = null;
        Page<Entity> page;
        do
        {
            page = await store.FindEntitiesAsync(new EntityQuery(First: 2, After: after));
            seen.AddRange(page.Items.Select(e => e.Id));
            after = page.Cursors.LastOrDefault();
            Assert.Equal(3, page.TotalCount);
        }
        while (page.HasNextPage);
        Assert.Equal(["fr", "me", "wb3c"], seen);
    }

    [Fact]
    public async Task Readers_during_writes_only_ever_see_whole_snapshots()
    {
        using var store = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { InMemory = true });
        await store.LoadSeedsAsync(Seeds());
        using var stop = new CancellationTokenSource();
        var violations = 0;
        var reads = 0;
        using var started = new ManualResetEventSlim();
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                // Every write adds one relation and bumps the version by one, so the two must move together.
                var s = store.Snapshot;
                if (s.RelationCount - 2 != s.Version - 1 || s.Adjacency.Offsets[^1] != 2 * s.RelationCount)
                    Interlocked.Increment(ref violations);
                Interlocked.Increment(ref reads);
                started.Set();
            }
        });
        started.Wait(TimeSpan.FromSeconds(10));
        for (var i = 0; i < 200; i++)
            await store.AddRelationAsync(Funds("fr", "wb3c", "communique") with { Id = $"grant-{i}" });
        await stop.CancelAsync();
        await reader;
        Assert.Equal(0, violations);
        Assert.True(reads > 0);
        Assert.Equal(202, (await store.GetStatsAsync()).Relations);
    }
}
