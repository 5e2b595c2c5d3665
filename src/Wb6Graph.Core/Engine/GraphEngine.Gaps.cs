using Wb6Graph.Embedded;
using Wb6Graph.Gaps;
using Wb6Graph.Model;

namespace Wb6Graph.Engine;

public sealed partial class GraphEngine
{
    private const int MaxChains = 1_000;

    /// <summary>
    /// Evaluates a gap template for one country (or all of the template's countries) on a date.
    /// PRESENT: a chain of the item's pattern holds on the date. NOT_ELIGIBLE: it does not, and the item is closed to
    /// candidates. EXPIRED: a chain held before and has ended. MISSING: no chain has held yet.
    /// Score: the share of eligible items present.
    /// </summary>
    public IReadOnlyList<GapReport> Gaps(GapTemplate template, string? country, DateOnly asOf, CancellationToken ct = default)
    {
        var s = store.Snapshot;
        var countries = country is null ? template.Countries : [country];
        var errors = new List<ValidationError>();
        foreach (var c in countries) ResolveCountry(s, c, "country", errors);
        if (errors.Count == 0 && country is not null) template.CheckCovers(country, "country", errors);
        if (errors.Count > 0) throw new GraphValidationException(errors);

        var f = new ArcFilter(s, new TraversalOptions());
        var day = asOf.DayNumber;
        var reports = new List<GapReport>();
        foreach (var c in countries)
        {
            var start = s.Entities.IndexOf[c];
            var items = new List<GapItemReport>();
            foreach (var item in template.Items)
            {
                ct.ThrowIfCancellationRequested();
                var chains = Chains(s, f, start, item.Pattern);
                var present = chains.Where(ch => Holds(s, ch, day)).ToList();
                var expired = chains.Where(ch => !Holds(s, ch, day) && Began(s, ch, day)).ToList();
                var (status, evidence) = present.Count > 0 ? (GapStatus.Present, present)
                    : !item.EligibleBeforeAccession ? (GapStatus.NotEligible, [])
                    : expired.Count > 0 ? (GapStatus.Expired, expired)
                    : (GapStatus.Missing, new List<(int[] Nodes, int[] Rels)>());
                items.Add(new GapItemReport(item, status, Evidence(s, evidence)));
            }
            var eligible = items.Count(i => i.Status != GapStatus.NotEligible || i.Item.EligibleBeforeAccession);
            var score = eligible == 0 ? 0 : (double)items.Count(i => i.Status == GapStatus.Present) / eligible;
            reports.Add(new GapReport(c, template.Id, Math.Round(score, 4), items));
        }
        return reports;
    }

    /// <summary>Every chain of relations from the country that matches the pattern step by step, whatever its dates.</summary>
    private static List<(int[] Nodes, int[] Rels)> Chains(GraphSnapshot s, ArcFilter f, int start, IReadOnlyList<PatternStep> pattern)
    {
        var frontier = new List<(int[] Nodes, int[] Rels)> { ([start], []) };
        foreach (var step in pattern)
        {
            var next = new List<(int[] Nodes, int[] Rels)>();
            foreach (var (nodes, rels) in frontier)
            {
                var u = nodes[^1];
                Follow(u, nodes, rels);
                if (next.Count >= MaxChains) break;
            }
            frontier = next;

            void Follow(int u, int[] nodes, int[] rels)
            {
                var adj = s.Adjacency;
                var (start, end) = adj.Range(u, step.Direction);
                for (var a = start; a < end; a++)
                {
                    var r = adj.Rel(u, a);
                    var v = adj.Targets[a];
                    if (!f.Relation(r) || !step.Types.Contains(s.Relations.Types[r]) || nodes.Contains(v)) continue;
                    if (step.Kinds.Count > 0 && !step.Kinds.Contains(s.Entities.Kinds[v])) continue;
                    if (step.To is { } to && s.Entities.Records[v].Id != to) continue;
                    next.Add(([.. nodes, v], [.. rels, r]));
                }
            }
        }
        return frontier;
    }

    /// <summary>Every relation and every entity of the chain is valid on the day.</summary>
    private static bool Holds(GraphSnapshot s, (int[] Nodes, int[] Rels) chain, int day) =>
        chain.Rels.All(r => s.Relations.ValidFrom[r] <= day && day < s.Relations.ValidTo[r])
        && chain.Nodes.All(n => s.Entities.IsValidOn(n, day));

    /// <summary>Every relation of the chain had begun by the day (so a chain that fails the day has ended, not yet to come).</summary>
    private static bool Began(GraphSnapshot s, (int[] Nodes, int[] Rels) chain, int day) =>
        chain.Rels.All(r => s.Relations.ValidFrom[r] <= day) && chain.Nodes.All(n => s.Entities.ValidFrom[n] <= day);

    /// <summary>Chains through the same entities become one path whose steps list all their relations.</summary>
    private IReadOnlyList<GraphPath> Evidence(GraphSnapshot s, List<(int[] Nodes, int[] Rels)> chains) =>
        chains.GroupBy(c => string.Join(',', c.Nodes))
            .Take(limits.GapEvidence)
            .Select(g =>
            {
                var nodes = g.First().Nodes;
                var steps = new List<PathStep>();
                for (var i = 0; i + 1 < nodes.Length; i++)
                {
                    var rels = s.InWrittenOrder(g.Select(c => c.Rels[i]).Distinct());
                    steps.Add(new PathStep(s.Entities.Records[nodes[i]].Id, s.Entities.Records[nodes[i + 1]].Id, store.RelationRecords(s, rels)));
                }
                return new GraphPath(nodes.Select(n => s.Entities.Records[n]).ToList(), steps, steps.Count);
            })
            .ToList();
}
