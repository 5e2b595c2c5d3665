using Wb6Graph.Embedded;
using Wb6Graph.Gaps;
using Wb6Graph.Model;

namespace Wb6Graph.Engine;

public sealed partial class GraphEngine
{
    private const int MaxChains = 1_000;

    /// <summary>
    /// Evaluates a gap template for one country (or all of the template's countries) on a date, by the rules of
    /// <see cref="GapEvaluator"/>, over one snapshot.
    /// </summary>
    public IReadOnlyList<GapReport> Gaps(GapTemplate template, string? country, DateOnly asOf, CancellationToken ct = default)
    {
        var s = store.Snapshot;
        var countries = country is null ? template.Countries : [country];
        var errors = new List<ValidationError>();
        foreach (var c in countries) ResolveCountry(s, c, "country", errors);
        if (errors.Count == 0 && country is not null) template.CheckCovers(country, "country", errors);
        if (errors.Count > 0) throw new GraphValidationException(errors);
        // Every call of the snapshot graph completes synchronously.
        return new GapEvaluator(new SnapshotGapGraph(store, s), MaxChains, limits.GapEvidence)
            .EvaluateAsync(template, countries, asOf, ct).GetAwaiter().GetResult();
    }

    /// <summary>The gap evaluation's view of one snapshot.</summary>
    private sealed class SnapshotGapGraph(EmbeddedGraphStore store, GraphSnapshot s) : IGapGraph
    {
        public Task<IReadOnlyList<(string From, Relation Relation, Entity To)>> ExpandAsync(IReadOnlyCollection<string> from, PatternStep step, CancellationToken ct)
        {
            var found = new List<(string From, int Rel, int To)>();
            var adj = s.Adjacency;
            foreach (var id in from)
            {
                if (!s.Entities.IndexOf.TryGetValue(id, out var u)) continue;
                var (start, end) = adj.Range(u, step.Direction);
                for (var a = start; a < end; a++)
                {
                    var r = adj.Rel(u, a);
                    if ((s.Relations.Flags[r] & GraphSnapshot.RetractedFlag) != 0 || !step.Types.Contains(s.Relations.Types[r])) continue;
                    found.Add((id, r, adj.Targets[a]));
                }
            }
            var records = store.RelationRecords(s, found.Select(x => x.Rel).ToList());
            IReadOnlyList<(string, Relation, Entity)> result = found.Select((x, i) => (x.From, records[i], s.Entities.Records[x.To])).ToList();
            return Task.FromResult(result);
        }

        public Task<IReadOnlyDictionary<string, Entity>> EntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken ct) => store.GetEntitiesAsync(ids, ct);

        public Task<IReadOnlyList<Absence>> AbsencesAsync(IReadOnlyCollection<string> entityIds, CancellationToken ct)
        {
            var ids = entityIds.ToHashSet(StringComparer.Ordinal);
            IReadOnlyList<Absence> result = s.Absences.Where(a => (a.From is { } f && ids.Contains(f)) || (a.To is { } t && ids.Contains(t))).ToList();
            return Task.FromResult(result);
        }
    }
}
