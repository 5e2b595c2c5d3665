using System.Runtime.CompilerServices;
using Wb6Graph.Model;

namespace Wb6Graph.Embedded;

/// <summary>
/// An immutable view of the whole graph at one data version. Topology is compressed adjacency (CSR) in both
/// directions (see <see cref="Adjacency"/>); per relation its type, flags and validity as columns, so traversals filter
/// without touching relation records. Relations are numbered by (from, to, key), entities in breadth-first order.
/// Writers build a new snapshot and swap it in; readers keep the one they started with.
/// </summary>
public sealed class GraphSnapshot
{
    internal const byte RetractedFlag = 1;

    /// <summary>The relation is an act: it counts from its date on, whatever became of its ends.</summary>
    internal const byte ActFlag = 2;

    internal GraphSnapshot(long version, EntityTable entities, RelationTable relations, IReadOnlyDictionary<string, Source> sources, IReadOnlyList<Absence> absences)
    {
        Version = version;
        Entities = entities;
        Relations = relations;
        Sources = sources;
        Absences = absences;
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

    /// <summary>The documented absences, in id order.</summary>
    internal IReadOnlyList<Absence> Absences { get; }

    /// <summary>Every entity's arcs: first those leaving it (neighbours are relation targets), then those entering it.</summary>
    internal Adjacency Adjacency { get; }

    public int EntityCount => Entities.Count;

    public int RelationCount => Relations.Count;

    public int SourceCount => Sources.Count;

    /// <summary>Bytes held by the topology (both CSR directions, offsets included).</summary>
    public long TopologyBytes => Adjacency.Bytes;

    private DegreeProfile? _degrees;

    /// <summary>
    /// How many relations entities have (both directions, retracted ones included), computed once per snapshot, so it
    /// follows every write: the API prices a list of relations by it before running a query.
    /// </summary>
    public DegreeProfile Degrees => _degrees ??= DegreeProfile.Of(EntityCount, Adjacency.Degree);

    /// <summary>
    /// Relation indexes in the order the relations were written (their keys). Indexes follow the relations' ends, so
    /// every list of relations a reader sees goes through here.
    /// </summary>
    internal List<int> InWrittenOrder(IEnumerable<int> relations)
    {
        var keys = Relations.Keys;
        var list = relations.ToList();
        list.Sort((x, y) => keys[x].CompareTo(keys[y]));
        return list;
    }

    internal bool RelationAdmitted(int r, RelationFilter filter)
    {
        var rel = Relations;
        if (!filter.IncludeRetracted && (rel.Flags[r] & RetractedFlag) != 0) return false;
        if (filter.Types is { Count: > 0 } types && !types.Contains(rel.Types[r])) return false;
        return filter.AsOf is not { } day || HoldsOn(r, day.DayNumber);
    }

    /// <summary>
    /// On a day, an act counts once it has occurred, whatever became of its ends since; a state holds while it and
    /// both its ends do.
    /// </summary>
    internal bool HoldsOn(int r, int day)
    {
        var rel = Relations;
        if (day < rel.ValidFrom[r] || day >= rel.ValidTo[r]) return false;
        return (rel.Flags[r] & ActFlag) != 0 || (Entities.IsValidOn(rel.From[r], day) && Entities.IsValidOn(rel.To[r], day));
    }
}

/// <summary>
/// Compressed sparse rows holding both directions: the arcs of entity u are Targets[Offsets[u]..Offsets[u+1]),
/// those leaving u first, up to Split[u], then those entering it, each half sorted by neighbour. A traversal that follows
/// relations either way scans one contiguous range; one that follows them forward stops at the split.
/// Relations are numbered by (from, to), so the arcs leaving u are relations OutFirst[u], OutFirst[u] + 1, ... in arc
/// order and need no stored relation index; only the entering half keeps one (InRels). Per relation that is 2 targets
/// and 1 relation index: 6 bytes an arc, plus 12 bytes an entity for the three offset arrays.
/// </summary>
internal sealed class Adjacency
{
    private Adjacency(int[] offsets, int[] split, int[] outFirst, int[] targets, int[] inRels)
    {
        Offsets = offsets;
        Split = split;
        OutFirst = outFirst;
        Targets = targets;
        InRels = inRels;
    }

    public int[] Offsets { get; }

    public int[] Split { get; }

    /// <summary>The first relation leaving u; relations leaving u are OutFirst[u]..OutFirst[u+1].</summary>
    public int[] OutFirst { get; }

