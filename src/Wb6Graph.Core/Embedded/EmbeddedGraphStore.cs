using System.Runtime.CompilerServices;
using System.Text;
using Wb6Graph.Model;

namespace Wb6Graph.Embedded;

/// <summary>
/// The default backend: SQLite holds the record, an immutable in-memory snapshot answers every read.
/// Writes are serialised, committed to SQLite first, then published as a new snapshot in one reference swap,
/// so a reader never blocks and never sees half a write.
/// </summary>
public sealed partial class EmbeddedGraphStore : IGraphStore, IDisposable
{
    private readonly SqliteGraphDb _db;
    private readonly EmbeddedStoreOptions _options;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private GraphSnapshot _snapshot;

    private EmbeddedGraphStore(EmbeddedStoreOptions options, IProgress<double>? progress)
    {
        _options = options;
        _db = new SqliteGraphDb(options);
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            _snapshot = SnapshotBuilder.FromDatabase(_db.Writer, options.RelationDetailLimit, progress);
            OpenedIn = clock.Elapsed;
        }
        catch
        {
            _db.Dispose();
            throw;
        }
    }

    /// <summary>How long opening took, almost all of it building the first snapshot from SQLite.</summary>
    public TimeSpan OpenedIn { get; }

    /// <summary>Where a corrupt or empty database was kept aside when it was opened with StartFresh; null otherwise.</summary>
    public string? SetAside { get; private set; }

    /// <summary>
    /// Opens the store, or says why it cannot: a <see cref="StoreOpenException"/> naming the file and the setting. A
    /// file that is empty or not a readable database is never replaced silently (see <see cref="CorruptDatabase"/>).
    /// </summary>
    public static EmbeddedGraphStore Open(EmbeddedStoreOptions options, IProgress<double>? progress = null) => StoreOpening.Open(options, progress, o => new(o, progress));

    internal void KeptAside(string path) => SetAside = path;

    public string Backend => "embedded";

    public long DataVersion => Snapshot.Version;

    /// <summary>The current snapshot; the path engine traverses it directly.</summary>
    public GraphSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>The SQLite file, or null for an in-memory store.</summary>
    public string? DatabasePath => _db.Path;

    public void Dispose()
    {
        _db.Dispose();
        _writeLock.Dispose();
    }

    public Task<Entity?> GetEntityAsync(string id, CancellationToken ct = default)
    {
        var s = Snapshot;
        return Task.FromResult(s.Entities.IndexOf.TryGetValue(id, out var i) ? s.Entities.Records[i] : null);
    }

    public Task<IReadOnlyDictionary<string, Entity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        var s = Snapshot;
        var result = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var id in ids)
            if (s.Entities.IndexOf.TryGetValue(id, out var i)) result[id] = s.Entities.Records[i];
        return Task.FromResult<IReadOnlyDictionary<string, Entity>>(result);
    }

    public Task<Page<Entity>> FindEntitiesAsync(EntityQuery query, CancellationToken ct = default)
    {
        var s = Snapshot;
        var t = s.Entities;
        var folded = string.IsNullOrWhiteSpace(query.Search) ? null : TextSearch.Fold(query.Search);
        var day = query.AsOf?.DayNumber;
        var matches = new List<(int Index, int Score)>();
        foreach (var i in t.OrderById)
        {
            if (query.Kinds is { Count: > 0 } kinds && !kinds.Contains(t.Kinds[i])) continue;
            if (query.Country is { } country && t.Records[i].Country != country && !(t.Kinds[i] == EntityKind.Country && t.Records[i].Id == country)) continue;
            if (day is { } d && !t.IsValidOn(i, d)) continue;
            var score = folded is null ? 0 : t.Search[i].Score(folded);
            if (folded is not null && score == 0) continue;
            matches.Add((i, score));
        }
        // With a search, the best matches come first (an exact id or acronym, then the name, an alias, the rest; each by
        // exact, word start, substring), ids break ties; cursors carry the rank so that paging stays stable.
        if (folded is not null) matches = matches.OrderByDescending(m => m.Score).ThenBy(m => t.Records[m.Index].Id, StringComparer.Ordinal).ToList();
        var start = 0;
        if (query.After is { } after)
        {
            var afterKey = Cursor.Decode(after, "e");
            start = matches.FindIndex(m => EntityCursorKey(t.Records[m.Index].Id, m.Score, folded) == afterKey) + 1;
            if (start == 0) throw new GraphValidationException([new("after", after, "unknown or stale cursor")]);
        }
        var page = matches.Skip(start).Take(query.First).ToList();
        return Task.FromResult(new Page<Entity>(
            page.Select(m => t.Records[m.Index]).ToList(),
            page.Select(m => Cursor.Encode("e", EntityCursorKey(t.Records[m.Index].Id, m.Score, folded))).ToList(),
            matches.Count,
            start + page.Count < matches.Count,
            start > 0));
    }

    private static string EntityCursorKey(string id, int score, string? search) => search is null ? id : $"{score}:{id}";

    public Task<Relation?> GetRelationAsync(string id, bool includeRetracted = true, CancellationToken ct = default)
    {
        var rel = ReadRelationById(Snapshot, id);
        return Task.FromResult(rel is not null && (includeRetracted || rel.Retracted is null) ? rel : null);
    }

    public Task<Page<Relation>> FindRelationsAsync(RelationQuery query, CancellationToken ct = default)
    {
        var s = Snapshot;
        var filter = new RelationFilter(query.Types, query.AsOf, query.IncludeRetracted);
        int? from = null, to = null;
        if (query.From is { } f)
        {
            if (!s.Entities.IndexOf.TryGetValue(f, out var fi)) return Task.FromResult(EmptyPage<Relation>());
            from = fi;
        }
        if (query.To is { } tt)
        {
            if (!s.Entities.IndexOf.TryGetValue(tt, out var ti)) return Task.FromResult(EmptyPage<Relation>());
            to = ti;
        }
        // Relations come in key order (the order they were written), which stays stable across writes. Rows are in
        // (from, to) order, so a page is the First smallest keys after the cursor, picked without sorting every match.
        IEnumerable<int> candidates = from is { } fromIndex
            ? RelsOf(s, fromIndex, Direction.Out)
            : to is { } toIndex ? RelsOf(s, toIndex, Direction.In) : Enumerable.Range(0, s.RelationCount);
        long? afterKey = query.After is { } after
            ? long.TryParse(Cursor.Decode(after, "r"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var key)
                ? key
                : throw new GraphValidationException([new("after", after, "not a cursor of this list")])
            : null;
        var keys = s.Relations.Keys;
        var largestFirst = new PriorityQueue<int, long>(Comparer<long>.Create((x, y) => y.CompareTo(x)));
        int total = 0, before = 0;
        foreach (var r in candidates)
        {
            if ((to is not null && s.Relations.To[r] != to) || (from is not null && s.Relations.From[r] != from) || !s.RelationAdmitted(r, filter)) continue;
            total++;
            if (keys[r] <= afterKey)
            {
                before++;
                continue;
            }
            if (largestFirst.Count < query.First) largestFirst.Enqueue(r, keys[r]);
            else if (query.First > 0 && largestFirst.TryPeek(out _, out var largest) && keys[r] < largest) largestFirst.DequeueEnqueue(r, keys[r]);
        }
        var page = largestFirst.UnorderedItems.Select(x => x.Element).OrderBy(r => keys[r]).ToList();
        return Task.FromResult(new Page<Relation>(
            RelationRecords(s, page),
            page.Select(r => Cursor.Encode("r", keys[r].ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(),
            total,
            before + page.Count < total,
            before > 0));
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<Relation>>> GetRelationsOfAsync(
        IReadOnlyCollection<string> entityIds, Direction direction, RelationFilter filter, CancellationToken ct = default)
    {
        var s = Snapshot;
        var result = new Dictionary<string, IReadOnlyList<Relation>>(StringComparer.Ordinal);
        foreach (var id in entityIds.Distinct())
        {
            if (!s.Entities.IndexOf.TryGetValue(id, out var i))
            {
                result[id] = [];
                continue;
            }
            result[id] = RelationRecords(s, s.InWrittenOrder(RelsOf(s, i, direction).Distinct().Where(r => s.RelationAdmitted(r, filter))));
        }
        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<Relation>>>(result);
    }

    public Task<Source?> GetSourceAsync(string id, CancellationToken ct = default) =>
        Task.FromResult(Snapshot.Sources.GetValueOrDefault(id));

    public Task<IReadOnlyList<Source>> GetSourcesAsync(IReadOnlyCollection<string>? ids = null, CancellationToken ct = default)
    {
        var s = Snapshot;
        IReadOnlyList<Source> result = ids is null
            ? s.Sources.Values.OrderBy(x => x.Id, StringComparer.Ordinal).ToList()
            : ids.Distinct().Select(id => s.Sources.GetValueOrDefault(id)).OfType<Source>().ToList();
        return Task.FromResult(result);
    }

    public Task<GraphStats> GetStatsAsync(CancellationToken ct = default)
    {
        var s = Snapshot;
        var r = s.Relations;
        var byType = new Dictionary<RelationType, int>();
        var byConfidence = new Dictionary<Confidence, int>();
        var retracted = 0;
        for (var i = 0; i < r.Count; i++)
        {
            if ((r.Flags[i] & GraphSnapshot.RetractedFlag) != 0)
            {
                retracted++;
                continue;
            }
            byType[r.Types[i]] = byType.GetValueOrDefault(r.Types[i]) + 1;
            byConfidence[r.Confidences[i]] = byConfidence.GetValueOrDefault(r.Confidences[i]) + 1;
        }
        var byKind = s.Entities.Kinds.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        return Task.FromResult(new GraphStats(Backend, s.Version, s.EntityCount, r.Count - retracted, s.Sources.Count, retracted, byKind, byType, byConfidence));
    }

    public async IAsyncEnumerable<Source> ReadSourcesAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var s in Snapshot.Sources.Values.OrderBy(x => x.Id, StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            yield return s;
        }
        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<Entity> ReadEntitiesAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var s = Snapshot;
        foreach (var i in s.Entities.OrderById)
        {
            ct.ThrowIfCancellationRequested();
            yield return s.Entities.Records[i];
        }
        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<Relation> ReadRelationsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var s = Snapshot;
        if (s.Relations.Details is { } details)
        {
            foreach (var rel in details.OrderBy(d => d.Id, StringComparer.Ordinal))
            {
                ct.ThrowIfCancellationRequested();
                yield return rel;
            }
        }
        else
        {
            using var c = _db.Open();
            foreach (var (_, rel) in SqliteGraphDb.ReadRelations(c, orderBy: "r.id"))
            {
                ct.ThrowIfCancellationRequested();
                yield return rel;
            }
        }
        await Task.CompletedTask;
    }

    /// <summary>Whole relation records for relation indexes: from the snapshot when it keeps them, else from SQLite.</summary>
    internal IReadOnlyList<Relation> RelationRecords(GraphSnapshot s, IReadOnlyList<int> indexes)
    {
        if (indexes.Count == 0) return [];
        if (s.Relations.Details is { } details) return indexes.Select(i => details[i]).ToList();
        var keys = indexes.Select(i => s.Relations.Keys[i]).ToList();
        var byKey = new Dictionary<long, Relation>();
        using var c = _db.Open();
        foreach (var chunk in keys.Chunk(500))
        {
            var where = $"WHERE r.key IN ({string.Join(',', chunk)})";
            foreach (var (key, rel) in SqliteGraphDb.ReadRelations(c, where)) byKey[key] = rel;
        }
        return keys.Select(k => byKey[k]).ToList();
    }

    private Relation? ReadRelationById(GraphSnapshot s, string id)
    {
        if (s.RelationIndexById is { } index)
            return index.TryGetValue(id, out var r) ? s.Relations.Details![r] : null;
        using var c = _db.Open();
        return SqliteGraphDb.ReadRelations(c, "WHERE r.id = $id", cmd => cmd.Parameters.AddWithValue("$id", id))
            .Select(x => x.Relation).FirstOrDefault();
    }

    private static int[] RelsOf(GraphSnapshot s, int entity, Direction direction) => s.Adjacency.RelationsOf(entity, direction);

    private static Page<T> EmptyPage<T>() => new([], [], 0, false, false);
}

/// <summary>Opaque cursors: base64 of a prefix and a key, so clients do not build them by hand.</summary>
internal static class Cursor
{
    public static string Encode(string prefix, string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{prefix}:{key}"));

    public static string Decode(string cursor, string prefix)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(prefix + ":", StringComparison.Ordinal)) return text[(prefix.Length + 1)..];
        }
        catch (FormatException)
        {
        }
        throw new GraphValidationException([new("after", cursor, "not a cursor of this list")]);
    }
}
