namespace Wb6Graph.Model;

/// <summary>Which relations count: by type, on a date, and whether retracted facts are shown.</summary>
public sealed record RelationFilter(
    IReadOnlySet<RelationType>? Types = null,
    DateOnly? AsOf = null,
    bool IncludeRetracted = false)
{
    public static RelationFilter All { get; } = new();

    public bool Admits(Relation relation) =>
        (IncludeRetracted || relation.Retracted is null)
        && (Types is null || Types.Count == 0 || Types.Contains(relation.Type))
        && (AsOf is null || relation.IsValidOn(AsOf.Value));
}

public sealed record EntityQuery(
    IReadOnlySet<EntityKind>? Kinds = null,
    string? Country = null,
    string? Search = null,
    DateOnly? AsOf = null,
    int First = 50,
    string? After = null);

public sealed record RelationQuery(
    IReadOnlySet<RelationType>? Types = null,
    string? From = null,
    string? To = null,
    DateOnly? AsOf = null,
    bool IncludeRetracted = false,
    int First = 50,
    string? After = null);

/// <summary>One page of a cursor connection. Cursors are opaque to clients.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, IReadOnlyList<string> Cursors, int TotalCount, bool HasNextPage, bool HasPreviousPage);

public sealed record GraphStats(
    string Backend,
    long DataVersion,
    int Entities,
    int Relations,
    int Sources,
    int RetractedRelations,
    IReadOnlyDictionary<EntityKind, int> EntitiesByKind,
    IReadOnlyDictionary<RelationType, int> RelationsByType,
    IReadOnlyDictionary<Confidence, int> RelationsByConfidence);

/// <summary>What a seed load did: rows written, rows left alone because a user had changed them.</summary>
public sealed record LoadResult(int SourcesWritten, int EntitiesWritten, int RelationsWritten, int Unchanged, int KeptUserFacts, long DataVersion);
