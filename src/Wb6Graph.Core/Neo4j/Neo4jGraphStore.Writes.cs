using System.Text.Json;
using Wb6Graph.Model;
using Wb6Graph.Seeds;
using S = Wb6Graph.Neo4j.Neo4jStoreStatements;

namespace Wb6Graph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    public Task<Entity> UpsertEntityAsync(EntityInput input, CancellationToken ct = default) => WriteAsync(async () =>
    {
        var errors = new List<ValidationError>();
        var kindOk = Vocabulary.TryParseKind(input.Kind, out var kind);
        if (!kindOk) errors.Add(new("input.kind", input.Kind, "unknown entity kind"));
        var entityIds = new List<string> { input.Id };
        if (input.Country is { } c) entityIds.Add(c);
        var ctx = await ReadContextAsync(entityIds, SourceIds(input.Sources), [], input.Id, ct);
        var newSources = WriteChecks.CheckSourceRefs(ctx.Sources, input.Sources, "input.sources", errors);
        var entity = new Entity(input.Id, kind, input.Name?.Trim() ?? "", input.Aliases ?? [], input.Country,
            input.Description, input.Attributes ?? [], input.ValidFrom, input.ValidTo,
            WriteChecks.Cited(input.Sources), Origin.User);
        FactRules.CheckEntity(entity, new WriteContext(ctx, newSources, entity), f => $"input.{f}", errors);
        if (kindOk && ctx.Kinds.GetValueOrDefault(entity.Id) == EntityKind.Country && kind != EntityKind.Country && ctx.IsCountryOfOthers)
            errors.Add(new("input.kind", input.Kind, $"'{entity.Id}' is the country of other entities and must stay a Country"));
        WriteChecks.ThrowIfAny(errors);
        return (Neo4jWrites.UpsertEntity(ctx.Version, entity, newSources), entity);
    }, ct);

    public Task<Relation> AddRelationAsync(RelationInput input, CancellationToken ct = default) => WriteAsync(async () =>
    {
        var errors = new List<ValidationError>();
        var (typeOk, type, confidence) = WriteChecks.ParseRelation(input, errors);
        var id = input.Id ?? SeedLoader.DefaultRelationId(input.From, typeOk ? type : null, input.To);
        var ctx = await ReadContextAsync([input.From, input.To], SourceIds(input.Sources), [id], null, ct);
        var newSources = WriteChecks.CheckSourceRefs(ctx.Sources, input.Sources, "input.sources", errors);
        if (ctx.Relations.ContainsKey(id)) errors.Add(WriteChecks.RelationIdTaken(id));
        var relation = WriteChecks.NewRelation(input, id, type, confidence, errors);
        FactRules.CheckRelation(relation, new WriteContext(ctx, newSources, null), f => $"input.{f}", errors);
        WriteChecks.ThrowIfAny(errors);
        return (Neo4jWrites.AddRelation(ctx.Version, relation, newSources), relation);
    }, ct);

    public Task<Relation> EndRelationAsync(string id, PartialDate validTo, SourceRefs sources, CancellationToken ct = default) => WriteAsync(async () =>
    {
        var ctx = await ReadContextAsync([], SourceIds(sources), [id], null, ct);
        var existing = ctx.Relations.GetValueOrDefault(id) ?? throw new NotFoundException("relation", id);
        var errors = new List<ValidationError>();
        WriteChecks.CheckEnd(id, existing, validTo, errors);
        var newSources = WriteChecks.CheckSourceRefs(ctx.Sources, sources, "sources", errors);
        WriteChecks.ThrowIfAny(errors);
        var ended = WriteChecks.Ended(existing, validTo, sources);
        return (Neo4jWrites.UpdateRelation(ctx.Version, ended, newSources), ended);
    }, ct);

    public Task<Relation> RetractRelationAsync(string id, string reason, SourceRefs sources, CancellationToken ct = default) => WriteAsync(async () =>
    {
        var ctx = await ReadContextAsync([], SourceIds(sources), [id], null, ct);
        var existing = ctx.Relations.GetValueOrDefault(id) ?? throw new NotFoundException("relation", id);
        var errors = new List<ValidationError>();
        WriteChecks.CheckRetraction(id, existing, reason, errors);
        var newSources = WriteChecks.CheckSourceRefs(ctx.Sources, sources, "sources", errors);
        WriteChecks.ThrowIfAny(errors);
        var retracted = WriteChecks.Retracted(existing, reason, sources);
        return (Neo4jWrites.UpdateRelation(ctx.Version, retracted, newSources), retracted);
    }, ct);

    /// <summary>How many times a write reads and checks again after other writers came in between.</summary>
    internal const int WriteAttempts = 5;

    /// <summary>
    /// One write at a time in this process (a lock); across instances, optimistically: <paramref name="prepare"/> reads
    /// what the write's checks need (with the data version), validates, and returns one statement that writes only if
    /// the version is still the one read (<see cref="Neo4jWrites"/>). If another instance wrote meanwhile, the
    /// statement writes nothing and everything is read and checked again. One request, one implicit transaction: it
    /// works on a cluster, and no transaction stays open between requests holding the <c>:Meta</c> lock.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<Task<(Neo4jStatement Write, T Written)>> prepare, CancellationToken ct)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var (write, written) = await prepare();
                var before = DataVersion;
                Neo4jResult result;
                try
                {
                    result = await client.RunAsync(write.Cypher, write.Parameters, Neo4jAccess.Write, ct);
                }
                catch (Neo4jException e) when (e.Code == "Neo.ClientError.Schema.ConstraintValidationFailed" && written is Relation r)
                {
                    // Another writer took the relation's id between the check and this write; the statement rolled back.
                    throw new GraphValidationException([WriteChecks.RelationIdTaken(r.Id)]);
                }
                if (result.Rows.Count > 0)
                {
                    await ObserveAsync(result.Rows[0][0].GetInt64(), before, ct);
                    return written;
                }
                // The version moved since the checks read it (that bump committed alone): read, check and try again.
                if (attempt == WriteAttempts)
                    throw new Neo4jException(Neo4jException.WriteConflictCode,
                        $"Neo4j at {client.ServerUrl}: other writers changed the graph {WriteAttempts} times while this write was being checked; nothing was written, try again");
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static IReadOnlyList<string> SourceIds(SourceRefs refs) => refs.Ids.Select(c => c.Source).Concat(refs.New.Select(n => n.Id)).Distinct().ToList();

    /// <summary>
    /// Read on the writer (access mode Write), so that a cluster answers from the member that decides whether the
    /// version still holds.
    /// </summary>
    private async Task<StoredContext> ReadContextAsync(
        IReadOnlyList<string> entityIds, IReadOnlyList<string> sourceIds, IReadOnlyList<string> relationIds, string? countryOf, CancellationToken ct)
    {
        var row = (await client.RunAsync(S.WriteContext, new Dictionary<string, object?>
        {
            ["entityIds"] = entityIds.Distinct().ToList(),
            ["sourceIds"] = sourceIds,
            ["relationIds"] = relationIds,
            ["countryOf"] = countryOf,
        }, Neo4jAccess.Write, ct)).Rows[0];
        var entities = row[1].EnumerateArray().Select(Neo4jMapping.ToEntity).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var sources = row[2].EnumerateArray().Select(Neo4jMapping.ToSource).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var relations = row[3].EnumerateArray().Select(t => Neo4jMapping.ToRelation(t[0], t[1].GetString()!, t[2].GetString()!))
            .ToDictionary(r => r.Id, StringComparer.Ordinal);
        return new StoredContext(row[0].GetInt64(), entities, sources, relations, row[4].ValueKind == JsonValueKind.True);
    }

    /// <summary>The part of the stored graph a write's validation looks at, and the data version it was read at.</summary>
    private sealed record StoredContext(
        long Version, IReadOnlyDictionary<string, Entity> Entities, IReadOnlyDictionary<string, Source> Sources,
        IReadOnlyDictionary<string, Relation> Relations, bool IsCountryOfOthers)
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
