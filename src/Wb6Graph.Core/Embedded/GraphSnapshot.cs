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
        Out = Csr.Build(entities.Count, relations.From, relations.To, relations.Count);
        In = Csr.Build(entities.Count, relations.To, relations.From, relations.Count);
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

    /// <summary>Arcs leaving each entity: neighbours are relation targets.</summary>
    internal Csr Out { get; }

    /// <summary>Arcs entering each entity: neighbours are relation sources.</summary>
    internal Csr In { get; }

    public int EntityCount => Entities.Count;

    public int RelationCount => Relations.Count;

    /// <summary>Bytes held by the topology (both CSR directions, offsets included).</summary>
    public long TopologyBytes => Out.Bytes + In.Bytes;

    internal bool RelationAdmitted(int r, RelationFilter filter)
    {
        var rel = Relations;
        if (!filter.IncludeRetracted && (rel.Flags[r] & RetractedFlag) != 0) return false;
        if (filter.Types is { Count: > 0 } types && !types.Contains(rel.Types[r])) return false;
        if (filter.AsOf is { } day)
        {
            var d = day.DayNumber;
            if (d < rel.ValidFrom[r] || d >= rel.ValidTo[r]) return false;
        }
        return true;
    }
}

/// <summary>Compressed sparse rows: the arcs of entity i are Targets/Rels[Offsets[i]..Offsets[i+1]).</summary>
internal sealed class Csr
{
    private Csr(int[] offsets, int[] targets, int[] rels)
    {
        Offsets = offsets;
        Targets = targets;
        Rels = rels;
    }

    public int[] Offsets { get; }

    public int[] Targets { get; }

    public int[] Rels { get; }

    public long Bytes => 4L * (Offsets.Length + Targets.Length + Rels.Length);

    public ReadOnlySpan<int> TargetsOf(int entity) => Targets.AsSpan(Offsets[entity], Offsets[entity + 1] - Offsets[entity]);

    public ReadOnlySpan<int> RelsOf(int entity) => Rels.AsSpan(Offsets[entity], Offsets[entity + 1] - Offsets[entity]);

    public static Csr Build(int nodes, int[] tails, int[] heads, int arcs)
    {
        var offsets = new int[nodes + 1];
        for (var r = 0; r < arcs; r++) offsets[tails[r] + 1]++;
        for (var i = 0; i < nodes; i++) offsets[i + 1] += offsets[i];
        var cursor = new int[nodes];
        Array.Copy(offsets, cursor, nodes);
        var targets = new int[arcs];
        var rels = new int[arcs];
        for (var r = 0; r < arcs; r++)
        {
            var at = cursor[tails[r]]++;
            targets[at] = heads[r];
            rels[at] = r;
        }
        return new Csr(offsets, targets, rels);
    }
}
