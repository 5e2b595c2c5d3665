using Wb6Graph.Engine;
using Wb6Graph.Model;
using Wb6Graph.Tests.Support;
using Xunit.Abstractions;

namespace Wb6Graph.Tests.Engine;

/// <summary>
/// The shortcuts the engine takes on large graphs, against plain references on random graphs with hubs: the
/// direction-optimizing full BFS against a textbook BFS, and link suggestions that skip expanding hubs against brute
/// force. Each case prints its seed so a failure can be replayed.
/// </summary>
public sealed class TraversalPropertyTests(ITestOutputHelper output)
{
    private const int Cases = 40;
    private static readonly DateOnly Day = new(2024, 6, 1);

    private sealed record Edge(int A, int B, bool Retracted, bool Ended);

    private sealed record HubGraph(int N, List<Edge> Edges, EngineFixture Fixture) : IDisposable
    {
        public static string Id(int i) => $"n{i:D3}";

        public void Dispose() => Fixture.Dispose();
    }

    /// <summary>A graph where a few hubs take most relations, some relations retracted or ended before <see cref="Day"/>.</summary>
    private static HubGraph Make(int seed, int minNodes, int maxNodes)
    {
        var rnd = new Random(seed);
        var n = rnd.Next(minNodes, maxNodes);
        var hubs = rnd.Next(1, 5);
        var m = rnd.Next(n, n * 6);
        var builder = new GraphBuilder();
        for (var i = 0; i < n; i++) builder.Entity(HubGraph.Id(i));
        var edges = new List<Edge>();
        for (var j = 0; j < m; j++)
        {
            var a = rnd.Next(n);
            var b = rnd.NextDouble() < 0.5 ? rnd.Next(hubs) : rnd.Next(n);
            if (a == b) continue;
            var edge = new Edge(a, b, rnd.NextDouble() < 0.05, rnd.NextDouble() < 0.1);
            edges.Add(edge);
            builder.Relation(HubGraph.Id(a), "COOPERATES_WITH", HubGraph.Id(b), id: $"r{j}",
                validTo: edge.Ended ? new DateOnly(2020, 1, 1) : null,
                retracted: edge.Retracted ? new Retraction("test", DateTimeOffset.UnixEpoch, [GraphBuilder.DefaultSource]) : null);
        }
        return new HubGraph(n, edges, EngineFixture.Of(builder.Build()));
    }

    private void ForEachSeed(int minNodes, int maxNodes, Action<int, HubGraph> check)
    {
        for (var seed = 1; seed <= Cases; seed++)
        {
            using var g = Make(seed, minNodes, maxNodes);
            try
            {
                check(seed, g);
            }
            catch
            {
                output.WriteLine($"failing seed: {seed} (n={g.N}, edges={g.Edges.Count})");
                throw;
            }
        }
    }

    [Fact]
    public void Full_bfs_reaches_what_a_textbook_bfs_reaches()
    {
        ForEachSeed(50, 400, (seed, g) =>
        {
            var rnd = new Random(seed);
            var s = g.Fixture.Store.Snapshot;
            foreach (var forwardOnly in new[] { false, true })
                foreach (var asOf in new DateOnly?[] { null, Day })
                    foreach (var maxHops in new[] { int.MaxValue, 1, 2, rnd.Next(3, 6) })
                    {
                        var source = rnd.Next(2) == 0 ? 0 : rnd.Next(g.N);
                        var f = new ArcFilter(s, new TraversalOptions(AsOf: asOf, ForwardOnly: forwardOnly));
                        var expected = Reach(g, source, forwardOnly, asOf is not null, maxHops);
                        Assert.Equal(expected, Traversal.Bfs(s, s.Entities.IndexOf[HubGraph.Id(source)], f, maxHops));
                    }
        });
    }

    [Theory]
    [InlineData(LinkScore.CommonNeighbours, false)]
    [InlineData(LinkScore.AdamicAdar, false)]
    [InlineData(LinkScore.ResourceAllocation, false)]
    [InlineData(LinkScore.PreferentialAttachment, false)]
    [InlineData(LinkScore.CommonNeighbours, true)]
    [InlineData(LinkScore.AdamicAdar, true)]
    [InlineData(LinkScore.ResourceAllocation, true)]
    [InlineData(LinkScore.PreferentialAttachment, true)]
    public void Suggestions_around_hubs_keep_the_exact_top_scores(LinkScore method, bool dated)
    {
        // Dated, the relations that ended before the day are gone: degrees and shared neighbours are those of that day,
        // and two entities whose only link had ended may be suggested again.
        ForEachSeed(200, 500, (seed, g) =>
        {
            var rnd = new Random(seed);
            var adj = Simple(g, dated);
            for (var q = 0; q < 5; q++)
            {
                var x = rnd.Next(g.N);
                var limit = rnd.Next(1, 5);
                var expected = Enumerable.Range(0, g.N)
                    .Where(y => y != x && !adj[x].Contains(y))
                    .Select(y => Score(adj, x, y, method))
                    .Where(score => method == LinkScore.PreferentialAttachment || score > 0)
                    .OrderDescending()
                    .Take(limit)
                    .ToList();
                var actual = g.Fixture.Engine.SuggestedLinks(HubGraph.Id(x), null, null, null, method, limit, dated ? Day : null);
                Assert.False(actual.Capped);
                Assert.Equal(expected.Count, actual.Value.Count);
                for (var i = 0; i < expected.Count; i++)
                {
                    var y = int.Parse(actual.Value[i].To[1..], System.Globalization.CultureInfo.InvariantCulture);
                    Assert.Equal(Score(adj, x, y, method), actual.Value[i].Score, 9);
                    Assert.Equal(expected[i], actual.Value[i].Score, 9);
                    Assert.Equal(adj[x].Intersect(adj[y]).Select(HubGraph.Id).Order(StringComparer.Ordinal), actual.Value[i].SharedNeighbours);
                }
            }
        });
    }

    private static int Reach(HubGraph g, int source, bool forwardOnly, bool dated, int maxHops)
    {
        var next = Enumerable.Range(0, g.N).Select(_ => new List<int>()).ToArray();
        foreach (var e in g.Edges.Where(e => !e.Retracted && !(dated && e.Ended)))
        {
            next[e.A].Add(e.B);
            if (!forwardOnly) next[e.B].Add(e.A);
        }
        var depth = new Dictionary<int, int> { [source] = 0 };
        var queue = new Queue<int>([source]);
        while (queue.TryDequeue(out var u))
            if (depth[u] < maxHops)
                foreach (var v in next[u])
                    if (depth.TryAdd(v, depth[u] + 1)) queue.Enqueue(v);
        return depth.Count;
    }

    private static HashSet<int>[] Simple(HubGraph g, bool dated)
    {
        var adj = Enumerable.Range(0, g.N).Select(_ => new HashSet<int>()).ToArray();
        foreach (var e in g.Edges.Where(e => !e.Retracted && !(dated && e.Ended)))
        {
            adj[e.A].Add(e.B);
            adj[e.B].Add(e.A);
        }
        return adj;
    }

    private static double Score(HashSet<int>[] adj, int x, int y, LinkScore method)
    {
        var shared = adj[x].Intersect(adj[y]).ToList();
        return method switch
        {
            LinkScore.CommonNeighbours => shared.Count,
            LinkScore.AdamicAdar => shared.Sum(z => 1.0 / Math.Log(adj[z].Count)),
            LinkScore.ResourceAllocation => shared.Sum(z => 1.0 / adj[z].Count),
            _ => adj[x].Count * adj[y].Count,
        };
    }
}
