using Wb6Graph.Embedded;
using Wb6Graph.Model;

namespace Wb6Graph.Engine;

/// <summary>
/// Masks for Yen's algorithm: nodes and arcs a spur search may not use. Kept outside the graph, which is never copied or changed.
/// </summary>
internal sealed class PathMask
{
    public readonly HashSet<int> Nodes = [];
    public readonly HashSet<long> Edges = [];

    public static long Edge(int u, int v) => (long)u << 32 | (uint)v;

    public bool Blocks(int u, int v) => Nodes.Contains(v) || Edges.Contains(Edge(u, v));

    public void Clear()
    {
        Nodes.Clear();
        Edges.Clear();
    }
}

/// <summary>The graph algorithms over a snapshot's CSR arrays. Indexes in, indexes out; the engine turns them into entities.</summary>
internal static partial class Traversal
{
    /// <summary>
    /// Unweighted shortest path by bidirectional BFS: a level at a time on the side whose frontier has fewer arcs,
    /// until an entity is reached from both sides.
    /// Writes the path's entity indexes into <paramref name="path"/> and returns its hop count, or -1.
    /// </summary>
    public static int ShortestPath(GraphSnapshot s, int from, int to, in ArcFilter f, int maxHops, PathMask? mask, List<int> path)
    {
        path.Clear();
        if (from == to)
        {
            path.Add(from);
            return 0;
        }
        var sc = Scratch.For(s.EntityCount);
        var mark = sc.Next();
        var seenA = sc.StampA;
        var seenB = sc.StampB;
        var parentA = sc.ParentA;
        var parentB = sc.ParentB;
        var qa = sc.Queue;
        var qb = sc.Queue2;
        seenA[from] = mark;
        seenB[to] = mark;
        parentA[from] = -1;
        parentB[to] = -1;
        int aHead = 0, aTail = 0, bHead = 0, bTail = 0;
        qa[aTail++] = from;
        qb[bTail++] = to;
        var mode = Mode(s, f);
        var (outward, inward) = f.ForwardOnly ? (Direction.Out, Direction.In) : (Direction.Both, Direction.Both);
        // Each side's next level costs as many arc visits as its frontier has arcs: expanding the side with fewer
        // arcs (not fewer entities) keeps a search that meets a hub from scanning the hub's whole list.
        long arcsA = ArcCount(s, from, outward), arcsB = ArcCount(s, to, inward);
        int depthA = 0, depthB = 0;
        while (aHead < aTail && bHead < bTail && depthA + depthB < maxHops)
        {
            int meet;
            if (arcsA <= arcsB)
            {
                (meet, aHead, aTail, arcsA) = ExpandLevel(s, f, mode, mask, qa, aHead, aTail, seenA, parentA, seenB, mark, towardTarget: true, to);
                depthA++;
            }
            else
            {
                (meet, bHead, bTail, arcsB) = ExpandLevel(s, f, mode, mask, qb, bHead, bTail, seenB, parentB, seenA, mark, towardTarget: false, from);
                depthB++;
            }
            if (meet >= 0)
            {
                for (var v = meet; v != -1; v = parentA[v]) path.Add(v);
                path.Reverse();
                for (var v = parentB[meet]; v != -1; v = parentB[v]) path.Add(v);
                return path.Count - 1;
            }
        }
        return -1;
    }

    private static long ArcCount(GraphSnapshot s, int u, Direction direction)
    {
        var (start, end) = s.Adjacency.Range(u, direction);
        return end - start;
    }

    private static (int Meet, int Head, int Tail, long Arcs) ExpandLevel(
        GraphSnapshot s, in ArcFilter f, int mode, PathMask? mask, int[] queue, int head, int tail,
        int[] seen, int[] parent, int[] otherSeen, int mark, bool towardTarget, int otherEnd)
    {
        // The first entity met ends the search: no entity was seen by both searches before this level, so every one
        // this level meets sits in the other search's last level, and all such meetings give the same length.
        var levelEnd = tail;
        long arcs = 0;
        var adj = s.Adjacency;
        var offsets = adj.Offsets;
        var split = adj.Split;
        var targets = adj.Targets;
        // Walking toward the target follows arcs forward (Out); walking back from it follows them backward (In).
        var firstHalf = !f.ForwardOnly || towardTarget;
        var secondHalf = !f.ForwardOnly || !towardTarget;
        while (head < levelEnd)
        {
            var u = queue[head++];
            var start = firstHalf ? offsets[u] : split[u];
            var end = secondHalf ? offsets[u + 1] : split[u];
            for (var a = start; a < end; a++)
            {
                var v = targets[a];
                if (seen[v] == mark) continue;
                if (mode != 0)
                {
                    if (!Admits(s, f, mode, adj.Rel(u, a))) continue;
                    if (mode == 2 && v != otherEnd && !f.Entity(v)) continue;
                }
                if (mask is not null && (towardTarget ? mask.Blocks(u, v) : mask.Blocks(v, u) || mask.Nodes.Contains(v))) continue;
                seen[v] = mark;
                parent[v] = u;
                queue[tail++] = v;
                arcs += (secondHalf ? offsets[v + 1] : split[v]) - (firstHalf ? offsets[v] : split[v]);
                if (otherSeen[v] == mark) return (v, head, tail, arcs);
            }
        }
        return (-1, head, tail, arcs);
    }

    /// <summary>Dijkstra with the cheapest admitted relation between two entities as the step's weight.</summary>
    public static double WeightedPath(GraphSnapshot s, int from, int to, in ArcFilter f, int maxHops, PathMask? mask, List<int> path, PriorityQueue<int, double> heap)
    {
        path.Clear();
        var sc = Scratch.For(s.EntityCount);
        var mark = sc.Next();
        var seen = sc.StampA;
        var done = sc.StampB;
        var dist = sc.Dist;
        var parent = sc.ParentA;
        var hops = sc.Hops;
        heap.Clear();
        seen[from] = mark;
        dist[from] = 0;
        hops[from] = 0;
        parent[from] = -1;
        heap.Enqueue(from, 0);
        while (heap.TryDequeue(out var u, out var d))
        {
            if (done[u] == mark || d > dist[u]) continue;
            done[u] = mark;
            if (u == to) break;
            if (hops[u] >= maxHops) continue;
            var adj = s.Adjacency;
            var (start, end) = adj.Range(u, f.ForwardOnly ? Direction.Out : Direction.Both);
            for (var a = start; a < end; a++)
            {
                var v = adj.Targets[a];
                var r = adj.Rel(u, a);
                if (done[v] == mark || !f.Relation(r)) continue;
                if (v != to && !f.Entity(v)) continue;
                if (mask is not null && mask.Blocks(u, v)) continue;
                var nd = d + f.Weight(r);
                if (seen[v] == mark && nd >= dist[v]) continue;
                seen[v] = mark;
                dist[v] = nd;
                hops[v] = hops[u] + 1;
                parent[v] = u;
                heap.Enqueue(v, nd);
            }
        }
        if (done[to] != mark) return double.PositiveInfinity;
        for (var v = to; v != -1; v = parent[v]) path.Add(v);
        path.Reverse();
        return dist[to];
    }
}
