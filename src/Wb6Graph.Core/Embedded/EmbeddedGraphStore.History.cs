using System.Runtime.CompilerServices;
using Wb6Graph.Model;

namespace Wb6Graph.Embedded;

public sealed partial class EmbeddedGraphStore
{
    public async IAsyncEnumerable<Absence> ReadAbsencesAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var a in Snapshot.Absences)
        {
            ct.ThrowIfCancellationRequested();
            yield return a;
        }
        await Task.CompletedTask;
    }

    public Task<IReadOnlyList<Absence>> GetAbsencesAsync(IReadOnlyCollection<string> entityIds, CancellationToken ct = default)
    {
        var ids = entityIds as IReadOnlySet<string> ?? entityIds.ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<Absence> result = Snapshot.Absences
            .Where(a => (a.From is { } f && ids.Contains(f)) || (a.To is { } t && ids.Contains(t)))
            .ToList();
        return Task.FromResult(result);
    }

    /// <summary>
    /// A scan of the relation columns picks the relations whose dates may fall in the window (a year of slack covers a
    /// date known only to the year); their records then give the exact entries.
    /// </summary>
    public Task<Page<HistoryEntry>> FindHistoryAsync(HistoryQuery query, CancellationToken ct = default)
    {
        var s = Snapshot;
        var t = s.Entities;
        int? only = null;
        if (query.Entity is { } id)
        {
            if (!t.IndexOf.TryGetValue(id, out var i)) return Task.FromResult(EmptyPage<HistoryEntry>());
            only = i;
        }
        var from = query.From is { } f ? f.DayNumber - 366 : int.MinValue;
        var to = query.To is { } d ? d.DayNumber + 366 : int.MaxValue;
        var rel = s.Relations;
        IEnumerable<int> candidates = only is { } entity
            ? s.Adjacency.RelationsOf(entity, Direction.Both).Distinct()
            : Enumerable.Range(0, rel.Count);
        var picked = new List<int>();
        foreach (var r in candidates)
        {
            ct.ThrowIfCancellationRequested();
            if ((rel.Flags[r] & GraphSnapshot.RetractedFlag) != 0) continue;
            if (query.Types is { Count: > 0 } types && !types.Contains(rel.Types[r])) continue;
            var act = (rel.Flags[r] & GraphSnapshot.ActFlag) != 0;
            if (act ? !InWindow(rel.ValidFrom[r]) : query.ActsOnly || !(InWindow(rel.ValidFrom[r]) || InWindow(rel.ValidTo[r]))) continue;
            if (!Touches(rel.From[r], rel.To[r])) continue;
            picked.Add(r);
        }
        var entries = RelationRecords(s, picked).SelectMany(query.EntriesOf);
        return Task.FromResult(query.Paginate(entries));

        // The stored start is the first possible day and the stored end the last; an end known to the year sits up to a year later.
        bool InWindow(int day) => day != int.MinValue && day != int.MaxValue && day >= from && day <= to;

        bool Touches(int a, int b)
        {
            if (query.Country is { } country && !OfCountry(a, country) && !OfCountry(b, country)) return false;
            return query.Kinds is not { Count: > 0 } kinds || kinds.Contains(t.Kinds[a]) || kinds.Contains(t.Kinds[b]);
        }

        bool OfCountry(int e, string country) => t.Records[e].Id == country || t.Records[e].Country == country;
    }
}
