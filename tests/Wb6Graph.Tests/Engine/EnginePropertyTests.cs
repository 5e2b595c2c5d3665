using QuikGraph;
using QuikGraph.Algorithms;
using Wb6Graph.Engine;
using Wb6Graph.Model;
using Wb6Graph.Tests.Support;
using Xunit.Abstractions;

namespace Wb6Graph.Tests.Engine;

/// <summary>
/// The engine against references on random small graphs: QuikGraph's shortest paths, and brute force for k paths,
/// link scores and betweenness. Each case prints its seed so a failure can be replayed.
/// </summary>
public sealed class EnginePropertyTests(ITestOutputHelper output)
{
    private const int Cases = 60;

    /// <summary>A random graph whose entities are Countries or NationalAuthorities, some of the latter of a country.</summary>
    private sealed record RandomGraph(int N, List<(int A, int B)> Edges, EntityKind[] Kinds, string?[] CountryOf, EngineFixture Fixture) : IDisposable
    {
        public static string Id(int i) => $"n{i}";

        public IEnumerable<string> Countries => Enumerable.Range(0, N).Where(i => Kinds[i] == EntityKind.Country).Select(Id);

        public HashSet<int>[] Adjacency()
        {
            var adj = Enumerable.Range(0, N).Select(_ => new HashSet<int>()).ToArray();
            foreach (var (a, b) in Edges)
            {
                adj[a].Add(b);
                adj[b].Add(a);
            }
            return adj;
        }

        public void Dispose() => Fixture.Dispose();
    }

    private static RandomGraph Make(int seed)
    {
        var rnd = new Random(seed);
        var n = rnd.Next(2, 13);
        var m = rnd.Next(0, n * 3);
        var builder = new GraphBuilder();
        // Kinds and countries have their own generator, so that a seed's edges stay the ones it always had.
        var place = new Random(1_000 + seed);
        var kinds = Enumerable.Range(0, n).Select(i => i == 0 || place.NextDouble() < 0.25 ? EntityKind.Country : EntityKind.NationalAuthority).ToArray();
        var countries = Enumerable.Range(0, n).Where(i => kinds[i] == EntityKind.Country).ToList();
        var countryOf = kinds.Select(k => k != EntityKind.Country && place.NextDouble() < 0.7 ? RandomGraph.Id(countries[place.Next(countries.Count)]) : null).ToArray();
        for (var i = 0; i < n; i++) builder.Entity(RandomGraph.Id(i), kinds[i], country: countryOf[i]);
        var edges = new List<(int, int)>();
        for (var j = 0; j < m; j++)
        {
            var a = rnd.Next(n);
            var b = rnd.Next(n);
            if (a == b) continue;
            edges.Add((a, b));
            // Parallel relations between the same pair are allowed and must count once.
            builder.Relation(RandomGraph.Id(a), "COOPERATES_WITH", RandomGraph.Id(b), id: $"r{j}");
        }
        return new RandomGraph(n, edges, kinds, countryOf, EngineFixture.Of(builder.Build()));
    }

    private void ForEachSeed(Action<int, RandomGraph> check)
    {
        for (var seed = 1; seed <= Cases; seed++)
        {
            using var g = Make(seed);
            try
            {
                check(seed, g);
            }
            catch
            {
                output.WriteLine($"failing seed: {seed} (n={g.N}, edges={string.Join(' ', g.Edges)})");
                throw;
            }
        }
    }

    [Fact]
    public void Shortest_path_lengths_match_QuikGraph()
    {
        ForEachSeed((_, g) =>
        {
            var qg = new UndirectedGraph<int, Edge<int>>();
            qg.AddVertexRange(Enumerable.Range(0, g.N));
            qg.AddEdgeRange(g.Edges.Select(e => new Edge<int>(e.A, e.B)));
            for (var a = 0; a < g.N; a++)
            {
                var tryPath = qg.ShortestPathsDijkstra(_ => 1.0, a);
                for (var b = 0; b < g.N; b++)
                {
                    if (a == b) continue;
                    var expected = tryPath(b, out var edges) ? edges.Count() : (int?)null;
                    var actual = g.Fixture.Engine.ShortestPath(RandomGraph.Id(a), RandomGraph.Id(b), new TraversalOptions(MaxHops: 10)).Value;
                    Assert.Equal(expected, actual?.Length);
                    if (actual is not null) AssertIsPath(g, actual);
                }
            }
        });
    }

