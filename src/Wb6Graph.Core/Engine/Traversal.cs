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
internal static class Traversal
{
    /// <summary>
    /// Breadth-first search from one entity over arcs either way (or forward only), level by level so that no
    /// per-entity depth is kept; returns how many entities it reached.
    /// </summary>
    public static int Bfs(GraphSnapshot s, int source, in ArcFilter f, int maxHops = int.MaxValue)
    {
        // A bit per entity (125 KB for a million) stays in cache where an int stamp per entity would not;
        // clearing it costs microseconds against a whole-graph search.
        var sc = Scratch.For(s.EntityCount);
        var seen = sc.Bits;
        Array.Clear(seen);
        var queue = sc.Queue;
        var adj = s.Adjacency;
        var offsets = adj.Offsets;
        var ends = f.ForwardOnly ? adj.Split : null;
        var targets = adj.Targets;
        var rels = adj.Rels;
        var flags = s.Relations.Flags;
        var unfiltered = f.Unfiltered;
        var checkRetracted = s.HasRetracted;
        int head = 0, tail = 0, depth = 0;
        seen[source >> 6] |= 1UL << source;
        queue[tail++] = source;
        while (head < tail && depth < maxHops)
        {
            var levelEnd = tail;
            while (head < levelEnd)
            {
                var u = queue[head++];
                var end = ends is null ? offsets[u + 1] : ends[u];
                for (var a = offsets[u]; a < end; a++)
                {
                    var v = targets[a];
                    if ((seen[v >> 6] & (1UL << v)) != 0) continue;
                    if (unfiltered)
                    {
                        if (checkRetracted && (flags[rels[a]] & GraphSnapshot.RetractedFlag) != 0) continue;
                    }
                    else if (!f.Relation(rels[a]) || !f.Entity(v))
                    {
                        continue;
                    }
                    seen[v >> 6] |= 1UL << v;
                    queue[tail++] = v;
                }
            }
            depth++;
        }
        return tail;
    }

    /// <summary>
    /// Unweighted shortest path by bidirectional BFS, expanding the smaller frontier a whole level at a time.
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
        var hopsA = sc.Hops;
        var hopsB = sc.HopsB;
        hopsA[from] = 0;
        hopsB[to] = 0;
        seenA[from] = mark;
        seenB[to] = mark;
        parentA[from] = -1;
        parentB[to] = -1;
        int aHead = 0, aTail = 0, bHead = 0, bTail = 0;
        qa[aTail++] = from;
        qb[bTail++] = to;
        int depthA = 0, depthB = 0;
        while (aHead < aTail && bHead < bTail && depthA + depthB < maxHops)
        {
            var forward = aTail - aHead <= bTail - bHead;
            int meet;
            if (forward)
            {
                (meet, aHead, aTail) = ExpandLevel(s, f, mask, qa, aHead, aTail, seenA, parentA, hopsA, seenB, hopsB, mark, towardTarget: true, to);
                depthA++;
            }
            else
            {
                (meet, bHead, bTail) = ExpandLevel(s, f, mask, qb, bHead, bTail, seenB, parentB, hopsB, seenA, hopsA, mark, towardTarget: false, from);
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

    private static (int Meet, int Head, int Tail) ExpandLevel(
        GraphSnapshot s, in ArcFilter f, PathMask? mask, int[] queue, int head, int tail,
        int[] seen, int[] parent, int[] hops, int[] otherSeen, int[] otherHops, int mark, bool towardTarget, int otherEnd)
    {
        // The whole level is expanded before choosing where the two searches meet: nodes met in one level can lie
        // at different depths of the other search, and only the smallest sum is a shortest path.
        var levelEnd = tail;
        var meet = -1;
        var best = int.MaxValue;
        while (head < levelEnd)
        {
            var u = queue[head++];
            // Walking toward the target follows arcs forward (Out); walking back from it follows them backward (In).
            var adj = s.Adjacency;
            var (start, end) = adj.Range(u, !f.ForwardOnly ? Direction.Both : towardTarget ? Direction.Out : Direction.In);
            for (var a = start; a < end; a++)
            {
                var v = adj.Targets[a];
                if (seen[v] == mark || !f.Relation(adj.Rels[a])) continue;
                if (v != otherEnd && !f.Entity(v)) continue;
                if (mask is not null && (towardTarget ? mask.Blocks(u, v) : mask.Blocks(v, u) || mask.Nodes.Contains(v))) continue;
                seen[v] = mark;
                parent[v] = u;
                hops[v] = hops[u] + 1;
                queue[tail++] = v;
                if (otherSeen[v] == mark && hops[v] + otherHops[v] < best)
                {
                    best = hops[v] + otherHops[v];
                    meet = v;
                }
            }
        }
        return (meet, head, tail);
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
                var r = adj.Rels[a];
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
