using Microsoft.Data.Sqlite;
using Wb6Graph.Model;

namespace Wb6Graph.Embedded;

/// <summary>Builds snapshots: whole from SQLite at start and after seed loads, patched from the previous one after a single write.</summary>
internal static class SnapshotBuilder
{
    public static GraphSnapshot FromDatabase(SqliteConnection c, int detailLimit, IProgress<double>? progress = null)
    {
        var version = SqliteGraphDb.ReadVersion(c);
        var sources = SqliteGraphDb.ReadSources(c).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var rows = SqliteGraphDb.ReadEntities(c).ToList();
        progress?.Report(0.1);
        var keyToIndex = KeyIndex(rows.Select(row => row.Key).ToArray());

        var count = CountRelations(c);
        var staged = new RelationRow[count];
        var r = 0;
        foreach (var row in SqliteGraphDb.ReadRelationColumns(c))
        {
            if (r == count) break; // rows added after the count belong to the next version
            staged[r] = new RelationRow(row.Key, keyToIndex(row.From), keyToIndex(row.To), row.ValidFrom, row.ValidTo, row.Type, row.Confidence, row.Retracted);
            if (++r % 1_000_000 == 0) progress?.Report(0.1 + 0.8 * r / count);
        }

        // Number entities in breadth-first order, so that neighbours sit near each other in every per-entity array:
        // traversals then touch far fewer cache lines than with the insertion order.
        var (order, rank) = BreadthFirstOrder(rows.Count, staged);
        foreach (ref var row in staged.AsSpan())
        {
            row.From = rank[row.From];
            row.To = rank[row.To];
        }
        // Number relations by their ends, so that the arcs leaving an entity need no stored relation index. Rows are
        // staged whole so that putting them in that order reads each one once (a column at a time would read each
        // relation nine times, all over memory).
        var byEnds = EndOrder(rows.Count, staged);
        var keepDetails = count <= detailLimit;
        var relations = new RelationTable(count, keepDetails);
        for (var k = 0; k < count; k++)
        {
            ref var row = ref staged[byEnds[k]];
            relations.Set(k, row.Key, row.Type, row.Confidence, row.Retracted, row.From, row.To, row.ValidFrom, row.ValidTo);
        }
        staged = null;
        if (keepDetails)
        {
            // Records come in key order, the order they were staged in.
            var at = new int[count];
            for (var k = 0; k < count; k++) at[byEnds[k]] = k;
            var i = 0;
            foreach (var (_, rel) in SqliteGraphDb.ReadRelations(c))
                if (i < count) relations.Details![at[i++]] = rel;
        }
        var entities = new EntityTable(order.Select(i => rows[i]).ToList());
        var absences = SqliteGraphDb.ReadAbsences(c).ToList();
        progress?.Report(1.0);
        return new GraphSnapshot(version, entities, relations, sources, absences);
    }

    /// <summary>A relation as read from SQLite, before it takes its place in the snapshot.</summary>
    private struct RelationRow(long key, int from, int to, int validFrom, int validTo, RelationType type, Confidence confidence, bool retracted)
    {
        public readonly long Key = key;
        public int From = from;
        public int To = to;
        public readonly int ValidFrom = validFrom;
        public readonly int ValidTo = validTo;
        public readonly RelationType Type = type;
        public readonly Confidence Confidence = confidence;
        public readonly bool Retracted = retracted;
    }

    /// <summary>The rows in (from, to, key) order, given rows in key order: stable counting sorts by target, then by source.</summary>
    private static int[] EndOrder(int nodes, RelationRow[] rows)
    {
        var start = new int[nodes + 1];
        foreach (ref var row in rows.AsSpan()) start[row.To + 1]++;
        for (var i = 0; i < nodes; i++) start[i + 1] += start[i];
        var byTo = new int[rows.Length];
        for (var r = 0; r < rows.Length; r++) byTo[start[rows[r].To]++] = r;

        Array.Clear(start);
        foreach (ref var row in rows.AsSpan()) start[row.From + 1]++;
        for (var i = 0; i < nodes; i++) start[i + 1] += start[i];
        var order = new int[rows.Length];
        foreach (var r in byTo) order[start[rows[r].From]++] = r;
        return order;
    }

