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
        var keepDetails = count <= detailLimit;
        var relations = new RelationTable(count, keepDetails);
        var r = 0;
        foreach (var row in SqliteGraphDb.ReadRelationColumns(c))
        {
            if (r == count) break; // rows added after the count belong to the next version
            relations.Set(r, row.Key, row.Type, row.Confidence, row.Retracted, keyToIndex(row.From), keyToIndex(row.To), row.ValidFrom, row.ValidTo);
            if (++r % 1_000_000 == 0) progress?.Report(0.1 + 0.8 * r / count);
        }
        if (keepDetails)
        {
            var i = 0;
            foreach (var (_, rel) in SqliteGraphDb.ReadRelations(c))
                if (i < count) relations.Details![i++] = rel;
        }

        // Number entities in breadth-first order, so that neighbours sit near each other in every per-entity array:
        // traversals then touch far fewer cache lines than with the insertion order.
        var (order, rank) = BreadthFirstOrder(rows.Count, relations.From, relations.To, count);
        for (var k = 0; k < count; k++)
        {
            relations.From[k] = rank[relations.From[k]];
            relations.To[k] = rank[relations.To[k]];
        }
        var entities = new EntityTable(order.Select(i => rows[i]).ToList());
        progress?.Report(1.0);
        return new GraphSnapshot(version, entities, relations, sources);
    }

    /// <summary>A breadth-first numbering of the undirected graph: order[new] = old, rank[old] = new.</summary>
    private static (int[] Order, int[] Rank) BreadthFirstOrder(int nodes, int[] from, int[] to, int relations)
    {
        var offsets = new int[nodes + 1];
        for (var r = 0; r < relations; r++)
        {
            offsets[from[r] + 1]++;
            offsets[to[r] + 1]++;
        }
        for (var i = 0; i < nodes; i++) offsets[i + 1] += offsets[i];
        var cursor = offsets[..nodes];
        var neighbours = new int[offsets[nodes]];
        for (var r = 0; r < relations; r++)
        {
            neighbours[cursor[from[r]]++] = to[r];
            neighbours[cursor[to[r]]++] = from[r];
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
            var at = relations.IndexOfKey(rel.Key);
            if (at < 0)
            {
                relations = relations.Grow(1);
                at = relations.Count - 1;
            }
            else
            {
                relations = relations.Grow(0);
            }
            var r = rel.Relation;
            relations.Set(at, rel.Key, r.Type, r.Confidence, r.Retracted is not null,
                entities.IndexOf[r.From], entities.IndexOf[r.To], Validity.FromDay(r.ValidFrom), Validity.ToDay(r.ValidTo));
            if (relations.Details is not null) relations.Details[at] = r;
        }
        return new GraphSnapshot(version, entities, relations, allSources);
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
