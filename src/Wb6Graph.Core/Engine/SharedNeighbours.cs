using System.Numerics;
using Wb6Graph.Embedded;

namespace Wb6Graph.Engine;

/// <summary>
/// The neighbours two entities share, as ids in order: a suggestion's evidence. The neighbours of x are marked once for
/// all its suggestions; each partner y is then checked from whichever side has fewer arcs to read.
/// </summary>
internal sealed class SharedNeighbours(GraphSnapshot s, ArcFilter f)
{
    private readonly int _mode = Traversal.Mode(s, f);
    private readonly List<int> _ofX = [];
    private int _x = -1;
    private int _mark;

    public IReadOnlyList<string> Of(int x, int y)
    {
        var sc = Scratch.For(s.EntityCount);
        var marked = sc.StampA;
        var adj = s.Adjacency;
        var (offsets, targets) = (adj.Offsets, adj.Targets);
        if (x != _x)
        {
            _x = x;
            _mark = sc.Next();
            _ofX.Clear();
            marked[x] = _mark;
            for (var a = offsets[x]; a < offsets[x + 1]; a++)
            {
                var v = targets[a];
                if (marked[v] == _mark || !Admits(adj.Rel(x, a)) || !f.Exists(v)) continue;
                marked[v] = _mark;
                _ofX.Add(v);
            }
        }
        // Reading y's arcs, or looking each neighbour of x up in y's sorted arcs: whichever reads less.
        var degreeY = offsets[y + 1] - offsets[y];
        var shared = new List<int>();
        if (degreeY <= (long)_ofX.Count * 2 * (BitOperations.Log2((uint)degreeY + 1) + 2))
        {
            for (var a = offsets[y]; a < offsets[y + 1]; a++)
            {
                var v = targets[a];
                if (v != x && marked[v] == _mark && Admits(adj.Rel(y, a))) shared.Add(v);
            }
        }
        else
        {
            foreach (var z in _ofX)
                if (z != y && LinkScoring.Linked(s, f, _mode, y, z)) shared.Add(z);
        }
        shared.Sort();
        var ids = new List<string>(shared.Count);
        for (var i = 0; i < shared.Count; i++)
            if (i == 0 || shared[i] != shared[i - 1]) ids.Add(s.Entities.Records[shared[i]].Id); // parallel relations
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    private bool Admits(int r) => _mode == 0 || Traversal.Admits(s, f, _mode, r);
}
