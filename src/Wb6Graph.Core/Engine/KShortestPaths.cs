using Wb6Graph.Embedded;
using Wb6Graph.Model;

namespace Wb6Graph.Engine;

/// <summary>
/// Yen's k shortest simple paths. Each spur search runs on the same snapshot with a mask of the nodes of the root path
/// and the arcs that earlier paths with the same root used; the graph itself is never copied or modified.
/// </summary>
internal static class KShortestPaths
{
    public static List<(int[] Nodes, double Cost)> Find(
        GraphSnapshot s, int from, int to, in ArcFilter f, int k, int maxHops, bool weighted, CancellationToken ct)
    {
        var found = new List<(int[] Nodes, double Cost)>();
        var buffer = new List<int>();
        var heap = new PriorityQueue<int, double>();
        var first = Search(s, from, to, f, maxHops, null, buffer, heap, weighted);
        if (first is null) return found;
        found.Add(first.Value);
        var candidates = new PriorityQueue<(int[] Nodes, double Cost), (double, int, string)>();
        var known = new HashSet<string> { Key(first.Value.Nodes) };
        var mask = new PathMask();
        while (found.Count < k)
        {
            ct.ThrowIfCancellationRequested();
            var last = found[^1].Nodes;
            for (var i = 0; i < last.Length - 1; i++)
            {
                var spur = last[i];
                mask.Clear();
                foreach (var (p, _) in found)
                    if (p.Length > i + 1 && p.AsSpan(0, i + 1).SequenceEqual(last.AsSpan(0, i + 1)))
                        mask.Edges.Add(PathMask.Edge(p[i], p[i + 1]));
                for (var j = 0; j < i; j++) mask.Nodes.Add(last[j]);
                var spurPath = Search(s, spur, to, f, maxHops - i, mask, buffer, heap, weighted);
                if (spurPath is null) continue;
                var nodes = last.AsSpan(0, i).ToArray().Concat(spurPath.Value.Nodes).ToArray();
                if (nodes.Length - 1 > maxHops || !known.Add(Key(nodes))) continue;
                var cost = weighted ? RootCost(s, f, last, i) + spurPath.Value.Cost : nodes.Length - 1;
                candidates.Enqueue((nodes, cost), (cost, nodes.Length, Key(nodes)));
            }
            if (!candidates.TryDequeue(out var next, out _)) break;
            found.Add(next);
        }
        return found;
    }

    private static (int[] Nodes, double Cost)? Search(
        GraphSnapshot s, int from, int to, in ArcFilter f, int maxHops, PathMask? mask, List<int> buffer, PriorityQueue<int, double> heap, bool weighted)
    {
        if (maxHops <= 0) return null;
        if (weighted)
        {
            var cost = Traversal.WeightedPath(s, from, to, f, maxHops, mask, buffer, heap);
            return double.IsPositiveInfinity(cost) ? null : (buffer.ToArray(), cost);
        }
        var hops = Traversal.ShortestPath(s, from, to, f, maxHops, mask, buffer);
        return hops < 0 ? null : (buffer.ToArray(), hops);
    }

    /// <summary>The weighted cost of the first <paramref name="i"/> steps of a path: the cheapest admitted relation per step.</summary>
    internal static double RootCost(GraphSnapshot s, in ArcFilter f, int[] nodes, int i)
    {
        var cost = 0.0;
        for (var j = 0; j < i; j++) cost += StepWeight(s, f, nodes[j], nodes[j + 1]);
        return cost;
    }

    internal static double StepWeight(GraphSnapshot s, in ArcFilter f, int u, int v)
    {
        var best = double.PositiveInfinity;
        var adj = s.Adjacency;
        var (start, end) = adj.Range(u, f.ForwardOnly ? Direction.Out : Direction.Both);
        for (var a = start; a < end; a++)
        {
            if (adj.Targets[a] != v) continue;
            var r = adj.Rel(u, a);
            if (f.Relation(r)) best = Math.Min(best, f.Weight(r));
        }
        return best;
    }

    private static string Key(int[] nodes) => string.Join(',', nodes);
}
