using Microsoft.Data.Sqlite;
using Wb6Graph.Model;
using Wb6Graph.Seeds;

namespace Wb6Graph.Embedded;

public sealed partial class EmbeddedGraphStore
{
    /// <summary>
    /// Loads seeds in one transaction. A fact that a user wrote or changed (origin User) is never overwritten;
    /// a seed fact that is already stored as it is counts as unchanged; nothing is ever deleted.
    /// </summary>
    public async Task<LoadResult> LoadSeedsAsync(SeedGraph graph, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        var errors = GraphValidator.Validate(graph, "seeds");
        if (errors.Count > 0) throw new GraphValidationException(errors);
        await _writeLock.WaitAsync(ct);
        try
        {
            var s = Snapshot;
            var w = _db.Writer;
            int sources = 0, entities = 0, relations = 0, unchanged = 0, kept = 0;
            var total = Math.Max(1, graph.Sources.Count + graph.Entities.Count + graph.Relations.Count + graph.Absences.Count);
            var done = 0;
            using var tx = w.BeginTransaction();
            using var rows = new SqliteGraphDb.RowWriter(w);
            foreach (var source in graph.Sources)
            {
                ct.ThrowIfCancellationRequested();
                var seed = source with { Origin = Origin.Seed };
                switch (Compare(s.Sources.GetValueOrDefault(source.Id), seed, x => x.Origin))
                {
                    case Decision.Write: SqliteGraphDb.UpsertSource(w, tx, seed); sources++; break;
                    case Decision.KeepUser: kept++; break;
                    default: unchanged++; break;
                }
                Report(++done);
            }
            var keys = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var entity in graph.Entities)
            {
                ct.ThrowIfCancellationRequested();
                var seed = entity with { Origin = Origin.Seed };
                var stored = s.Entities.IndexOf.TryGetValue(entity.Id, out var i) ? s.Entities.Records[i] : null;
                switch (Compare(stored, seed, x => x.Origin))
                {
                    case Decision.Write: keys[entity.Id] = rows.Entity(tx, seed); entities++; break;
                    case Decision.KeepUser: kept++; break;
                    default: unchanged++; break;
                }
                Report(++done);
            }
            foreach (var relation in graph.Relations)
            {
                ct.ThrowIfCancellationRequested();
                var seed = relation with { Origin = Origin.Seed };
                switch (Compare(ReadRelationById(s, relation.Id), seed, x => x.Origin))
                {
                    case Decision.Write:
                        rows.Relation(tx, seed, KeyOf(s, keys, relation.From), KeyOf(s, keys, relation.To));
                        relations++;
                        break;
                    case Decision.KeepUser: kept++; break;
                    default: unchanged++; break;
                }
                Report(++done);
            }
            var storedAbsences = s.Absences.ToDictionary(a => a.Id, StringComparer.Ordinal);
            foreach (var absence in graph.Absences)
            {
                ct.ThrowIfCancellationRequested();
                var seed = absence with { Origin = Origin.Seed };
                switch (Compare(storedAbsences.GetValueOrDefault(absence.Id), seed, x => x.Origin))
                {
                    case Decision.Write: SqliteGraphDb.UpsertAbsence(w, tx, seed); relations++; break;
                    case Decision.KeepUser: kept++; break;
                    default: unchanged++; break;
                }
            }
            var changed = sources + entities + relations > 0;
            var version = changed ? SqliteGraphDb.BumpVersion(w, tx) : s.Version;
            tx.Commit();
            if (changed) Volatile.Write(ref _snapshot, SnapshotBuilder.FromDatabase(w, _options.RelationDetailLimit));
            progress?.Report(1.0);
            return new LoadResult(sources, entities, relations, unchanged, kept, version);

            void Report(int n)
            {
                if (n % 1000 == 0) progress?.Report(0.95 * n / total);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Writes a large generated graph fast: batched inserts, checks limited to ids (the generator's facts are well formed).
    /// Returns the new data version.
    /// </summary>
    public async Task<long> BulkImportAsync(
        IEnumerable<Source> sources, IEnumerable<Entity> entities, IEnumerable<Relation> relations,
        IProgress<double>? progress = null, CancellationToken ct = default, long expectedRelations = 0)
    {
        const int batch = 200_000;
        await _writeLock.WaitAsync(ct);
        try
        {
            var w = _db.Writer;
            SqliteGraphDb.Execute(w, "PRAGMA synchronous=OFF;");
            var keys = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var (key, e) in Snapshot.Entities.Rows()) keys[e.Id] = key;
            var tx = w.BeginTransaction();
            using var rows = new SqliteGraphDb.RowWriter(w);
            var n = 0L;
            try
            {
                foreach (var source in sources) SqliteGraphDb.UpsertSource(w, tx, source);
                foreach (var entity in entities)
                {
                    keys[entity.Id] = rows.Entity(tx, entity);
                    if (++n % batch == 0) tx = Renew(tx);
                }
                progress?.Report(0.1);
                n = 0;
                foreach (var relation in relations)
                {
                    if (!keys.TryGetValue(relation.From, out var from) || !keys.TryGetValue(relation.To, out var to))
                        throw new GraphValidationException([new($"relations[{n}]", relation.Id, "relation points at an unknown entity id")]);
                    rows.Relation(tx, relation, from, to);
                    if (++n % batch == 0)
                    {
                        tx = Renew(tx);
                        if (expectedRelations > 0) progress?.Report(0.1 + 0.7 * n / expectedRelations);
                    }
                }
                SqliteGraphDb.BumpVersion(w, tx);
                tx.Commit();
            }
            finally
            {
                tx.Dispose();
                SqliteGraphDb.Execute(w, "PRAGMA synchronous=FULL;");
            }
            var snapshot = SnapshotBuilder.FromDatabase(w, _options.RelationDetailLimit);
            Volatile.Write(ref _snapshot, snapshot);
            progress?.Report(1.0);
            return snapshot.Version;

            SqliteTransaction Renew(SqliteTransaction current)
            {
                ct.ThrowIfCancellationRequested();
                current.Commit();
                current.Dispose();
                return w.BeginTransaction();
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static long KeyOf(GraphSnapshot s, Dictionary<string, long> written, string id) =>
        written.TryGetValue(id, out var key) ? key : s.Entities.Keys[s.Entities.IndexOf[id]];

    private enum Decision
    {
        Write,
        KeepUser,
        Unchanged,
    }

    private static Decision Compare<T>(T? stored, T seed, Func<T, Origin> origin)
        where T : class =>
        stored is null ? Decision.Write
        : origin(stored) == Origin.User ? Decision.KeepUser
        : SqliteGraphDb.ToJson(stored) == SqliteGraphDb.ToJson(seed) ? Decision.Unchanged
        : Decision.Write;
}