    [Fact]
    public void K_shortest_paths_match_brute_force_enumeration()
    {
        ForEachSeed((seed, g) =>
        {
            var adj = g.Adjacency();
            var rnd = new Random(seed);
            var a = rnd.Next(g.N);
            var b = (a + 1 + rnd.Next(g.N - 1)) % g.N;
            const int maxHops = 5;
            var all = new List<int[]>();
            Enumerate(adj, a, b, maxHops, [a], all);
            var expected = all.Select(p => p.Length - 1).Order().Take(4).ToList();
            var actual = g.Fixture.Engine.Paths(RandomGraph.Id(a), RandomGraph.Id(b), 4, new TraversalOptions(MaxHops: maxHops)).Value;
            Assert.Equal(expected, actual.Select(p => p.Length));
            Assert.Equal(actual.Count, actual.Select(p => string.Join(',', p.Entities.Select(e => e.Id))).Distinct().Count());
            foreach (var p in actual) AssertIsPath(g, p);
        });
    }

    [Theory]
    [InlineData(LinkScore.CommonNeighbours)]
    [InlineData(LinkScore.AdamicAdar)]
    [InlineData(LinkScore.ResourceAllocation)]
    [InlineData(LinkScore.PreferentialAttachment)]
    public void Link_scores_match_their_textbook_definitions(LinkScore method)
    {
        ForEachSeed((seed, g) =>
        {
            var adj = g.Adjacency();
            var x = new Random(seed).Next(g.N);
            var expected = Reference(adj, u => u == x, method).ToDictionary(p => RandomGraph.Id(p.To), p => p.Score);
            var actual = g.Fixture.Engine.SuggestedLinks(RandomGraph.Id(x), null, null, null, method, 200, null).Value;
            Assert.Equal(expected.Count, actual.Count);
            foreach (var s in actual)
            {
                Assert.Equal(expected[s.To], s.Score, 9);
                Assert.Equal(adj[x].Intersect(adj[int.Parse(s.To[1..], System.Globalization.CultureInfo.InvariantCulture)]).Count(), s.SharedNeighbours.Count);
            }
            Assert.Equal(actual.Select(s => s.Score).OrderDescending(), actual.Select(s => s.Score));
        });
    }

    [Theory]
    [InlineData(LinkScore.CommonNeighbours)]
    [InlineData(LinkScore.AdamicAdar)]
    [InlineData(LinkScore.ResourceAllocation)]
    [InlineData(LinkScore.PreferentialAttachment)]
    public void Graph_wide_suggestions_from_countries_are_the_brute_force_ones_with_an_end_of_those_countries(LinkScore method)
    {
        ForEachSeed((seed, g) =>
        {
            var rnd = new Random(seed);
            var adj = g.Adjacency();
            var countries = g.Countries.Where(_ => rnd.Next(2) == 0).DefaultIfEmpty(RandomGraph.Id(0)).ToList();
            var kinds = rnd.Next(2) == 0 ? null : new HashSet<EntityKind> { EntityKind.NationalAuthority };
            bool Proposes(int u) => (kinds is null || kinds.Contains(g.Kinds[u])) && (countries.Contains(RandomGraph.Id(u)) || (g.CountryOf[u] is { } c && countries.Contains(c)));
            // The unfiltered reference, each pair once, kept where an end may propose it.
            var expected = Reference(adj, _ => true, method)
                .Where(p => Proposes(p.From) || Proposes(p.To))
                .ToDictionary(p => Pair(RandomGraph.Id(p.From), RandomGraph.Id(p.To)), p => p.Score);

            var all = g.Fixture.Engine.SuggestedLinks(null, kinds, countries, null, method, 200, null);
            var limit = rnd.Next(1, 5);
            var top = g.Fixture.Engine.SuggestedLinks(null, kinds, countries, null, method, limit, null).Value;

            Assert.False(all.Capped);
            Assert.Equal(expected.Keys.Order(), all.Value.Select(s => Pair(s.From, s.To)).Order());
            foreach (var s in all.Value.Concat(top))
            {
                Assert.True(Proposes(int.Parse(s.From[1..], System.Globalization.CultureInfo.InvariantCulture)), $"{s.From} is not of {string.Join(",", countries)}");
                Assert.Equal(expected[Pair(s.From, s.To)], s.Score, 9);
            }
            // As Assert.Equal(double, double, 9) compares: rounded to 9 digits.
            Assert.Equal(expected.Values.OrderDescending().Take(limit).Select(v => Math.Round(v, 9)), top.Select(s => Math.Round(s.Score, 9)));
        });
    }

