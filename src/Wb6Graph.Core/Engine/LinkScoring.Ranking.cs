using Wb6Graph.Embedded;
using Wb6Graph.Model;

namespace Wb6Graph.Engine;

/// <summary>Preferential attachment, filtered degrees and the selection of the best candidates.</summary>
internal static partial class LinkScoring
{
    /// <summary>|N(x)|·|N(y)|: with the snapshot's degrees, the best partners are the first entities by degree.</summary>
    private static int PreferentialAttachment(
        GraphSnapshot s, in ArcFilter f, int mode, LinkIndex? index, int x, int nx, IReadOnlySet<EntityKind>? toKinds,
        int k, Budget budget, LinkCell[] cells, int mark, int[] cands, List<(int From, int To, double Score)> results)
    {
        if (index is not null)
        {
            // With no neighbour, every score is 0 and the order is the ids'.
            var order = nx == 0 ? s.Entities.OrderById : index.ByDegree;
            var found = 0;
            for (var i = 0; i < order.Length && found < k; i++)
            {
                var y = order[i];
                if (cells[y].Stamp == mark || (toKinds is { Count: > 0 } && !toKinds.Contains(s.Entities.Kinds[y]))) continue;
                results.Add((x, y, (double)nx * index.Degree[y]));
                found++;
            }
            return -1;
        }
        var count = 0;
        var sc = Scratch.For(s.EntityCount);
        for (var y = 0; y < s.EntityCount && !budget.Exhausted; y++)
        {
            if (cells[y].Stamp == mark || !f.Exists(y) || (toKinds is { Count: > 0 } && !toKinds.Contains(s.Entities.Kinds[y]))) continue;
            cells[y] = new LinkCell { Stamp = mark, Via = Excluded, Score = (double)nx * FilteredDegree(s, f, mode, y, sc, budget) };
            cands[count++] = y;
        }
        return count;
    }

    /// <summary>|N(z)| under a date: distinct admitted neighbours that exist then, no self.</summary>
    private static int FilteredDegree(GraphSnapshot s, in ArcFilter f, int mode, int z, Scratch sc, Budget budget)
    {
        var seen = sc.DegreeStamp;
        var mark = sc.NextDegree();
        var adj = s.Adjacency;
        budget.Spend(adj.Offsets[z + 1] - adj.Offsets[z] + 1);
        var d = 0;
        for (var a = adj.Offsets[z]; a < adj.Offsets[z + 1]; a++)
        {
            var v = adj.Targets[a];
            if (v == z || seen[v] == mark || (mode != 0 && !Traversal.Admits(s, f, mode, adj.Rel(z, a))) || !f.Exists(v)) continue;
            seen[v] = mark;
            d++;
        }
        return d;
    }

    /// <summary>The best k of the candidates, by score then id, into top; returns how many.</summary>
    private static int SelectTop(GraphSnapshot s, ReadOnlySpan<int> cands, LinkCell[] cells, int[] top)
    {
        var k = top.Length;
        var size = 0;
        if (k == 0) return 0;
        var idRank = LinkIndex.Of(s).IdRank;
        foreach (var y in cands)
        {
            var score = cells[y].Score;
            if (double.IsNegativeInfinity(score)) continue;
            if (size == k && !Better(y, top[k - 1])) continue;
            var p = size == k ? k - 1 : size++;
            while (p > 0 && Better(y, top[p - 1]))
            {
                top[p] = top[p - 1];
                p--;
            }
            top[p] = y;
        }
        return size;

        bool Better(int a, int b) =>
            cells[a].Score > cells[b].Score || (cells[a].Score == cells[b].Score && idRank[a] < idRank[b]);
    }

    private static double KthLargest(LinkCell[] cells, ReadOnlySpan<int> cands, int k)
    {
        // A min-heap of the k largest scores seen.
        Span<double> heap = k <= 256 ? stackalloc double[k] : new double[k];
        var size = 0;
        foreach (var y in cands)
        {
            var v = cells[y].Score;
            if (size < k)
            {
                var c = size++;
                while (c > 0 && heap[(c - 1) / 2] > v)
                {
                    heap[c] = heap[(c - 1) / 2];
                    c = (c - 1) / 2;
                }
                heap[c] = v;
            }
            else if (v > heap[0])
            {
                var c = 0;
                while (true)
                {
                    var l = 2 * c + 1;
                    if (l >= k) break;
                    if (l + 1 < k && heap[l + 1] < heap[l]) l++;
                    if (heap[l] >= v) break;
                    heap[c] = heap[l];
                    c = l;
                }
                heap[c] = v;
            }
        }
        return heap[0];
    }
}
