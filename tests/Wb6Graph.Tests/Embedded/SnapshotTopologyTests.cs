using Wb6Graph.Embedded;
using Wb6Graph.Engine;
using Wb6Graph.Model;
using Xunit.Abstractions;

namespace Wb6Graph.Tests.Embedded;

/// <summary>
/// The snapshot numbers relations by their ends so that leaving arcs need no stored relation index. Single writes patch
/// the previous snapshot rather than reloading it: after any sequence of them, every arc must still name the relation it
/// stands for, and the topology must be the one a fresh load from the database builds.
/// </summary>
public sealed class SnapshotTopologyTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wb6-topology-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly Source Note = new("note", "Working note", "Wb6Graph", new DateOnly(2024, 1, 1), null, "note.txt", SourceKind.Official);

    // States and one act (DONATED_TO), all allowed between organisations.
    private static readonly RelationType[] Types = [RelationType.FUNDS, RelationType.COOPERATES_WITH, RelationType.PARTNER_OF, RelationType.DONATED_TO];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Patched_snapshots_keep_every_arc_on_its_relation_and_match_a_fresh_load(int seed)
    {
        output.WriteLine($"seed {seed}");
        var rnd = new Random(seed);
        var ids = Enumerable.Range(0, 12).Select(i => $"org-{i}").ToList();
        var written = new List<string>();
        HashSet<string> ended = [], retracted = [];
        using (var store = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { DataDirectory = _dir }))
        {
            var relations = Enumerable.Range(0, 20).Select(i => RandomRelation(rnd, ids, $"seed-{i}")).ToList();
            await store.LoadSeedsAsync(new SeedGraph([Note],
                ids.Select(id => new Entity(id, EntityKind.NonProfit, id, [], null, null, [], null, null, ["note"])).ToList(),
                relations));
            written.AddRange(relations.Select(r => r.Id));
            AssertTopology(store.Snapshot);

            for (var step = 0; step < 120; step++)
            {
                switch (rnd.Next(6))
                {
                    case 0:
                        var id = $"new-{step}";
                        await store.UpsertEntityAsync(new EntityInput(id, "Company", id, null, null, null, null, null, null, SourceRefs.Of("note")));
                        ids.Add(id);
                        break;
                    case 1 when Pick(rnd, written, ended, retracted) is { } toEnd:
                        // Acts do not end: the store refuses, and the test checks it does.
                        if ((await store.GetRelationAsync(toEnd))!.IsAct)
                            await Assert.ThrowsAsync<GraphValidationException>(() => store.EndRelationAsync(toEnd, new DateOnly(2030, 1, 1), SourceRefs.Of("note")));
                        else await store.EndRelationAsync(toEnd, new DateOnly(2030, 1, 1), SourceRefs.Of("note"));
                        break;
                    case 2 when Pick(rnd, written, retracted) is { } toRetract:
                        await store.RetractRelationAsync(toRetract, "checked again", SourceRefs.Of("note"));
                        break;
                    default:
                        var r = RandomRelation(rnd, ids, $"added-{step}");
                        await store.AddRelationAsync(new RelationInput(r.Id, r.Type.ToString(), r.From, r.To, r.ValidFrom, null, null, "M", null, SourceRefs.Of("note"))
                        {
                            OccurredOn = r.OccurredOn,
                        });
                        written.Add(r.Id);
                        break;
                }
                AssertTopology(store.Snapshot);
            }

            var patched = Arcs(store.Snapshot);
            using var reopened = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { DataDirectory = _dir });
            Assert.Equal(patched, Arcs(reopened.Snapshot));
        }

        // Rows sit in (from, to) order, yet paging still lists relations in the order they were written.
        using var again = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { DataDirectory = _dir });
        var paged = new List<string>();
        string? after = null;
        Page<Relation> page;
        do
        {
            page = await again.FindRelationsAsync(new RelationQuery(First: 7, After: after, IncludeRetracted: true));
            Assert.Equal(written.Count, page.TotalCount);
            Assert.Equal(paged.Count > 0, page.HasPreviousPage);
            paged.AddRange(page.Items.Select(r => r.Id));
            after = page.Cursors.LastOrDefault();
        }
        while (page.HasNextPage);
        Assert.Equal(written, paged);
    }

    [Theory]
    [InlineData(1_000_000)]
    [InlineData(0)]
    public async Task Lists_of_relations_keep_the_order_they_were_written_though_rows_follow_their_ends(int detailLimit)
    {
        // e -> a is written first, yet its row comes after a -> e's (a is numbered first), so row order is the opposite
        // of written order, and the ids sort in a third order. With a detail limit of 0 the records are read from
        // SQLite rather than kept in the snapshot.
        var options = new EmbeddedStoreOptions { DataDirectory = _dir, RelationDetailLimit = detailLimit };
        string[] written;
        using (var store = EmbeddedGraphStore.Open(options))
        {
            await store.LoadSeedsAsync(new SeedGraph([Note],
                [Entity("a"), Entity("e")],
                [Cooperation("first-e-to-a", "e", "a"), Cooperation("second-a-to-e", "a", "e")]));
            await AssertWrittenOrder(store, ["first-e-to-a", "second-a-to-e"]);
            await store.AddRelationAsync(new RelationInput("a-third-e-to-a", "FUNDS", "e", "a", null, null, null, "M", null, SourceRefs.Of("note")));
            written = ["first-e-to-a", "second-a-to-e", "a-third-e-to-a"];
            await AssertWrittenOrder(store, written);
        }
        using var reopened = EmbeddedGraphStore.Open(options);
        await AssertWrittenOrder(reopened, written);

        static Entity Entity(string id) => new(id, EntityKind.NonProfit, id, [], null, null, [], null, null, ["note"]);

        static Relation Cooperation(string id, string from, string to) =>
            new(id, RelationType.COOPERATES_WITH, from, to, null, null, null, Confidence.M, [], ["note"]);
    }

    private static async Task AssertWrittenOrder(EmbeddedGraphStore store, string[] written)
    {
        var engine = new GraphEngine(store, new EngineLimits());
        Assert.Equal(written, (await store.GetRelationsOfAsync(["a"], Direction.Both, RelationFilter.All))["a"].Select(r => r.Id));
        Assert.Equal(written, (await store.FindRelationsAsync(new RelationQuery())).Items.Select(r => r.Id));
        Assert.Equal(written, engine.ShortestPath("a", "e", new TraversalOptions()).Value!.Steps.Single().Relations.Select(r => r.Id));
        Assert.Equal(written, engine.Neighbourhood("a", 1, new TraversalOptions()).Relations.Select(r => r.Id));
        // Exports stream in id order, whatever the order of writes and rows.
        var exported = new List<string>();
        await foreach (var r in store.ReadRelationsAsync()) exported.Add(r.Id);
        Assert.Equal(written.Order(StringComparer.Ordinal), exported);
    }

    /// <summary>A relation in neither set, now added to <paramref name="done"/>; null when none is left. (A retracted relation cannot be ended.)</summary>
    private static string? Pick(Random rnd, List<string> written, HashSet<string> done, HashSet<string>? alsoSkip = null)
    {
        var left = written.Where(id => !done.Contains(id) && alsoSkip?.Contains(id) != true).ToList();
        if (left.Count == 0) return null;
        var id = left[rnd.Next(left.Count)];
        done.Add(id);
        return id;
    }

    private static Relation RandomRelation(Random rnd, List<string> ids, string id)
    {
        var from = rnd.Next(ids.Count);
        var to = (from + 1 + rnd.Next(ids.Count - 1)) % ids.Count;
        // A few repeated pairs, so that parallel relations between the same two entities are covered.
        if (rnd.Next(4) == 0) (from, to) = (0, 1);
        var type = Types[rnd.Next(Types.Length)];
        var day = new DateOnly(2020 + rnd.Next(5), 1, 1);
        var act = Vocabulary.Info(type).IsAct;
        return new Relation(id, type, ids[from], ids[to], act ? null : day, null, null, Confidence.M, [], ["note"]) { OccurredOn = act ? day : null };
    }

    /// <summary>Every arc, by ids: (entity, leaving or entering, neighbour, relation).</summary>
    private static List<string> Arcs(GraphSnapshot s)
    {
        var adj = s.Adjacency;
        var arcs = new List<string>();
        for (var u = 0; u < s.EntityCount; u++)
            for (var a = adj.Offsets[u]; a < adj.Offsets[u + 1]; a++)
                arcs.Add($"{s.Entities.Records[u].Id} {(a < adj.Split[u] ? "out" : "in")} {s.Entities.Records[adj.Targets[a]].Id} {s.Relations.Details![adj.Rel(u, a)].Id}");
        arcs.Sort(StringComparer.Ordinal);
        return arcs;
    }

    private static void AssertTopology(GraphSnapshot s)
    {
        var adj = s.Adjacency;
        var rel = s.Relations;
        Assert.Equal(2 * s.RelationCount, adj.Offsets[^1]);
        for (var r = 1; r < s.RelationCount; r++)
            Assert.True(RelationTable.Before(rel.From[r - 1], rel.To[r - 1], rel.Keys[r - 1], rel.From[r], rel.To[r], rel.Keys[r]),
                $"relations {r - 1} and {r} are out of (from, to, key) order");
        var asOut = new int[s.RelationCount];
        var asIn = new int[s.RelationCount];
        for (var u = 0; u < s.EntityCount; u++)
        {
            for (var a = adj.Offsets[u]; a < adj.Offsets[u + 1]; a++)
            {
                var r = adj.Rel(u, a);
                var leaving = a < adj.Split[u];
                Assert.Equal((u, adj.Targets[a]), leaving ? (rel.From[r], rel.To[r]) : (rel.To[r], rel.From[r]));
                if (a > adj.Offsets[u] && a != adj.Split[u]) Assert.True(adj.Targets[a - 1] <= adj.Targets[a], $"arcs of {u} out of neighbour order");
                (leaving ? asOut : asIn)[r]++;
            }
        }
        Assert.All(asOut, count => Assert.Equal(1, count));
        Assert.All(asIn, count => Assert.Equal(1, count));
        for (var r = 0; r < s.RelationCount; r++)
        {
            var record = rel.Details![r];
            Assert.Equal((record.From, record.To), (s.Entities.Records[rel.From[r]].Id, s.Entities.Records[rel.To[r]].Id));
            Assert.Equal(r, s.RelationIndexById![record.Id]);
            Assert.Equal(record.Retracted is not null, (rel.Flags[r] & GraphSnapshot.RetractedFlag) != 0);
        }
    }
}
