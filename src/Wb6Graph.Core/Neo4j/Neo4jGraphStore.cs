using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Wb6Graph.Embedded;
using Wb6Graph.Model;
using S = Wb6Graph.Neo4j.Neo4jStoreStatements;

namespace Wb6Graph.Neo4j;

/// <summary>
/// The store over Neo4j's Query API: every read is one Cypher statement run in Neo4j (the exports page through the
/// id indexes), every write one statement in one request (<see cref="Neo4jWrites"/>), validated by the same rules as the
/// embedded store.
/// </summary>
public sealed partial class Neo4jGraphStore(Neo4jQueryClient client, Neo4jOptions options) : IGraphStore
{
    private const int ExportPage = 1000;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private long _version;

    public string Backend => "neo4j";

    /// <summary>The data version this process last saw: after its own writes, and on every refresh (other instances write too).</summary>
    public long DataVersion => Interlocked.Read(ref _version);

    public Neo4jQueryClient Client => client;

    /// <summary>Creates the constraints and indexes if they are missing, and brings older data to the current model; safe to run at every start.</summary>
    public async Task EnsureSchemaAsync(CancellationToken ct = default)
    {
        foreach (var (_, cypher) in S.Schema()) await client.RunAsync(cypher, null, Neo4jAccess.Write, ct);
        var row = (await client.RunAsync(S.ModelVersion, null, Neo4jAccess.Read, ct)).Rows[0];
        // No model recorded: model 1 if there is data (it predates the record), none if the database is empty.
        var model = row[0].ValueKind == JsonValueKind.Number ? row[0].GetInt32() : row[1].ValueKind == JsonValueKind.True ? 1 : (int?)null;
        if (model < S.Model)
        {
            var acts = Vocabulary.AllTypes.Where(t => t.IsAct).Select(t => Neo4jMapping.TypeName(t.Type)).ToList();
            await client.RunAsync(S.MigrateRelations, new Dictionary<string, object?> { ["acts"] = acts }, Neo4jAccess.Write, ct);
            await client.RunAsync(S.MigrateEntities, null, Neo4jAccess.Write, ct);
        }
        if (model != S.Model) await client.RunAsync(S.SetModel, new Dictionary<string, object?> { ["model"] = S.Model }, Neo4jAccess.Write, ct);
        await RefreshVersionAsync(ct);
    }

    /// <summary>
    /// Reads the data version from Neo4j, so that ETags change when another API instance writes, and notices when the
    /// server's data went back (<see cref="TakeRewound"/>).
    /// </summary>
    public async Task<long> RefreshVersionAsync(CancellationToken ct = default)
    {
        var before = DataVersion;
        var result = await client.RunAsync(S.Version, null, Neo4jAccess.Read, ct);
        return await ObserveAsync(result.Rows.Count > 0 ? result.Rows[0][0].GetInt64() : 0, before, ct);
    }

    private int _rewound;

    /// <summary>
    /// Whether the server's data went back since the last call (a restored backup, a new volume): its version was then
    /// raised past every version this process served, and the database may lack its schema and seeds.
    /// </summary>
    public bool TakeRewound() => Interlocked.Exchange(ref _rewound, 0) == 1;

    /// <summary>
    /// A data version the server answered to a request sent when this process had seen <paramref name="before"/>.
    /// Lower than that, it cannot be a slow answer (the request carried the bookmarks of what was seen): the database
    /// went back. Its version is then raised past ours, so that no ETag of the old data matches the new data, and
    /// <see cref="TakeRewound"/> says so. Between the two, it is an answer that raced a newer one, and changes nothing.
    /// </summary>
    private async Task<long> ObserveAsync(long server, long before, CancellationToken ct)
    {
        if (server >= before)
        {
            SetVersion(server);
            return server;
        }
        var floor = DataVersion + 1;
        var raised = (await client.RunAsync(S.RaiseVersion, new Dictionary<string, object?> { ["floor"] = floor }, Neo4jAccess.Write, ct)).Rows[0][0].GetInt64();
        Interlocked.Exchange(ref _rewound, 1);
        SetVersion(raised);
        return raised;
    }

    private void SetVersion(long version)
    {
        // Versions only grow; an older answer racing a newer one must not move ETags backwards.
        long seen;
        do seen = Interlocked.Read(ref _version);
        while (version > seen && Interlocked.CompareExchange(ref _version, version, seen) != seen);
    }

