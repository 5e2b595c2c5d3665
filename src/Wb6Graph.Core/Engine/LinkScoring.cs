using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Wb6Graph.Embedded;
using Wb6Graph.Model;

namespace Wb6Graph.Engine;

/// <summary>Arcs a link-suggestion request may still visit; past zero it stops and its answer says it was capped.</summary>
internal sealed class Budget(long arcs)
{
    private long _left = arcs;

    public long Left => _left;

    public bool Exhausted => _left <= 0;

    public bool Spend(long n) => (_left -= n) > 0;
}

/// <summary>
/// Link scores of one entity x against every absent partner, on the simple undirected graph. Neighbourhood scores
/// (CN, AA, RA) add, for each shared neighbour z, a weight that falls with |N(z)|; x's neighbours are expanded from
/// the smallest up, so hubs, which cost the most and weigh the least, come last. Once the hubs left could not lift an
/// entity not yet met into the top k, they are not expanded: the candidates that could still reach the top k take
/// their hub weights from their own arcs instead. The top k is then exact; only the work budget can cap it.
/// </summary>
internal static partial class LinkScoring
{
    private const int NeighbourOfX = -2;
    private const int Excluded = -3;

    public static void From(
        GraphSnapshot s, in ArcFilter f, int x, IReadOnlySet<EntityKind>? toKinds, LinkScore method, int k, Budget budget,
        List<(int From, int To, double Score)> results, CancellationToken ct)
    {
        var n = s.EntityCount;
        var sc = Scratch.For(n);
        var cells = sc.CellsFor(n);
        var mark = sc.NextCell();
        var mode = Traversal.Mode(s, f);
        var index = f.Unfiltered ? LinkIndex.Of(s) : null;
        var adj = s.Adjacency;
        var (offsets, targets) = (adj.Offsets, adj.Targets);

        var zs = sc.Queue2;
        var nx = 0;
        cells[x] = new LinkCell { Stamp = mark, Via = Excluded };
        budget.Spend(offsets[x + 1] - offsets[x]);
        for (var a = offsets[x]; a < offsets[x + 1]; a++)
        {
            var v = targets[a];
            if (cells[v].Stamp == mark || (mode != 0 && !Traversal.Admits(s, f, mode, adj.Rel(x, a))) || !f.Exists(v)) continue;
            cells[v] = new LinkCell { Stamp = mark, Via = NeighbourOfX };
            zs[nx++] = v;
        }

        var cands = sc.Queue;
        var count = method == LinkScore.PreferentialAttachment
            ? PreferentialAttachment(s, f, mode, index, x, nx, toKinds, k, budget, cells, mark, cands, results)
            : Neighbourhood(s, f, mode, index, nx, toKinds, method, k, budget, cells, mark, cands, ct);
        if (count < 0) return;
        var top = new int[Math.Min(k, count)];
        var taken = SelectTop(s, cands.AsSpan(0, count), cells, top);
        for (var i = 0; i < taken; i++) results.Add((x, top[i], cells[top[i]].Score));
    }

