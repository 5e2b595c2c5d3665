using System.Text.Json;
using Wb6Graph.Model;
using Wb6Graph.Seeds;
using S = Wb6Graph.Neo4j.Neo4jStoreStatements;

namespace Wb6Graph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    public Task<Entity> UpsertEntityAsync(EntityInput input, CancellationToken ct = default) => WriteAsync(async tx =>
    {
        var errors = new List<ValidationError>();
        var kindOk = Vocabulary.TryParseKind(input.Kind, out var kind);
        if (!kindOk) errors.Add(new("input.kind", input.Kind, "unknown entity kind"));
        var entityIds = new List<string> { input.Id };
        if (input.Country is { } c) entityIds.Add(c);
        var ctx = await ReadContextAsync(tx, entityIds, SourceIds(input.Sources), input.Id, ct);
        var newSources = WriteChecks.CheckSourceRefs(ctx.Sources, input.Sources, "input.sources", errors);
        var entity = new Entity(input.Id, kind, input.Name?.Trim() ?? "", input.Aliases ?? [], input.Country,
            input.Description, input.Attributes ?? [], input.ValidFrom, input.ValidTo,
            WriteChecks.Cited(input.Sources), Origin.User);
        FactRules.CheckEntity(entity, new WriteContext(ctx, newSources, entity), f => $"input.{f}", errors);
        if (kindOk && ctx.Kinds.GetValueOrDefault(entity.Id) == EntityKind.Country && kind != EntityKind.Country && ctx.IsCountryOfOthers)
            errors.Add(new("input.kind", input.Kind, $"'{entity.Id}' is the country of other entities and must stay a Country"));
        WriteChecks.ThrowIfAny(errors);

        await StoreSourcesAsync(tx, newSources, ct);
        var result = await tx.RunAsync(S.MergeEntities(kind), Rows([Neo4jMapping.EntityProps(entity)]), ct);
        return result.Rows.Count > 0 ? Neo4jMapping.ToEntity(result.Rows[0][0]) : entity;
    }, ct);

    public Task<Relation> AddRelationAsync(RelationInput input, CancellationToken ct = default) => WriteAsync(async tx =>
    {
        var errors = new List<ValidationError>();
        var (typeOk, type, confidence) = WriteChecks.ParseRelation(input, errors);
        var ctx = await ReadContextAsync(tx, [input.From, input.To], SourceIds(input.Sources), null, ct);
        var newSources = WriteChecks.CheckSourceRefs(ctx.Sources, input.Sources, "input.sources", errors);
        var id = input.Id ?? SeedLoader.DefaultRelationId(input.From, typeOk ? type : null, input.To);
        if ((await RelationsByIdsAsync([id], Neo4jAccess.Write, ct, tx)).Count > 0) errors.Add(WriteChecks.RelationIdTaken(id));
        var relation = WriteChecks.NewRelation(input, id, type, confidence, errors);
        FactRules.CheckRelation(relation, new WriteContext(ctx, newSources, null), f => $"input.{f}", errors);
        WriteChecks.ThrowIfAny(errors);

        await StoreSourcesAsync(tx, newSources, ct);
        try
        {
            var result = await tx.RunAsync(S.MergeRelations(type), Rows([RelationRow(relation)]), ct);
            return result.Rows.Count > 0 ? Neo4jMapping.ToRelation(result.Rows[0][0], relation.From, relation.To) : relation;
        }
        catch (Neo4jException e) when (e.Code == "Neo.ClientError.Schema.ConstraintValidationFailed")
        {
            // Another writer (another API instance) took the id between the check above and this write.
            throw new GraphValidationException([WriteChecks.RelationIdTaken(id)]);
        }
    }, ct);

    public Task<Relation> EndRelationAsync(string id, PartialDate validTo, SourceRefs sources, CancellationToken ct = default) => WriteAsync(async tx =>
    {
        var existing = (await RelationsByIdsAsync([id], Neo4jAccess.Write, ct, tx)).GetValueOrDefault(id) ?? throw new NotFoundException("relation", id);
        var errors = new List<ValidationError>();
        WriteChecks.CheckEnd(id, existing, validTo, errors);
        var ctx = await ReadContextAsync(tx, [], SourceIds(sources), null, ct);
        var newSources = WriteChecks.CheckSourceRefs(ctx.Sources, sources, "sources", errors);
        WriteChecks.ThrowIfAny(errors);
        return await UpdateRelationAsync(tx, newSources, WriteChecks.Ended(existing, validTo, sources), ct);
    }, ct);

    public Task<Relation> RetractRelationAsync(string id, string reason, SourceRefs sources, CancellationToken ct = default) => WriteAsync(async tx =>
    {
        var existing = (await RelationsByIdsAsync([id], Neo4jAccess.Write, ct, tx)).GetValueOrDefault(id) ?? throw new NotFoundException("relation", id);
        var errors = new List<ValidationError>();
        WriteChecks.CheckRetraction(id, existing, reason, errors);
        var ctx = await ReadContextAsync(tx, [], SourceIds(sources), null, ct);
        var newSources = WriteChecks.CheckSourceRefs(ctx.Sources, sources, "sources", errors);
        WriteChecks.ThrowIfAny(errors);
        return await UpdateRelationAsync(tx, newSources, WriteChecks.Retracted(existing, reason, sources), ct);
    }, ct);

    private async Task<Relation> UpdateRelationAsync(Neo4jTransaction tx, IReadOnlyList<Source> newSources, Relation relation, CancellationToken ct)
    {
        await StoreSourcesAsync(tx, newSources, ct);
        var result = await tx.RunAsync(S.UpdateRelation(relation.Type),
            new Dictionary<string, object?> { ["id"] = relation.Id, ["props"] = Neo4jMapping.RelationProps(relation) }, ct);
        return result.Rows.Count > 0 ? Neo4jMapping.ToRelation(result.Rows[0][0], relation.From, relation.To) : relation;
    }

    /// <summary>
    /// One write at a time (in this process by a lock, across instances by the Meta node's lock), in one explicit transaction that also bumps the data version:
    /// a failure anywhere (validation included) rolls everything back.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<Neo4jTransaction, Task<T>> write, CancellationToken ct)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            await using var tx = await client.BeginAsync(ct);
            // Bumping the version first write-locks the Meta node until commit: writes from other API instances wait
            // here, so the reads that validate this write (and end or retract a relation) see theirs, and none is lost.
            var version = (await tx.RunAsync(S.BumpVersion, null, ct)).Rows[0][0].GetInt64();
            var written = await write(tx);
            await tx.CommitAsync(ct);
            SetVersion(version);
            return written;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static async Task StoreSourcesAsync(Neo4jTransaction tx, IReadOnlyList<Source> sources, CancellationToken ct)
    {
        if (sources.Count > 0) await tx.RunAsync(S.MergeSources, Rows(sources.Select(Neo4jMapping.SourceProps)), ct);
    }

    private static IReadOnlyList<string> SourceIds(SourceRefs refs) => refs.Ids.Select(c => c.Source).Concat(refs.New.Select(n => n.Id)).Distinct().ToList();

    internal static Dictionary<string, object?> Rows(IEnumerable<object> rows) => new() { ["rows"] = rows.ToList() };

    /// <summary>A row of <c>MergeRelations</c>: the ends' ids, then the relationship's properties.</summary>
    internal static object?[] RelationRow(Relation r) => [r.From, r.To, Neo4jMapping.RelationProps(r)];

    private static async Task<StoredContext> ReadContextAsync(
        Neo4jTransaction tx, IReadOnlyList<string> entityIds, IReadOnlyList<string> sourceIds, string? countryOf, CancellationToken ct)
    {
        var row = (await tx.RunAsync(S.WriteContext, new Dictionary<string, object?>
        {
            ["entityIds"] = entityIds.Distinct().ToList(),
            ["sourceIds"] = sourceIds,
            ["countryOf"] = countryOf,
        }, ct)).Rows[0];
        var entities = row[0].EnumerateArray().Select(Neo4jMapping.ToEntity).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var sources = row[1].EnumerateArray().Select(Neo4jMapping.ToSource).ToDictionary(s => s.Id, StringComparer.Ordinal);
        return new StoredContext(entities, sources, row[2].ValueKind == JsonValueKind.True);
    }

    /// <summary>The part of the stored graph a write's validation looks at.</summary>
    private sealed record StoredContext(IReadOnlyDictionary<string, Entity> Entities, IReadOnlyDictionary<string, Source> Sources, bool IsCountryOfOthers)
    {
        public IReadOnlyDictionary<string, EntityKind> Kinds { get; } = Entities.ToDictionary(e => e.Key, e => e.Value.Kind, StringComparer.Ordinal);
    }

    private sealed class WriteContext(StoredContext stored, IReadOnlyList<Source> newSources, Entity? self) : IFactContext
    {
        public EntityKind? KindOf(string entityId) =>
            self is not null && self.Id == entityId ? self.Kind
            : stored.Kinds.TryGetValue(entityId, out var kind) ? kind : null;

        public Entity? EntityOf(string entityId) =>
            self is not null && self.Id == entityId ? self : stored.Entities.GetValueOrDefault(entityId);

        public bool SourceExists(string sourceId) => stored.Sources.ContainsKey(sourceId) || newSources.Any(n => n.Id == sourceId);
    }
}
