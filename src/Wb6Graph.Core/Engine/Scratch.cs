namespace Wb6Graph.Engine;

/// <summary>
/// Per-thread buffers sized to the graph, reused by every traversal so that a warm traversal allocates nothing.
/// Marks use a stamp instead of clearing: a node is marked in this traversal when Stamp[i] == Current.
/// </summary>
internal sealed class Scratch
{
    [ThreadStatic]
    private static Scratch? _perThread;

    private int _current;
    private int _degreeCurrent;
    private int _cellCurrent;

    public int[] StampA = [];
    public int[] StampB = [];
    public int[] ParentA = [];
    public int[] ParentB = [];
    public int[] Queue = [];
    public int[] Queue2 = [];
    public double[] Dist = [];
    public int[] Hops = [];
    public int[] HopsB = [];
    public int[] DegreeStamp = [];
    public ulong[] Bits = [];
    public ulong[] Bits2 = [];
    public ulong[] Bits3 = [];
    public LinkCell[] Cells = [];

    public static Scratch For(int nodes)
    {
        var s = _perThread ??= new Scratch();
        if (s.StampA.Length < nodes) s.Resize(nodes);
        return s;
    }

    /// <summary>Starts a new traversal: every mark of the previous one becomes stale at once.</summary>
    public int Next()
    {
        if (++_current == int.MaxValue)
        {
            Array.Clear(StampA);
            Array.Clear(StampB);
            _current = 1;
        }
        return _current;
    }

    /// <summary>A mark for one degree count, independent of the traversal marks.</summary>
    public int NextDegree()
    {
        if (++_degreeCurrent == int.MaxValue)
        {
            Array.Clear(DegreeStamp);
            _degreeCurrent = 1;
        }
        return _degreeCurrent;
    }

    /// <summary>Link scoring's per-entity cells (16 bytes each), allocated only once a suggestion is asked for.</summary>
    public LinkCell[] CellsFor(int nodes)
    {
        if (Cells.Length < nodes)
        {
            Cells = new LinkCell[Math.Max(nodes, 16)];
            _cellCurrent = 0;
        }
        return Cells;
    }

    /// <summary>A mark for one link-scoring pass over <see cref="Cells"/>.</summary>
    public int NextCell()
    {
        if (++_cellCurrent == int.MaxValue)
        {
            Array.Clear(Cells);
            _cellCurrent = 1;
        }
        return _cellCurrent;
    }

    private void Resize(int nodes)
    {
        var n = Math.Max(nodes, 16);
        StampA = new int[n];
        StampB = new int[n];
        ParentA = new int[n];
        ParentB = new int[n];
        Queue = new int[n];
        Queue2 = new int[n];
        Dist = new double[n];
        Hops = new int[n];
        HopsB = new int[n];
        DegreeStamp = new int[n];
        Bits = new ulong[(n + 63) / 64];
        Bits2 = new ulong[(n + 63) / 64];
        Bits3 = new ulong[(n + 63) / 64];
        _degreeCurrent = 0;
        _current = 0;
    }
}

/// <summary>
/// One entity's state in a link-scoring pass, packed so that meeting a candidate touches one cache line: it is part of
/// this pass when Stamp is the pass's mark; Via is the last shared neighbour that scored it, or a negative code.
/// </summary>
internal struct LinkCell
{
    public int Stamp;
    public int Via;
    public double Score;
}