    /// <summary>Scores x's candidates into cells and lists them in cands; returns how many.</summary>
    private static int Neighbourhood(
        GraphSnapshot s, in ArcFilter f, int mode, LinkIndex? index, int nx, IReadOnlySet<EntityKind>? toKinds, LinkScore method,
        int k, Budget budget, LinkCell[] cells, int mark, int[] cands, CancellationToken ct)
    {
        var sc = Scratch.For(s.EntityCount);
        var adj = s.Adjacency;
        var offsets = adj.Offsets;
        var zs = sc.Queue2.AsSpan(0, nx);
        var degrees = sc.HopsB.AsSpan(0, nx);
        for (var i = 0; i < nx; i++) degrees[i] = index?.Degree[zs[i]] ?? FilteredDegree(s, f, mode, zs[i], sc, budget);
        degrees.Sort(zs);
        var weights = sc.Dist.AsSpan(0, nx);
        for (var i = 0; i < nx; i++)
            weights[i] = degrees[i] <= 1 ? 0 : method switch
            {
                LinkScore.AdamicAdar => 1.0 / Math.Log(degrees[i]),
                LinkScore.ResourceAllocation => 1.0 / degrees[i],
                _ => 1.0,
            };

        // restArcs[i]: the arcs of zs[i..], what expanding the rest would cost.
        var restArcs = sc.Hops.AsSpan(0, nx + 1);
        restArcs[nx] = 0;
        for (var i = nx - 1; i >= 0; i--) restArcs[i] = restArcs[i + 1] + offsets[zs[i] + 1] - offsets[zs[i]];

        var count = 0;
        var sinceCheck = long.MaxValue / 2;
        for (var i = 0; i < nx; i++)
        {
            // A neighbour whose only neighbour is x shares nobody with x.
            if (degrees[i] <= 1) continue;
            ct.ThrowIfCancellationRequested();
            var z = zs[i];
            var w = weights[i];
            var arcs = offsets[z + 1] - offsets[z];
            // Checking whether the rest can be left out costs a pass over the candidates: worth it when the rest is
            // longer, and not again before as much work has been done since.
            if (count >= k && restArcs[i] > count && sinceCheck >= count)
            {
                if (TryFinish(s, f, mode, index, i, zs, weights, restArcs[i], k, budget, cells, cands.AsSpan(0, count))) break;
                sinceCheck = 0;
            }
            if (!budget.Spend(arcs)) break;
            sinceCheck += arcs;
            count = Expand(s, f, mode, z, w, toKinds, cells, mark, cands, count);
        }
        return count;
    }

    /// <summary>Adds z's weight to each of its neighbours that may be suggested; returns the new candidate count.</summary>
    private static int Expand(
        GraphSnapshot s, in ArcFilter f, int mode, int z, double w, IReadOnlySet<EntityKind>? toKinds, LinkCell[] cells, int mark, int[] cands, int count)
    {
        // The hot loop of a suggestion: one cell (16 bytes) per arc, no bounds checks (every index comes from the CSR).
        var adj = s.Adjacency;
        ref var targets = ref MemoryMarshal.GetArrayDataReference(adj.Targets);
        ref var cell0 = ref MemoryMarshal.GetArrayDataReference(cells);
        var kinds = toKinds is { Count: > 0 } ? toKinds : null;
        var end = adj.Offsets[z + 1];
        for (var a = adj.Offsets[z]; a < end; a++)
        {
            var y = Unsafe.Add(ref targets, a);
            ref var cell = ref Unsafe.Add(ref cell0, y);
            if (cell.Stamp == mark)
            {
                if (cell.Via == z || cell.Via < 0) continue; // parallel relations make one neighbour
                if (mode != 0 && !Traversal.Admits(s, f, mode, adj.Rel(z, a))) continue;
                cell.Via = z;
                cell.Score += w;
                continue;
            }
            if (mode != 0 && !Traversal.Admits(s, f, mode, adj.Rel(z, a))) continue;
            if (!f.Exists(y) || (kinds is not null && !kinds.Contains(s.Entities.Kinds[y])))
            {
                cell = new LinkCell { Stamp = mark, Via = Excluded };
                continue;
            }
            cell = new LinkCell { Stamp = mark, Via = z, Score = w };
            cands[count++] = y;
        }
        return count;
    }

