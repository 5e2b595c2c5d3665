using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Wb6Graph.Embedded;

namespace Wb6Graph.Engine;

internal static partial class Traversal
{
    // Beamer's thresholds (Direction-Optimizing Breadth-First Search, SC 2012): go bottom-up once the frontier holds
    // more than 1/Alpha of the arcs still unexplored, come back top-down once it holds fewer than 1/Beta of the nodes.
    private const int Alpha = 14;
    private const int Beta = 24;

    /// <summary>
    /// Breadth-first search from one entity over arcs either way (or forward only), level by level so that no
    /// per-entity depth is kept; returns how many entities it reached. Direction-optimizing: small frontiers push
    /// along their arcs (top-down), large ones are met by every unvisited entity looking for one parent in the frontier
    /// (bottom-up), which skips most arcs of the levels that hold the bulk of the graph.
    /// </summary>
    public static int Bfs(GraphSnapshot s, int source, in ArcFilter f, int maxHops = int.MaxValue)
    {
        var n = s.EntityCount;
        var words = (n + 63) >> 6;
        var sc = Scratch.For(n);
        // Bits per entity (125 KB for a million) stay in cache where an int stamp per entity would not.
        var seen = sc.Bits.AsSpan(0, words);
        var front = sc.Bits2.AsSpan(0, words);
        var next = sc.Bits3.AsSpan(0, words);
        seen.Clear();
        var queue = sc.Queue.AsSpan(0, n);
        var adj = s.Adjacency;
        var offsets = adj.Offsets.AsSpan(0, n + 1);
        var mode = Mode(s, f);

        seen[source >> 6] |= 1UL << source;
        queue[0] = source;
        int head = 0, tail = 1, reached = 1, depth = 0;
        int frontierNodes = 1, previousNodes = 0;
        long frontierArcs = offsets[source + 1] - offsets[source];
        var unexplored = (long)offsets[n] - frontierArcs;
        var bottomUp = false;
        while (frontierNodes > 0 && depth < maxHops)
        {
            if (!bottomUp && frontierArcs > unexplored / Alpha)
            {
                bottomUp = true;
                front.Clear();
                for (var i = head; i < tail; i++) front[queue[i] >> 6] |= 1UL << queue[i];
            }
            else if (bottomUp && frontierNodes < n / Beta && frontierNodes < previousNodes)
            {
                bottomUp = false;
                head = 0;
                tail = ToQueue(front, queue);
            }

            int found;
            long foundArcs;
            if (bottomUp)
            {
                next.Clear();
                (found, foundArcs) = BottomUpLevel(s, f, mode, seen, front, next);
                var swap = front;
                front = next;
                next = swap;
            }
            else
            {
                var levelEnd = tail;
                (found, foundArcs) = TopDownLevel(s, f, mode, seen, queue, head, levelEnd);
                head = levelEnd;
                tail = levelEnd + found;
            }
            reached += found;
            unexplored -= foundArcs;
            previousNodes = frontierNodes;
            frontierNodes = found;
            frontierArcs = foundArcs;
            depth++;
        }
        return reached;
    }

    /// <summary>0: every arc counts; 1: only retracted relations are skipped; 2: the full filter applies.</summary>
    internal static int Mode(GraphSnapshot s, in ArcFilter f) => !f.Unfiltered ? 2 : s.HasRetracted ? 1 : 0;

    internal static bool Admits(GraphSnapshot s, in ArcFilter f, int mode, int r) => mode switch
    {
        0 => true,
        1 => (s.Relations.Flags[r] & GraphSnapshot.RetractedFlag) == 0,
        _ => f.Relation(r),
    };

    /// <summary>Pushes the level queue[head..levelEnd) along its arcs, appending what it discovers after levelEnd.</summary>
    private static (int Found, long Arcs) TopDownLevel(GraphSnapshot s, in ArcFilter f, int mode, Span<ulong> seen, Span<int> queue, int head, int levelEnd)
    {
        var adj = s.Adjacency;
        ref var offsets = ref MemoryMarshal.GetArrayDataReference(adj.Offsets);
        ref var ends = ref MemoryMarshal.GetArrayDataReference(f.ForwardOnly ? adj.Split : adj.Offsets);
        var endShift = f.ForwardOnly ? 0 : 1;
        ref var targets = ref MemoryMarshal.GetArrayDataReference(adj.Targets);
        ref var bits = ref MemoryMarshal.GetReference(seen);
        var tail = levelEnd;
        long arcs = 0;
        for (var i = head; i < levelEnd; i++)
        {
            var u = queue[i];
            var end = Unsafe.Add(ref ends, u + endShift);
            for (var a = Unsafe.Add(ref offsets, u); a < end; a++)
            {
                var v = Unsafe.Add(ref targets, a);
                ref var word = ref Unsafe.Add(ref bits, v >> 6);
                var bit = 1UL << v;
                if ((word & bit) != 0) continue;
                if (mode != 0 && (!Admits(s, f, mode, adj.Rel(u, a)) || (mode == 2 && !f.Entity(v)))) continue;
                word |= bit;
                queue[tail++] = v;
                arcs += Unsafe.Add(ref offsets, v + 1) - Unsafe.Add(ref offsets, v);
            }
        }
        return (tail - levelEnd, arcs);
    }

    /// <summary>Every unvisited entity looks for one admitted arc from the frontier; those that find one form the next level.</summary>
    private static (int Found, long Arcs) BottomUpLevel(GraphSnapshot s, in ArcFilter f, int mode, Span<ulong> seen, Span<ulong> front, Span<ulong> next)
    {
        var adj = s.Adjacency;
        var n = s.EntityCount;
        ref var offsets = ref MemoryMarshal.GetArrayDataReference(adj.Offsets);
        // Forward only, an entity is reached through the arcs entering it.
        ref var starts = ref MemoryMarshal.GetArrayDataReference(f.ForwardOnly ? adj.Split : adj.Offsets);
        ref var targets = ref MemoryMarshal.GetArrayDataReference(adj.Targets);
        ref var frontBits = ref MemoryMarshal.GetReference(front);
        var found = 0;
        long arcs = 0;
        for (var w = 0; w < seen.Length; w++)
        {
            var open = ~seen[w];
            if (w == seen.Length - 1 && (n & 63) != 0) open &= (1UL << n) - 1;
            while (open != 0)
            {
                var v = (w << 6) + BitOperations.TrailingZeroCount(open);
                open &= open - 1;
                if (mode == 2 && !f.Entity(v)) continue;
                var end = Unsafe.Add(ref offsets, v + 1);
                for (var a = Unsafe.Add(ref starts, v); a < end; a++)
                {
                    var u = Unsafe.Add(ref targets, a);
                    if ((Unsafe.Add(ref frontBits, u >> 6) & (1UL << u)) == 0) continue;
                    if (mode != 0 && !Admits(s, f, mode, adj.Rel(v, a))) continue;
                    seen[w] |= 1UL << v;
                    next[w] |= 1UL << v;
                    found++;
                    arcs += end - Unsafe.Add(ref offsets, v);
                    break;
                }
            }
        }
        return (found, arcs);
    }

    private static int ToQueue(Span<ulong> bits, Span<int> queue)
    {
        var tail = 0;
        for (var w = 0; w < bits.Length; w++)
            for (var b = bits[w]; b != 0; b &= b - 1)
                queue[tail++] = (w << 6) + BitOperations.TrailingZeroCount(b);
        return tail;
    }
}