    [Fact]
    public void Betweenness_matches_counting_shortest_paths_through_each_entity()
    {
        ForEachSeed((_, g) =>
        {
            var adj = g.Adjacency();
            var dist = new int[g.N, g.N];
            var count = new double[g.N, g.N];
            for (var s = 0; s < g.N; s++)
            {
                for (var t = 0; t < g.N; t++) dist[s, t] = -1;
                dist[s, s] = 0;
                count[s, s] = 1;
                var queue = new Queue<int>([s]);
                while (queue.TryDequeue(out var u))
                    foreach (var v in adj[u])
                    {
                        if (dist[s, v] < 0)
                        {
                            dist[s, v] = dist[s, u] + 1;
                            queue.Enqueue(v);
                        }
                        if (dist[s, v] == dist[s, u] + 1) count[s, v] += count[s, u];
                    }
            }
            var expected = new double[g.N];
            for (var s = 0; s < g.N; s++)
                for (var t = s + 1; t < g.N; t++)
                    for (var v = 0; v < g.N; v++)
                        if (v != s && v != t && dist[s, t] > 0 && dist[s, v] > 0 && dist[v, t] > 0 && dist[s, v] + dist[v, t] == dist[s, t])
                            expected[v] += count[s, v] * count[v, t] / count[s, t];
            var actual = g.Fixture.Engine.Centrality(CentralityMeasure.Betweenness, null, null, 200).Value;
            foreach (var r in actual)
                Assert.Equal(expected[int.Parse(r.Entity.Id[1..], System.Globalization.CultureInfo.InvariantCulture)], r.Score, 9);
        });
    }

    /// <summary>
    /// By brute force: every absent link from an entity that may propose one, scored, each unordered pair once (from
    /// the first end that proposes it); the neighbourhood scores only where there is a shared neighbour.
    /// </summary>
    private static List<(int From, int To, double Score)> Reference(HashSet<int>[] adj, Func<int, bool> proposes, LinkScore method)
    {
        var pairs = new List<(int From, int To, double Score)>();
        var seen = new HashSet<(int, int)>();
        for (var x = 0; x < adj.Length; x++)
        {
            if (!proposes(x)) continue;
            for (var y = 0; y < adj.Length; y++)
            {
                if (y == x || adj[x].Contains(y) || !seen.Add((Math.Min(x, y), Math.Max(x, y)))) continue;
                var score = Score(adj, x, y, method);
                if (method == LinkScore.PreferentialAttachment || score > 0) pairs.Add((x, y, score));
            }
        }
        return pairs;
    }

    private static string Pair(string a, string b) => string.CompareOrdinal(a, b) < 0 ? $"{a}-{b}" : $"{b}-{a}";

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

    private static void Enumerate(HashSet<int>[] adj, int u, int target, int maxHops, List<int> path, List<int[]> found)
    {
        if (u == target)
        {
            found.Add([.. path]);
            return;
        }
        if (path.Count - 1 == maxHops) return;
        foreach (var v in adj[u])
        {
            if (path.Contains(v)) continue;
            path.Add(v);
            Enumerate(adj, v, target, maxHops, path, found);
            path.RemoveAt(path.Count - 1);
        }
    }

    private static void AssertIsPath(RandomGraph g, GraphPath p)
    {
        var ids = p.Entities.Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        for (var i = 0; i < p.Steps.Count; i++)
        {
            Assert.NotEmpty(p.Steps[i].Relations);
            Assert.All(p.Steps[i].Relations, r => Assert.True(
                (r.From == ids[i] && r.To == ids[i + 1]) || (r.From == ids[i + 1] && r.To == ids[i])));
        }
    }
}