    /// <summary>A breadth-first numbering of the undirected graph: order[new] = old, rank[old] = new.</summary>
    private static (int[] Order, int[] Rank) BreadthFirstOrder(int nodes, RelationRow[] relations)
    {
        var offsets = new int[nodes + 1];
        foreach (ref var row in relations.AsSpan())
        {
            offsets[row.From + 1]++;
            offsets[row.To + 1]++;
        }
        for (var i = 0; i < nodes; i++) offsets[i + 1] += offsets[i];
        var cursor = offsets[..nodes];
        var neighbours = new int[offsets[nodes]];
        foreach (ref var row in relations.AsSpan())
        {
            neighbours[cursor[row.From]++] = row.To;
            neighbours[cursor[row.To]++] = row.From;
        }
        var rank = new int[nodes];
        Array.Fill(rank, -1);
        var order = new int[nodes];
        var tail = 0;
        for (var start = 0; start < nodes; start++)
        {
            if (rank[start] >= 0) continue;
            var head = tail;
            rank[start] = tail;
            order[tail++] = start;
            while (head < tail)
            {
                var u = order[head++];
                for (var a = offsets[u]; a < offsets[u + 1]; a++)
                {
                    var v = neighbours[a];
                    if (rank[v] >= 0) continue;
                    rank[v] = tail;
                    order[tail++] = v;
                }
            }
        }
        return (order, rank);
    }

    /// <summary>The next snapshot after one committed write: replaced or added entities, relations and sources.</summary>
    public static GraphSnapshot Patch(
        GraphSnapshot previous, long version, IReadOnlyList<Source> sources,
        (long Key, Entity Entity)? entity, (long Key, Relation Relation)? relation)
    {
        var allSources = previous.Sources;
        if (sources.Count > 0)
        {
            var copy = new Dictionary<string, Source>(previous.Sources, StringComparer.Ordinal);
            foreach (var s in sources) copy[s.Id] = s;
            allSources = copy;
        }

        var entities = previous.Entities;
        if (entity is { } e)
        {
            var rows = entities.Rows().ToList();
            if (entities.IndexOf.TryGetValue(e.Entity.Id, out var at)) rows[at] = e;
            else rows.Add(e);
            entities = new EntityTable(rows);
        }

        var relations = previous.Relations;
        if (relation is { } rel)
        {
            var r = rel.Relation;
            var (from, to) = (entities.IndexOf[r.From], entities.IndexOf[r.To]);
            var at = relations.IndexOfKey(rel.Key);
            if (at >= 0 && relations.From[at] == from && relations.To[at] == to)
            {
                (relations, at) = relations.Splice(at, at);
            }
            else
            {
                // A new relation (or one whose ends moved) goes where (from, to, key) order puts it.
                var before = Bound(relations, from, to, rel.Key);
                (relations, at) = relations.Splice(at, before);
            }
            relations.Set(at, rel.Key, r.Type, r.Confidence, r.Retracted is not null, from, to, Validity.FromDay(r.Start), Validity.ToDay(r.End));
            if (relations.Details is not null) relations.Details[at] = r;
        }
        return new GraphSnapshot(version, entities, relations, allSources, previous.Absences);
    }

    /// <summary>The first row at or after (from, to, key) in (from, to, key) order.</summary>
    private static int Bound(RelationTable t, int from, int to, long key)
    {
        var (lo, hi) = (0, t.Count);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (RelationTable.Before(t.From[mid], t.To[mid], t.Keys[mid], from, to, key)) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static int CountRelations(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM relations";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Maps SQLite entity keys to dense indexes; keys only grow, so a flat array suffices.</summary>
    private static Func<long, int> KeyIndex(long[] keys)
    {
        var max = keys.Length == 0 ? 0 : keys.Max();
        var map = new int[max + 1];
        Array.Fill(map, -1);
        for (var i = 0; i < keys.Length; i++) map[keys[i]] = i;
        return key => key <= max && map[key] >= 0 ? map[key] : throw new InvalidDataException($"relation points at missing entity key {key}");
    }
}