    public int[] Targets { get; }

    /// <summary>The relation of each entering arc: the entering arc a of u is InRels[a - OutFirst[u + 1]].</summary>
    public int[] InRels { get; }

    public long Bytes => 4L * (Offsets.Length + Split.Length + OutFirst.Length + Targets.Length + InRels.Length);

    /// <summary>The arc range of u for a direction: Out, In or Both.</summary>
    public (int Start, int End) Range(int u, Direction direction) => direction switch
    {
        Direction.Out => (Offsets[u], Split[u]),
        Direction.In => (Split[u], Offsets[u + 1]),
        _ => (Offsets[u], Offsets[u + 1]),
    };

    public int Degree(int u) => Offsets[u + 1] - Offsets[u];

    /// <summary>The relation of arc a, one of u's arcs.</summary>
    /// <remarks>
    /// Offsets[u] counts the arcs of the entities before u, OutFirst[u] the leaving ones among them, so a leaving arc's
    /// relation is a - (Offsets[u] - OutFirst[u]), and the entering arcs before u's number Offsets[u] - OutFirst[u] + the
    /// leaving arcs of u, which makes the entering arc a the (a - OutFirst[u + 1])-th.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Rel(int u, int a) => a < Split[u] ? a - Offsets[u] + OutFirst[u] : InRels[a - OutFirst[u + 1]];

    /// <summary>The relations of u's arcs for a direction, in arc order.</summary>
    public int[] RelationsOf(int u, Direction direction)
    {
        var (start, end) = Range(u, direction);
        var result = new int[end - start];
        for (var a = start; a < end; a++) result[a - start] = Rel(u, a);
        return result;
    }

    /// <summary>The topology of relations numbered by (from, to): relation r leaves from[r] and enters to[r].</summary>
    public static Adjacency Build(int nodes, int[] from, int[] to, int relations)
    {
        var outFirst = new int[nodes + 1];
        var offsets = new int[nodes + 1];
        for (var r = 0; r < relations; r++)
        {
            if (r > 0 && (from[r] < from[r - 1] || (from[r] == from[r - 1] && to[r] < to[r - 1])))
                throw new InvalidOperationException($"relation {r} is out of (from, to) order: the snapshot must number relations by their ends");
            outFirst[from[r] + 1]++;
            offsets[to[r] + 1]++;
        }
        // Counts to starts: outFirst[i + 1] held the leaving arcs of i and offsets[i + 1] its entering ones.
        var split = new int[nodes];
        for (var i = 0; i < nodes; i++)
        {
            var outDegree = outFirst[i + 1];
            outFirst[i + 1] += outFirst[i];
            split[i] = offsets[i] + outDegree;
            offsets[i + 1] += split[i];
        }
        var targets = new int[2 * relations];
        var inRels = new int[relations];
        // The leaving half of u is its relations in number order, which is already by neighbour.
        for (var u = 0; u < nodes; u++)
            for (int r = outFirst[u], a = offsets[u]; r < outFirst[u + 1]; r++, a++)
                targets[a] = to[r];
        // The entering half: relations in number order are by source, so filling each entity's half in that order
        // sorts it by neighbour too.
        var inCursor = (int[])split.Clone();
        for (var r = 0; r < relations; r++)
        {
            var v = to[r];
            var a = inCursor[v]++;
            targets[a] = from[r];
            inRels[a - outFirst[v + 1]] = r;
        }
        return new Adjacency(offsets, split, outFirst, targets, inRels);
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

/// <summary>The largest degree and a few high percentiles of the degree distribution.</summary>
public sealed record DegreeProfile(int Max, int P90, int P99, int P999)
{
    public static DegreeProfile Of(int count, Func<int, int> degree)
    {
        if (count == 0) return new(0, 0, 0, 0);
        // A counting pass, not a sort: degrees are small integers and a snapshot may hold a million entities.
        var max = 0;
        for (var u = 0; u < count; u++) max = Math.Max(max, degree(u));
        var histogram = new int[max + 1];
        for (var u = 0; u < count; u++) histogram[degree(u)]++;
        int At(double q)
        {
            var rank = (long)Math.Ceiling(q * count);
            long seen = 0;
            for (var d = 0; d <= max; d++)
                if ((seen += histogram[d]) >= rank) return d;
            return max;
        }
        return new(max, At(0.90), At(0.99), At(0.999));
    }
}
