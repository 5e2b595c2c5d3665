using Microsoft.Data.Sqlite;
using Wb6Graph.Model;
using Wb6Graph.Seeds;

namespace Wb6Graph.Embedded;

public sealed partial class EmbeddedGraphStore
{
    public Task<Entity> UpsertEntityAsync(EntityInput input, CancellationToken ct = default) => Serialized(() =>
    {
        var s = Snapshot;
        var errors = new List<ValidationError>();
        var kindOk = Vocabulary.TryParseKind(input.Kind, out var kind);
        if (!kindOk) errors.Add(new("input.kind", input.Kind, "unknown entity kind"));
        var newSources = WriteChecks.CheckSourceRefs(s.Sources, input.Sources, "input.sources", errors);
        var entity = new Entity(input.Id, kind, input.Name?.Trim() ?? "", input.Aliases ?? [], input.Country,
            input.Description, input.Attributes ?? [], input.ValidFrom, input.ValidTo,
            WriteChecks.Cited(input.Sources), Origin.User);
        var ctx = new WriteContext(s, newSources, entity);
        FactRules.CheckEntity(entity, ctx, f => $"input.{f}", errors);
        if (kindOk && s.Entities.IndexOf.TryGetValue(entity.Id, out var existing) && s.Entities.Kinds[existing] == EntityKind.Country
            && kind != EntityKind.Country && s.Entities.Records.Any(e => e.Country == entity.Id))
            errors.Add(new("input.kind", input.Kind, $"'{entity.Id}' is the country of other entities and must stay a Country"));
        WriteChecks.ThrowIfAny(errors);

        return Commit(s, newSources, tx =>
        {
            var key = SqliteGraphDb.UpsertEntity(_db.Writer, tx, entity);
            return ((key, entity), null);
        }).Entity!.Value.Entity;
    }, ct);

    public Task<Relation> AddRelationAsync(RelationInput input, CancellationToken ct = default) => Serialized(() =>
    {
        var s = Snapshot;
        var errors = new List<ValidationError>();
        var (typeOk, type, confidence) = WriteChecks.ParseRelation(input, errors);
        var newSources = WriteChecks.CheckSourceRefs(s.Sources, input.Sources, "input.sources", errors);
        var id = input.Id ?? SeedLoader.DefaultRelationId(input.From, typeOk ? type : null, input.To);
        if (ReadRelationById(s, id) is not null) errors.Add(WriteChecks.RelationIdTaken(id));
        var relation = WriteChecks.NewRelation(input, id, type, confidence, errors);
        FactRules.CheckRelation(relation, new WriteContext(s, newSources, null), f => $"input.{f}", errors);
        WriteChecks.ThrowIfAny(errors);
        return StoreRelation(s, newSources, relation);
    }, ct);

    public Task<Relation> EndRelationAsync(string id, PartialDate validTo, SourceRefs sources, CancellationToken ct = default) => Serialized(() =>
    {
        var s = Snapshot;
        var existing = ReadRelationById(s, id) ?? throw new NotFoundException("relation", id);
        var errors = new List<ValidationError>();
        WriteChecks.CheckEnd(id, existing, validTo, errors);
        var newSources = WriteChecks.CheckSourceRefs(s.Sources, sources, "sources", errors);
        WriteChecks.ThrowIfAny(errors);
        return StoreRelation(s, newSources, WriteChecks.Ended(existing, validTo, sources));
    }, ct);

    public Task<Relation> RetractRelationAsync(string id, string reason, SourceRefs sources, CancellationToken ct = default) => Serialized(() =>
    {
        var s = Snapshot;
        var existing = ReadRelationById(s, id) ?? throw new NotFoundException("relation", id);
        var errors = new List<ValidationError>();
        WriteChecks.CheckRetraction(id, existing, reason, errors);
        var newSources = WriteChecks.CheckSourceRefs(s.Sources, sources, "sources", errors);
        WriteChecks.ThrowIfAny(errors);
        return StoreRelation(s, newSources, WriteChecks.Retracted(existing, reason, sources));
    }, ct);

    /// <summary>Runs one write at a time: each reads the current snapshot and publishes the next.</summary>
    private async Task<T> Serialized<T>(Func<T> write, CancellationToken ct)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            return write();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private Relation StoreRelation(GraphSnapshot s, IReadOnlyList<Source> newSources, Relation relation) =>
        Commit(s, newSources, tx =>
        {
            var key = SqliteGraphDb.UpsertRelation(_db.Writer, tx, relation,
                s.Entities.Keys[s.Entities.IndexOf[relation.From]], s.Entities.Keys[s.Entities.IndexOf[relation.To]]);
            return (null, (key, relation));
        }).Relation!.Value.Relation;

    /// <summary>Writes in one SQLite transaction, bumps the data version, then publishes the patched snapshot.</summary>
    private ((long Key, Entity Entity)? Entity, (long Key, Relation Relation)? Relation) Commit(
        GraphSnapshot s, IReadOnlyList<Source> newSources,
        Func<SqliteTransaction, ((long, Entity)?, (long, Relation)?)> write)
    {
        using var tx = _db.Writer.BeginTransaction();
        foreach (var source in newSources) SqliteGraphDb.UpsertSource(_db.Writer, tx, source);
        var written = write(tx);
        var version = SqliteGraphDb.BumpVersion(_db.Writer, tx);
        tx.Commit();
        Volatile.Write(ref _snapshot, SnapshotBuilder.Patch(s, version, newSources, written.Item1, written.Item2));
        return written;
    }

    /// <summary>The graph as a write sees it: the snapshot plus the sources and the entity that the write itself adds.</summary>
    private sealed class WriteContext(GraphSnapshot s, IReadOnlyList<Source> newSources, Entity? self) : IFactContext
    {
        public EntityKind? KindOf(string entityId) =>
            self is not null && self.Id == entityId ? self.Kind
            : s.Entities.IndexOf.TryGetValue(entityId, out var i) ? s.Entities.Kinds[i] : null;

        public Entity? EntityOf(string entityId) =>
            self is not null && self.Id == entityId ? self
            : s.Entities.IndexOf.TryGetValue(entityId, out var i) ? s.Entities.Records[i] : null;

        public bool SourceExists(string sourceId) => s.Sources.ContainsKey(sourceId) || newSources.Any(n => n.Id == sourceId);
    }
}
