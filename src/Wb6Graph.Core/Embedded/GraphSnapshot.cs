using Wb6Graph.Model;

namespace Wb6Graph.Embedded;

/// <summary>
/// An immutable view of the whole graph at one data version. Topology is compressed adjacency (CSR) in both
/// directions: per arc the neighbour's index and the relation's index (8 bytes an arc); per relation its type,
/// flags and validity as columns, so traversals filter without touching relation records.
/// Writers build a new snapshot and swap it in; readers keep the one they started with.
/// </summary>
public sealed class GraphSnapshot
{
    internal const byte RetractedFlag = 1;

    internal GraphSnapshot(long version, EntityTable entities, RelationTable relations, IReadOnlyDictionary<string, Source> sources)
    {
        Version = version;
        Entities = entities;
        Relations = relations;
        Sources = sources;
        Adjacency = Adjacency.Build(entities.Count, relations.From, relations.To, relations.Count);
        for (var r = 0; r < relations.Count && !HasRetracted; r++) HasRetracted = (relations.Flags[r] & RetractedFlag) != 0;
        if (relations.Details is { } details)
        {
            RelationIndexById = new Dictionary<string, int>(details.Length, StringComparer.Ordinal);
            for (var r = 0; r < details.Length; r++) RelationIndexById[details[r].Id] = r;
        }
    }

    /// <summary>Whether any relation is retracted; when none is, an unfiltered traversal needs no per-arc check.</summary>
    internal bool HasRetracted { get; }

    /// <summary>Relation index by id, when the snapshot keeps relation records.</summary>
    internal Dictionary<string, int>? RelationIndexById { get; }

    public long Version { get; }

    internal EntityTable Entities { get; }

    internal RelationTable Relations { get; }

    internal IReadOnlyDictionary<string, Source> Sources { get; }

    /// <summary>Every entity's arcs: first those leaving it (neighbours are relation targets), then those entering it.</summary>
    internal Adjacency Adjacency { get; }

    public int EntityCount => Entities.Count;

    public int RelationCount => Relations.Count;

    /// <summary>Bytes held by the topology (both CSR directions, offsets included).</summary>
    public long TopologyBytes => Adjacency.Bytes;

    internal bool RelationAdmitted(int r, RelationFilter filter)
    {
        var rel = Relations;
        if (!filter.IncludeRetracted && (rel.Flags[r] & RetractedFlag) != 0) return false;
        if (filter.Types is { Count: > 0 } types && !types.Contains(rel.Types[r])) return false;
        if (filter.AsOf is { } day)
        {
            // On a date, a relation holds only while it and both its ends did.
            var d = day.DayNumber;
            if (d < rel.ValidFrom[r] || d >= rel.ValidTo[r]) return false;
            if (!Entities.IsValidOn(rel.From[r], d) || !Entities.IsValidOn(rel.To[r], d)) return false;
        }
        return true;
    }
}

/// <summary>
/// Compressed sparse rows holding both directions: the arcs of entity u are Targets/Rels[Offsets[u]..Offsets[u+1]),
/// those leaving u first, up to Split[u], then those entering it, each half sorted by neighbour. A traversal that follows
/// relations either way scans one contiguous range; one that follows them forward stops at the split.
/// </summary>
internal sealed class Adjacency
{
    private Adjacency(int[] offsets, int[] split, int[] targets, int[] rels)
    {
        Offsets = offsets;
        Split = split;
        Targets = targets;
        Rels = rels;
    }

    public int[] Offsets { get; }

    public int[] Split { get; }

    public int[] Targets { get; }

    public int[] Rels { get; }

    public long Bytes => 4L * (Offsets.Length + Split.Length + Targets.Length + Rels.Length);

    /// <summary>The arc range of u for a direction: Out, In or Both.</summary>
    public (int Start, int End) Range(int u, Direction direction) => direction switch
    {
        Direction.Out => (Offsets[u], Split[u]),
        Direction.In => (Split[u], Offsets[u + 1]),
        _ => (Offsets[u], Offsets[u + 1]),
    };

    public int Degree(int u) => Offsets[u + 1] - Offsets[u];

    public static Adjacency Build(int nodes, int[] from, int[] to, int relations)
    {
        var offsets = new int[nodes + 1];
        var outDegree = new int[nodes];
        for (var r = 0; r < relations; r++)
        {
            outDegree[from[r]]++;
            offsets[to[r] + 1]++;
        }
        for (var i = 0; i < nodes; i++) offsets[i + 1] += offsets[i] + outDegree[i];
        var split = new int[nodes];
        var outCursor = new int[nodes];
        var inCursor = new int[nodes];
        for (var i = 0; i < nodes; i++)
        {
            outCursor[i] = offsets[i];
            split[i] = inCursor[i] = offsets[i] + outDegree[i];
        }
        // Each half of an entity's arcs is sorted by neighbour (then relation): placing the relations in order of
        // their other end, a counting sort, does it in linear time, and lets "are u and v linked" be a binary search.
        var targets = new int[2 * relations];
        var rels = new int[2 * relations];
        foreach (var r in ByEnd(nodes, to, relations))
        {
            var o = outCursor[from[r]]++;
            targets[o] = to[r];
            rels[o] = r;
        }
        foreach (var r in ByEnd(nodes, from, relations))
        {
            var i = inCursor[to[r]]++;
            targets[i] = from[r];
            rels[i] = r;
        }
        return new Adjacency(offsets, split, targets, rels);
    }

    /// <summary>Relation indexes ordered by one of their ends, ties in index order.</summary>
    private static int[] ByEnd(int nodes, int[] end, int relations)
    {
        var start = new int[nodes + 1];
        for (var r = 0; r < relations; r++) start[end[r] + 1]++;
        for (var i = 0; i < nodes; i++) start[i + 1] += start[i];
        var order = new int[relations];
        for (var r = 0; r < relations; r++) order[start[end[r]]++] = r;
        return order;
    }

    /// <summary>
    /// The first arc of u's range [start, end) (one half, sorted by neighbour) whose neighbour is at least v.
    /// </summary>
    public int LowerBound(int start, int end, int v)
    {
        var targets = Targets;
        while (start < end)
        {
            var mid = (int)((uint)(start + end) >> 1);
            if (targets[mid] < v) start = mid + 1;
            else end = mid;
        }
        return start;
    }
}
