namespace Wb6Graph.Model;

/// <summary>
/// The graph as the API and the CLI see it, whatever holds it (the embedded SQLite store or Neo4j).
/// Reads honour <see cref="RelationFilter"/>; writes are validated like seed facts and are all-or-nothing.
/// </summary>
public interface IGraphStore
{
    string Backend { get; }

    /// <summary>Increases with every committed write; the API's ETags are built from it.</summary>
    long DataVersion { get; }

    Task<Entity?> GetEntityAsync(string id, CancellationToken ct = default);

    Task<IReadOnlyDictionary<string, Entity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default);

    Task<Page<Entity>> FindEntitiesAsync(EntityQuery query, CancellationToken ct = default);

    Task<Relation?> GetRelationAsync(string id, bool includeRetracted = true, CancellationToken ct = default);

    Task<Page<Relation>> FindRelationsAsync(RelationQuery query, CancellationToken ct = default);

    /// <summary>The relations of many entities at once, keyed by entity id, so that a page of entities costs one round trip.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<Relation>>> GetRelationsOfAsync(
        IReadOnlyCollection<string> entityIds, Direction direction, RelationFilter filter, CancellationToken ct = default);

    Task<Source?> GetSourceAsync(string id, CancellationToken ct = default);

    /// <summary>The given sources, or every source when <paramref name="ids"/> is null.</summary>
    Task<IReadOnlyList<Source>> GetSourcesAsync(IReadOnlyCollection<string>? ids = null, CancellationToken ct = default);

    Task<GraphStats> GetStatsAsync(CancellationToken ct = default);

    Task<Entity> UpsertEntityAsync(EntityInput input, CancellationToken ct = default);

    Task<Relation> AddRelationAsync(RelationInput input, CancellationToken ct = default);

    Task<Relation> EndRelationAsync(string id, PartialDate validTo, SourceRefs sources, CancellationToken ct = default);

    Task<Relation> RetractRelationAsync(string id, string reason, SourceRefs sources, CancellationToken ct = default);

    /// <summary>Every source, entity and relation (retracted ones included), streamed in id order, for exports.</summary>
    IAsyncEnumerable<Source> ReadSourcesAsync(CancellationToken ct = default);

    IAsyncEnumerable<Entity> ReadEntitiesAsync(CancellationToken ct = default);

    IAsyncEnumerable<Relation> ReadRelationsAsync(CancellationToken ct = default);

    IAsyncEnumerable<Absence> ReadAbsencesAsync(CancellationToken ct = default);

    /// <summary>The documented absences about these entities (as subject or object), in id order.</summary>
    Task<IReadOnlyList<Absence>> GetAbsencesAsync(IReadOnlyCollection<string> entityIds, CancellationToken ct = default);

    /// <summary>
    /// What happened when: acts that occurred, states that began or ended, in a window, for a country or an entity,
    /// ordered by date (newest first when asked), paged.
    /// </summary>
    Task<Page<HistoryEntry>> FindHistoryAsync(HistoryQuery query, CancellationToken ct = default);

    /// <summary>Loads a validated seed graph idempotently; facts that users wrote or changed are kept as they are.</summary>
    Task<LoadResult> LoadSeedsAsync(SeedGraph graph, IProgress<double>? progress = null, CancellationToken ct = default);
}
