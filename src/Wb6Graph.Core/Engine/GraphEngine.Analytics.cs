using Wb6Graph.Embedded;
using Wb6Graph.Model;

namespace Wb6Graph.Engine;

public sealed partial class GraphEngine
{
    /// <summary>
    /// Who brokers: betweenness (Brandes, on the simple undirected graph, exact up to Limits.CentralitySources
    /// sources and estimated from a seeded sample above) or degree (distinct neighbours). Only entities of
    /// <paramref name="kinds"/> are ranked; all entities carry paths.
    /// </summary>
    public Bounded<IReadOnlyList<RankedEntity>> Centrality(CentralityMeasure measure, IReadOnlySet<EntityKind>? kinds, DateOnly? asOf, int? limit, CancellationToken ct = default)
    {
        var s = store.Snapshot;
        if (limit is < 1) throw new GraphValidationException([new("limit", limit.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "limit must be at least 1")]);
        var (max, limitCapped) = limits.Ranked(limit, 20); // capped only if the cap left someone out (see below)
        var capped = false;
        var f = new ArcFilter(s, new TraversalOptions(AsOf: asOf));
        var n = s.EntityCount;
        var score = new double[n];
        var neighbours = SimpleNeighbours(s, f);
        if (measure == CentralityMeasure.Degree)
        {
            for (var v = 0; v < n; v++) score[v] = neighbours[v].Length;
        }
        else
        {
            var sources = Enumerable.Range(0, n).Where(f.Exists).ToArray();
            if (sources.Length > limits.CentralitySources)
            {
                new Random(17).Shuffle(sources);
                capped = true;
            }
            var used = Math.Min(sources.Length, limits.CentralitySources);
            Brandes(neighbours, sources.AsSpan(0, used), score, ct);
            var scale = used == 0 ? 0 : (double)sources.Length / used / 2; // undirected: each pair is counted from both ends
            for (var v = 0; v < n; v++) score[v] *= scale;
        }
        var ranked = Enumerable.Range(0, n)
            .Where(v => f.Exists(v) && (kinds is not { Count: > 0 } || kinds.Contains(s.Entities.Kinds[v])))
            .OrderByDescending(v => score[v]).ThenBy(v => s.Entities.Records[v].Id, StringComparer.Ordinal)
            .Take(max + 1)
            .Select((v, i) => new RankedEntity(s.Entities.Records[v], score[v], i + 1))
            .ToList();
        if (ranked.Count > max)
        {
            capped |= limitCapped;
            ranked.RemoveAt(max);
        }
        return new(ranked, capped);
    }

    private static void Brandes(int[][] adj, ReadOnlySpan<int> sources, double[] centrality, CancellationToken ct)
    {
        var n = adj.Length;
        var sigma = new double[n];
        var dist = new int[n];
        var delta = new double[n];
        var stack = new int[n];
        var queue = new int[n];
        foreach (var src in sources)
        {
            ct.ThrowIfCancellationRequested();
            Array.Fill(dist, -1);
            Array.Clear(sigma);
            Array.Clear(delta);
            int top = 0, head = 0, tail = 0;
            sigma[src] = 1;
            dist[src] = 0;
            queue[tail++] = src;
            while (head < tail)
            {
                var v = queue[head++];
                stack[top++] = v;
                foreach (var w in adj[v])
                {
                    if (dist[w] < 0)
                    {
                        dist[w] = dist[v] + 1;
                        queue[tail++] = w;
                    }
                    if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
                }
            }
            while (top > 0)
            {
                var w = stack[--top];
                foreach (var v in adj[w])
                    if (dist[v] == dist[w] - 1) delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
                if (w != src) centrality[w] += delta[w];
            }
        }
    }

    /// <summary>The simple undirected graph: each entity's distinct admitted neighbours, sorted, no self loops.</summary>
    internal static int[][] SimpleNeighbours(GraphSnapshot s, ArcFilter f)
    {
        var result = new int[s.EntityCount][];
        var set = new SortedSet<int>();
        for (var u = 0; u < s.EntityCount; u++)
        {
            set.Clear();
            if (f.Exists(u))
                foreach (var (v, _) in Arcs(s, u, f))
                    if (v != u && f.Exists(v)) set.Add(v);
            result[u] = set.ToArray();
        }
        return result;
    }
}
