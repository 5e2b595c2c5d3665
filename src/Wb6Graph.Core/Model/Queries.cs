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

/// <summary>What a history entry records: an act that occurred, or a state that began or ended.</summary>
public enum HistoryKind : byte
{
    Occurred,
    Began,
    Ended,
}

/// <summary>
/// One dated change: an act on the day it occurred, or a state on the day it began or ended. Uncertain when the date is
/// known only to the month or year and that period is not wholly inside the window asked about.
/// </summary>
public sealed record HistoryEntry(HistoryKind Kind, PartialDate Date, Relation Relation, bool Uncertain);

/// <summary>
/// A window of history (both days inclusive; either may be open), narrowed to a country (the country and its entities),
/// to one entity, to relations touching entities of some kinds, to some types, to acts only.
/// </summary>
public sealed record HistoryQuery(
    DateOnly? From = null,
    DateOnly? To = null,
    string? Country = null,
    string? Entity = null,
    IReadOnlySet<EntityKind>? Kinds = null,
    IReadOnlySet<RelationType>? Types = null,
    bool ActsOnly = false,
    bool NewestFirst = false,
    int First = 50,
    string? After = null)
{
    /// <summary>The entries a relation contributes to this window, before the country, entity and kind filters.</summary>
    public IEnumerable<HistoryEntry> EntriesOf(Relation r)
    {
        if (r.Retracted is not null || (Types is { Count: > 0 } types && !types.Contains(r.Type))) yield break;
        if (r.IsAct)
        {
            if (r.OccurredOn is { } on && Overlaps(on)) yield return new(HistoryKind.Occurred, on, r, !Contains(on));
            yield break;
        }
        if (ActsOnly) yield break;
        if (r.ValidFrom is { } began && Overlaps(began)) yield return new(HistoryKind.Began, began, r, !Contains(began));
        if (r.ValidTo is { } ended && Overlaps(ended)) yield return new(HistoryKind.Ended, ended, r, !Contains(ended));
    }

    private bool Overlaps(PartialDate d) => (From is null || d.Last >= From) && (To is null || d.First <= To);

    private bool Contains(PartialDate d) => (From is null || d.First >= From) && (To is null || d.Last <= To);

    /// <summary>
    /// Orders entries by date (newest first when asked; a day before the month or year that holds it), then acts before
    /// beginnings before ends, then relation id, so that pages are stable, and pages them by position.
    /// </summary>
    public Page<HistoryEntry> Paginate(IEnumerable<HistoryEntry> entries)
    {
        var byDate = NewestFirst
            ? entries.OrderByDescending(e => e.Date.First).ThenBy(e => e.Date.Precision)
            : entries.OrderBy(e => e.Date.First).ThenBy(e => e.Date.Precision);
        var ordered = byDate.ThenBy(e => e.Kind).ThenBy(e => e.Relation.Id, StringComparer.Ordinal).ToList();
        var keys = ordered.Select(Key).ToList();
        var start = 0;
        if (After is { } after)
        {
            start = keys.IndexOf(after) + 1;
            if (start == 0) throw new GraphValidationException([new("after", after, "unknown or stale cursor")]);
        }
        var page = ordered.Skip(start).Take(First).ToList();
        return new Page<HistoryEntry>(page, keys.Skip(start).Take(page.Count).ToList(), ordered.Count, start + page.Count < ordered.Count, start > 0);

        static string Key(HistoryEntry e) =>
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"h:{e.Date}:{e.Relation.Id}:{e.Kind}"));
    }
}

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