    /// <summary>
    /// With neighbours zs[i..] not expanded, an entity not met yet scores at most the sum of their weights. When that is
    /// below the k-th best partial score, only candidates within that sum of it can still reach the top k: their
    /// remaining weights come from their own arcs (or binary searches in them), when that is cheaper than expanding
    /// the rest; the others drop out.
    /// </summary>
    private static bool TryFinish(
        GraphSnapshot s, in ArcFilter f, int mode, LinkIndex? index, int i, Span<int> zs, Span<double> weights, long restArcs, int k, Budget budget,
        LinkCell[] cells, Span<int> cands)
    {
        var rest = 0.0;
        foreach (var w in weights[i..]) rest += w;
        var kth = KthLargest(cells, cands, k);
        // Scores summed in another order may differ in the last bits: keep a margin on the safe side.
        var tolerance = 1e-9 * Math.Max(1.0, kth);
        if (!(rest < kth - tolerance)) return false;
        var offsets = s.Adjacency.Offsets;
        var restCount = zs.Length - i;
        // A candidate with d neighbours can share at most d of those left, and gains at most the d largest weights,
        // which come first: gain[d] bounds what it may still gain, and most candidates have few neighbours.
        var pooled = ArrayPool<double>.Shared.Rent(restCount + 1);
        try
        {
            var gain = pooled.AsSpan(0, restCount + 1);
            gain[0] = 0;
            for (var j = 0; j < restCount; j++) gain[j + 1] = gain[j] + weights[i + j];
            long finishCost = 0;
            foreach (var y in cands)
                if (cells[y].Score + gain[MaxShared(y)] >= kth - tolerance) finishCost += FinishCost(offsets[y + 1] - offsets[y], restCount);
            if (finishCost >= restArcs || finishCost >= budget.Left) return false;
            budget.Spend(finishCost);
            Finish(s, f, mode, i, zs, weights, cells, cands, kth - tolerance, gain, index);
            return true;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(pooled);
        }

        int MaxShared(int y) => Math.Min(restCount, index?.Degree[y] ?? offsets[y + 1] - offsets[y]);
    }

    /// <summary>Completes the scores of the candidates that may still reach the threshold; the others drop out.</summary>
    private static void Finish(
        GraphSnapshot s, in ArcFilter f, int mode, int i, Span<int> zs, Span<double> weights, LinkCell[] cells, Span<int> cands,
        double threshold, Span<double> gain, LinkIndex? index)
    {
        var offsets = s.Adjacency.Offsets;
        var restCount = zs.Length - i;
        var sc = Scratch.For(s.EntityCount);
        var restMark = sc.Next();
        var inRest = sc.StampB;
        var position = sc.ParentA;
        var lastCandidate = sc.ParentB;
        for (var j = i; j < zs.Length; j++)
        {
            inRest[zs[j]] = restMark;
            position[zs[j]] = j;
            lastCandidate[zs[j]] = -1;
        }
        var adj = s.Adjacency;
        var targets = adj.Targets;
        foreach (var y in cands)
        {
            ref var cell = ref cells[y];
            if (cell.Score + gain[Math.Min(restCount, index?.Degree[y] ?? offsets[y + 1] - offsets[y])] < threshold)
            {
                cell.Score = double.NegativeInfinity;
                continue;
            }
            var arcs = offsets[y + 1] - offsets[y];
            if (FinishCost(arcs, restCount) < arcs)
            {
                for (var j = i; j < zs.Length; j++)
                    if (Linked(s, f, mode, y, zs[j])) cell.Score += weights[j];
                continue;
            }
            for (var a = offsets[y]; a < offsets[y + 1]; a++)
            {
                var z = targets[a];
                if (inRest[z] != restMark || lastCandidate[z] == y) continue;
                if (mode != 0 && !Traversal.Admits(s, f, mode, adj.Rel(y, a))) continue;
                lastCandidate[z] = y;
                cell.Score += weights[position[z]];
            }
        }
    }

    /// <summary>Reading all of a candidate's arcs, or two binary searches per neighbour left, whichever is less.</summary>
    private static long FinishCost(int arcs, int rest) => Math.Min(arcs, (long)rest * 2 * (BitOperations.Log2((uint)arcs + 1) + 2));

    /// <summary>Whether an admitted relation links y and z either way: a binary search in each half of y's arcs.</summary>
    internal static bool Linked(GraphSnapshot s, in ArcFilter f, int mode, int y, int z)
    {
        var adj = s.Adjacency;
        return LinkedIn(s, f, mode, y, adj.Offsets[y], adj.Split[y], z) || LinkedIn(s, f, mode, y, adj.Split[y], adj.Offsets[y + 1], z);
    }

    private static bool LinkedIn(GraphSnapshot s, in ArcFilter f, int mode, int y, int start, int end, int z)
    {
        var adj = s.Adjacency;
        for (var a = adj.LowerBound(start, end, z); a < end && adj.Targets[a] == z; a++)
            if (mode == 0 || Traversal.Admits(s, f, mode, adj.Rel(y, a))) return true;
        return false;
    }
}
