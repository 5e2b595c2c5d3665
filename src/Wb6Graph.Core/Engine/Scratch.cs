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
        _degreeCurrent = 0;
        _current = 0;
    }
}