    public async Task<Entity?> GetEntityAsync(string id, CancellationToken ct = default)
    {
        var result = await ReadAsync(S.EntityById, new() { ["id"] = id }, ct);
        return result.Rows.Count > 0 ? Neo4jMapping.ToEntity(result.Rows[0][0]) : null;
    }

    public async Task<IReadOnlyDictionary<string, Entity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        var map = new Dictionary<string, Entity>(StringComparer.Ordinal);
        if (ids.Count == 0) return map;
        var result = await ReadAsync(S.EntitiesByIds, new() { ["ids"] = ids.Distinct().ToList() }, ct);
        foreach (var row in result.Rows)
        {
            var e = Neo4jMapping.ToEntity(row[0]);
            map[e.Id] = e;
        }
        return map;
    }

    public async Task<Page<Entity>> FindEntitiesAsync(EntityQuery query, CancellationToken ct = default)
    {
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : TextSearch.Fold(query.Search);
        string? afterId = null;
        var afterScore = 0;
        if (query.After is { } after)
        {
            var key = Cursor.Decode(after, "e");
            if (search is null) afterId = key;
            else
            {
                var colon = key.IndexOf(':');
                if (colon < 1 || !int.TryParse(key[..colon], CultureInfo.InvariantCulture, out afterScore))
                    throw new GraphValidationException([new("after", after, "not a cursor of this search")]);
                afterId = key[(colon + 1)..];
            }
        }
        var parameters = new Dictionary<string, object?>
        {
            ["kinds"] = query.Kinds is { Count: > 0 } k ? k.Select(x => x.ToString()).ToList() : null,
            ["country"] = query.Country,
            ["asOf"] = Neo4jMapping.Format(query.AsOf),
            ["afterId"] = afterId,
            ["limit"] = Math.Max(0, query.First),
        };
        if (search is not null)
        {
            parameters["search"] = search;
            parameters["afterScore"] = afterScore;
        }
        var result = await ReadAsync(S.FindEntities(search is not null), parameters, ct);
        var row = result.Rows[0];
        var total = row[0].GetInt32();
        var before = row[1].GetInt32();
        if (query.After is not null && before == 0)
            throw new GraphValidationException([new("after", query.After, "unknown or stale cursor")]);
        var items = row[2].EnumerateArray().Select(Neo4jMapping.ToEntity).ToList();
        var scores = row[3].EnumerateArray().Select(s => s.GetInt32()).ToList();
        var cursors = items.Select((e, i) => Cursor.Encode("e", search is null ? e.Id : $"{scores[i]}:{e.Id}")).ToList();
        return new Page<Entity>(items, cursors, total, before + items.Count < total, before > 0);
    }

    public async Task<Relation?> GetRelationAsync(string id, bool includeRetracted = true, CancellationToken ct = default)
    {
        var rel = (await RelationsByIdsAsync([id], Neo4jAccess.Read, ct)).GetValueOrDefault(id);
        return rel is not null && (includeRetracted || rel.Retracted is null) ? rel : null;
    }

    public async Task<Page<Relation>> FindRelationsAsync(RelationQuery query, CancellationToken ct = default)
    {
        var after = query.After is { } a ? Cursor.Decode(a, "r") : null;
        var parameters = FilterParameters(new RelationFilter(query.Types, query.AsOf, query.IncludeRetracted));
        if (query.From is not null) parameters["from"] = query.From;
        if (query.To is not null) parameters["to"] = query.To;
        parameters["after"] = after;
        parameters["limit"] = Math.Max(0, query.First);
        var result = await ReadAsync(S.FindRelations(query.From is not null, query.To is not null), parameters, ct);
        var row = result.Rows[0];
        var total = row[0].GetInt32();
        var before = row[1].GetInt32();
        var items = row[2].EnumerateArray().Select(t => Neo4jMapping.ToRelation(t[0], t[1].GetString()!, t[2].GetString()!)).ToList();
        return new Page<Relation>(items, items.Select(r => Cursor.Encode("r", r.Id)).ToList(), total, before + items.Count < total, before > 0);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Relation>>> GetRelationsOfAsync(
        IReadOnlyCollection<string> entityIds, Direction direction, RelationFilter filter, CancellationToken ct = default)
    {
        var ids = entityIds.Distinct().ToList();
        var lists = ids.ToDictionary(id => id, _ => new List<Relation>(), StringComparer.Ordinal);
        if (ids.Count > 0)
        {
            var parameters = FilterParameters(filter);
            parameters["ids"] = ids;
            var result = await ReadAsync(S.RelationsOf(direction), parameters, ct);
            foreach (var row in result.Rows)
                lists[row[0].GetString()!].Add(Neo4jMapping.ToRelation(row[1], row[2].GetString()!, row[3].GetString()!));
        }
        return lists.ToDictionary(p => p.Key, p => (IReadOnlyList<Relation>)p.Value, StringComparer.Ordinal);
    }

    public async Task<Source?> GetSourceAsync(string id, CancellationToken ct = default)
    {
        var result = await ReadAsync(S.SourceById, new() { ["id"] = id }, ct);
        return result.Rows.Count > 0 ? Neo4jMapping.ToSource(result.Rows[0][0]) : null;
    }

    public async Task<IReadOnlyList<Source>> GetSourcesAsync(IReadOnlyCollection<string>? ids = null, CancellationToken ct = default)
    {
        if (ids is null) return (await ReadAsync(S.AllSources, [], ct)).Rows.Select(r => Neo4jMapping.ToSource(r[0])).ToList();
        var distinct = ids.Distinct().ToList();
        if (distinct.Count == 0) return [];
        var found = (await ReadAsync(S.SourcesByIds, new() { ["ids"] = distinct }, ct)).Rows
            .Select(r => Neo4jMapping.ToSource(r[0])).ToDictionary(s => s.Id, StringComparer.Ordinal);
        return distinct.Select(found.GetValueOrDefault).OfType<Source>().ToList();
    }

    public async Task<GraphStats> GetStatsAsync(CancellationToken ct = default)
    {
        var row = (await ReadAsync(S.Stats, [], ct)).Rows[0];
        var byKind = new Dictionary<EntityKind, int>();
        var entities = 0;
        foreach (var pair in row[0].EnumerateArray())
        {
            var n = pair[1].GetInt32();
            entities += n;
            if (Vocabulary.TryParseKind(pair[0].GetString(), out var kind)) byKind[kind] = byKind.GetValueOrDefault(kind) + n;
        }
        var byType = new Dictionary<RelationType, int>();
        var byConfidence = new Dictionary<Confidence, int>();
        int relations = 0, retracted = 0;
        foreach (var group in row[1].EnumerateArray())
        {
            var n = group[3].GetInt32();
            if (group[2].ValueKind == JsonValueKind.True)
            {
                retracted += n;
                continue;
            }
            relations += n;
            if (Vocabulary.TryParseType(group[0].GetString(), out var type)) byType[type] = byType.GetValueOrDefault(type) + n;
            if (Enum.TryParse<Confidence>(group[1].GetString(), out var c)) byConfidence[c] = byConfidence.GetValueOrDefault(c) + n;
        }
        var version = row[3].GetInt64();
        SetVersion(version);
        return new GraphStats(Backend, version, entities, relations, row[2].GetInt32(), retracted, byKind, byType, byConfidence);
    }

    public async IAsyncEnumerable<Source> ReadSourcesAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var row in PagesAsync(S.SourcePage, ct))
            yield return Neo4jMapping.ToSource(row[0]);
    }

    public async IAsyncEnumerable<Entity> ReadEntitiesAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var row in PagesAsync(S.EntityPage, ct))
            yield return Neo4jMapping.ToEntity(row[0]);
    }

    /// <summary>
    /// Relations in id order without sorting them all in Neo4j: each type is paged through its id index and the
    /// per-type streams are merged here, holding one page per type.
    /// </summary>
    public async IAsyncEnumerable<Relation> ReadRelationsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var streams = Enum.GetValues<RelationType>()
            .Select(t => PagesAsync(S.RelationPage(t), ct).GetAsyncEnumerator(ct))
            .ToList();
        var heads = new PriorityQueue<(Relation Relation, int Stream), string>(StringComparer.Ordinal);
        try
        {
            for (var i = 0; i < streams.Count; i++) await AdvanceAsync(i);
            while (heads.TryDequeue(out var head, out _))
            {
                yield return head.Relation;
                await AdvanceAsync(head.Stream);
            }
        }
        finally
        {
            foreach (var s in streams) await s.DisposeAsync();
        }

        async Task AdvanceAsync(int i)
        {
            if (!await streams[i].MoveNextAsync()) return;
            var row = streams[i].Current;
            var rel = Neo4jMapping.ToRelation(row[0], row[1].GetString()!, row[2].GetString()!);
            heads.Enqueue((rel, i), rel.Id);
        }
    }

    public async IAsyncEnumerable<Absence> ReadAbsencesAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var row in PagesAsync(S.AbsencePage, ct))
            yield return Neo4jMapping.ToAbsence(row[0]);
    }

    public async Task<IReadOnlyList<Absence>> GetAbsencesAsync(IReadOnlyCollection<string> entityIds, CancellationToken ct = default)
    {
        if (entityIds.Count == 0) return [];
        var result = await ReadAsync(S.AbsencesOf, new() { ["ids"] = entityIds.Distinct().ToList() }, ct);
        return result.Rows.Select(r => Neo4jMapping.ToAbsence(r[0])).ToList();
    }

    /// <summary>History candidates come from one statement (bounded by <see cref="HistoryCap"/> rows); the entries, their order and pages are the shared HistoryQuery's.</summary>
    public async Task<Page<HistoryEntry>> FindHistoryAsync(HistoryQuery query, CancellationToken ct = default)
    {
        var result = await ReadAsync(S.History, new()
        {
            ["types"] = query.Types is { Count: > 0 } t ? t.Select(Neo4jMapping.TypeName).ToList() : null,
            ["entity"] = query.Entity,
            ["country"] = query.Country,
            ["kinds"] = query.Kinds is { Count: > 0 } k ? k.Select(Neo4jMapping.Label).ToList() : null,
            ["fromSlack"] = Neo4jMapping.Format(query.From?.AddDays(-366)),
            ["to"] = Neo4jMapping.Format(query.To),
            ["toSlack"] = Neo4jMapping.Format(query.To?.AddDays(366)),
            ["actsOnly"] = query.ActsOnly,
            ["cap"] = HistoryCap,
        }, ct);
        var relations = result.Rows.Select(r => Neo4jMapping.ToRelation(r[0], r[1].GetString()!, r[2].GetString()!));
        return query.Paginate(relations.SelectMany(query.EntriesOf));
    }

    /// <summary>The most relations a history question reads from Neo4j.</summary>
    internal const int HistoryCap = 100_000;

    private async IAsyncEnumerable<JsonElement[]> PagesAsync(string cypher, [EnumeratorCancellation] CancellationToken ct)
    {
        var after = "";
        while (true)
        {
            var result = await ReadAsync(cypher, new() { ["after"] = after, ["limit"] = ExportPage }, ct);
            foreach (var row in result.Rows) yield return row;
            if (result.Rows.Count < ExportPage) yield break;
            var last = result.Rows[^1][0];
            after = (last.TryGetProperty("properties", out var p) ? p : last).GetProperty("id").GetString()!;
        }
    }

    private async Task<Dictionary<string, Relation>> RelationsByIdsAsync(IReadOnlyCollection<string> ids, Neo4jAccess access, CancellationToken ct)
    {
        var map = new Dictionary<string, Relation>(StringComparer.Ordinal);
        if (ids.Count == 0) return map;
        var result = await client.RunAsync(S.RelationsByIds, new Dictionary<string, object?> { ["ids"] = ids.Distinct().ToList() }, access, ct);
        foreach (var row in result.Rows)
        {
            var rel = Neo4jMapping.ToRelation(row[0], row[1].GetString()!, row[2].GetString()!);
            map[rel.Id] = rel;
        }
        return map;
    }

    private static Dictionary<string, object?> FilterParameters(RelationFilter filter) => new()
    {
        ["types"] = filter.Types is { Count: > 0 } t ? t.Select(Neo4jMapping.TypeName).ToList() : null,
        ["asOf"] = Neo4jMapping.Format(filter.AsOf),
        ["includeRetracted"] = filter.IncludeRetracted,
    };

    private Task<Neo4jResult> ReadAsync(string cypher, Dictionary<string, object?> parameters, CancellationToken ct) =>
        client.RunAsync(cypher, parameters, Neo4jAccess.Read, ct);
}
