using Wb6Graph.Engine;
using Wb6Graph.Model;

namespace Wb6Graph.Gaps;

/// <summary>What the gap evaluation asks of a store: one step of a pattern from many entities at once, and absences.</summary>
public interface IGapGraph
{
    /// <summary>
    /// Every relation that is not retracted, of one of the step's types, followed in the step's direction from each of
    /// <paramref name="from"/>, whatever its dates, with the entity reached (the step's kind, target and role not yet applied).
    /// </summary>
    Task<IReadOnlyList<(string From, Relation Relation, Entity To)>> ExpandAsync(IReadOnlyCollection<string> from, PatternStep step, CancellationToken ct);

    Task<IReadOnlyDictionary<string, Entity>> EntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken ct);

    Task<IReadOnlyList<Absence>> AbsencesAsync(IReadOnlyCollection<string> entityIds, CancellationToken ct);
}

/// <summary>
/// Evaluates gap templates the same way for every store. For each item and country, on the date asked:
/// PRESENT when a chain of the pattern holds (every relation counts that day: an act once it has occurred, a state while
/// it and its ends hold); PARTIAL when only chains with a partly aligned or draft law hold, or a chain of the item's
/// partial patterns does (adopted, not yet applicable); NOT_ELIGIBLE for items closed to candidates; EXPIRED when a
/// chain held and has ended; MISSING when documented absences valid that day close every way the pattern could be
/// completed; UNKNOWN otherwise. A status that rests on a date known only to the month or year, inside that period,
/// is uncertain.
/// </summary>
public sealed class GapEvaluator(IGapGraph graph, int maxChains, int maxEvidence)
{
    public async Task<IReadOnlyList<GapReport>> EvaluateAsync(GapTemplate template, IReadOnlyList<string> countries, DateOnly asOf, CancellationToken ct)
    {
        var roots = await graph.EntitiesAsync(countries, ct);
        var items = new Dictionary<string, List<GapItemReport>>(StringComparer.Ordinal);
        foreach (var c in countries) items[c] = [];
        foreach (var item in template.Items)
        {
            ct.ThrowIfCancellationRequested();
            var full = await ExpandAsync(countries, item.Pattern, ct);
            var partial = new List<Levels>();
            foreach (var pattern in item.Partial) partial.Add(await ExpandAsync(countries, pattern, ct));
            IReadOnlyList<Absence> absences = [];
            foreach (var c in countries)
            {
                var chains = full.Chains(roots[c], maxChains);
                var holding = chains.Where(ch => ch.HoldsOn(asOf)).ToList();
                var complete = holding.Where(ch => !ch.PartlyAligned).ToList();
                var partlyAligned = holding.Where(ch => ch.PartlyAligned).ToList();
                // A partial chain (adopted, signed) counts only until the full chain through the same entities begins:
                // a strategy that has run out is EXPIRED, not PARTIAL because it was once adopted.
                var begun = chains.Where(ch => ch.HasBegunBy(asOf)).Select(ch => ch.Key).ToHashSet(StringComparer.Ordinal);
                var partialChains = partial.SelectMany(l => l.Chains(roots[c], maxChains))
                    .Where(ch => ch.HoldsOn(asOf) && !begun.Contains(ch.Key)).ToList();
                GapItemReport report;
                if (complete.Count > 0)
                    report = new(item, GapStatus.Present, Evidence(complete)) { Uncertain = complete.All(ch => ch.UncertainOn(asOf)) };
                else if (partlyAligned.Count > 0 || partialChains.Count > 0)
                {
                    var shown = partlyAligned.Count > 0 ? partlyAligned : partialChains;
                    report = new(item, GapStatus.Partial, Evidence(shown))
                    {
                        Uncertain = shown.All(ch => ch.UncertainOn(asOf)),
                        Detail = partlyAligned.Count > 0 ? AlignmentDetail(partlyAligned) : PartialDetail(item, partialChains, full.Chains(roots[c], maxChains)),
                    };
                }
                else if (!item.EligibleBeforeAccession)
                    report = new(item, GapStatus.NotEligible, []);
                else if (chains.Where(ch => ch.Ended(asOf)).ToList() is { Count: > 0 } ended)
                    report = new(item, GapStatus.Expired, Evidence(ended)) { Uncertain = ended.All(ch => ch.UncertainOn(asOf)) };
                else
                {
                    if (absences.Count == 0) absences = await graph.AbsencesAsync(full.AllIds().Concat(countries).ToHashSet(StringComparer.Ordinal), ct);
                    var closing = new List<Absence>();
                    report = full.Closed(roots[c], 0, asOf, absences, closing)
                        ? new(item, GapStatus.Missing, []) { Absences = closing.DistinctBy(a => a.Id).ToList() }
                        : new(item, GapStatus.Unknown, []);
                }
                items[c].Add(report with { Country = c });
            }
        }
        return countries.Select(c => Report(c, template.Id, items[c])).ToList();
    }

    private static GapReport Report(string country, string template, List<GapItemReport> items)
    {
        var counted = items.Where(i => i.Researched && i.Item.CountsInScore).ToList();
        double? score = counted.Count == 0 ? null
            : Math.Round(counted.Sum(i => i.Status switch { GapStatus.Present => 1.0, GapStatus.Partial => 0.5, _ => 0.0 }) / counted.Count, 4);
        return new GapReport(country, template, score, items);
    }

    private static string AlignmentDetail(List<Chain> chains)
    {
        var alignment = chains.SelectMany(ch => ch.Relations).Where(r => r.Alignment is Alignment.Partial or Alignment.Draft)
            .Select(r => r.Alignment!.Value).Min();
        return alignment == Alignment.Draft ? "only a draft law is aligned" : "partial alignment";
    }

    /// <summary>"adopted, applies from 2026-01-01" when a full chain is still to come, else the template's label.</summary>
    private static string PartialDetail(GapTemplateItem item, List<Chain> partial, List<Chain> full)
    {
        var label = item.PartialLabel ?? "partly in place";
        var next = full.Where(ch => ch.Start is not null).OrderBy(ch => ch.Start!.Value).FirstOrDefault();
        if (next is null) return label;
        // A start the sources do not date is only the day a source attests it: say so, or it reads as the day it began.
        var undated = next.Relations.Any(r => r.StartUnknown && r.Start == next.Start);
        return undated ? $"{label} (full: attested from {next.Start}, start not dated)" : $"{label} (full from {next.Start})";
    }

    /// <summary>Chains through the same entities become one path whose steps list all their relations.</summary>
    private IReadOnlyList<GraphPath> Evidence(List<Chain> chains) =>
        chains.GroupBy(c => c.Key)
            .Take(maxEvidence)
            .Select(g =>
            {
                var nodes = g.First().Nodes;
                var steps = new List<PathStep>();
                for (var i = 0; i + 1 < nodes.Count; i++)
                    steps.Add(new PathStep(nodes[i].Id, nodes[i + 1].Id, g.Select(c => c.Relations[i]).DistinctBy(r => r.Id).ToList()));
                return new GraphPath(nodes, steps, steps.Count);
            })
            .ToList();

    /// <summary>The pattern followed level by level from all the countries at once: one store call per step.</summary>
    private async Task<Levels> ExpandAsync(IReadOnlyList<string> countries, IReadOnlyList<PatternStep> pattern, CancellationToken ct)
    {
        var levels = new List<ILookup<string, (Relation Relation, Entity To)>>();
        IReadOnlyCollection<string> frontier = countries;
        foreach (var step in pattern)
        {
            var arcs = frontier.Count == 0 ? [] : await graph.ExpandAsync(frontier, step, ct);
            var kept = arcs.Where(a => step.Accepts(a.Relation, a.To)).ToList();
            levels.Add(kept.ToLookup(a => a.From, a => (a.Relation, a.To), StringComparer.Ordinal));
            frontier = kept.Select(a => a.To.Id).Distinct(StringComparer.Ordinal).ToList();
        }
        return new Levels(pattern, levels);
    }

    /// <summary>A pattern's expansion: for each step, the relations leaving each entity reached by the step before.</summary>
    private sealed class Levels(IReadOnlyList<PatternStep> pattern, List<ILookup<string, (Relation Relation, Entity To)>> levels)
    {
        public IReadOnlyCollection<string> AllIds() =>
            levels.SelectMany(l => l.SelectMany(g => g.Select(x => x.To.Id).Append(g.Key))).ToHashSet(StringComparer.Ordinal);

        /// <summary>Every chain of distinct entities from the root through all steps, whatever its dates, at most <paramref name="max"/>.</summary>
        public List<Chain> Chains(Entity root, int max)
        {
            var result = new List<Chain>();
            Walk([root], []);
            return result;

            void Walk(List<Entity> nodes, List<Relation> rels)
            {
                if (result.Count >= max) return;
                if (rels.Count == levels.Count)
                {
                    result.Add(new Chain([.. nodes], [.. rels]));
                    return;
                }
                foreach (var (r, to) in levels[rels.Count][nodes[^1].Id])
                {
                    if (nodes.Any(n => n.Id == to.Id)) continue;
                    nodes.Add(to);
                    rels.Add(r);
                    Walk(nodes, rels);
                    nodes.RemoveAt(nodes.Count - 1);
                    rels.RemoveAt(rels.Count - 1);
                }
            }
        }

        /// <summary>
        /// Whether documented absences close every way to complete the pattern from <paramref name="node"/> at step
        /// <paramref name="i"/> on the day: an absence denies the step itself, or every relation that holds at this step
        /// leads to an entity where the rest is closed. A step with nothing found and nothing documented stays open.
        /// </summary>
        public bool Closed(Entity node, int i, DateOnly day, IReadOnlyList<Absence> absences, List<Absence> closing)
        {
            if (i == pattern.Count) return false;
            var step = pattern[i];
            var children = levels[i][node.Id].Where(x => new Chain([node, x.To], [x.Relation]).HoldsOn(day)).ToList();
            if (children.Count == 0)
            {
                var denied = step.Types.Select(t => absences.FirstOrDefault(a => a.IsValidOn(day) && Covers(a, t, step, node.Id))).ToList();
                if (denied.Any(a => a is null)) return false;
                closing.AddRange(denied!);
                return true;
            }
            var mark = closing.Count;
            foreach (var (_, to) in children)
            {
                if (!Closed(to, i + 1, day, absences, closing))
                {
                    closing.RemoveRange(mark, closing.Count - mark);
                    return false;
                }
            }
            return true;
        }

        /// <summary>Whether the absence denies every relation of this type that the step would accept from the entity.</summary>
        private static bool Covers(Absence a, RelationType type, PatternStep step, string entity)
        {
            if (a.Type != type) return false;
            var (self, other) = step.Direction == Direction.In ? (a.To, a.From) : (a.From, a.To);
            if (step.Direction == Direction.Both || self != entity) return false;
            if (other is not null && other != step.To) return false;
            if (a.Role is not null && !string.Equals(a.Role, step.Role, StringComparison.OrdinalIgnoreCase)) return false;
            return a.Kind is null || (step.Kinds.Count > 0 && step.Kinds.All(k => k == a.Kind));
        }
    }

    /// <summary>One chain: the entities from the country on, and one relation per step.</summary>
    private sealed record Chain(IReadOnlyList<Entity> Nodes, IReadOnlyList<Relation> Relations)
    {
        public bool PartlyAligned => Relations.Any(r => r.Alignment is Alignment.Partial or Alignment.Draft);

        /// <summary>The day the whole chain may begin to hold: the latest start of its relations.</summary>
        public PartialDate? Start => Relations.Select(r => r.Start).Max();

        /// <summary>Every relation counts on the day and every entity of the chain had begun by then.</summary>
        public bool HoldsOn(DateOnly day)
        {
            for (var i = 0; i < Relations.Count; i++)
            {
                var r = Relations[i];
                if (!r.IsValidOn(day)) return false;
                if (!r.IsAct && (!Nodes[i].IsValidOn(day) || !Nodes[i + 1].IsValidOn(day))) return false;
            }
            return Nodes.All(n => n.HasBegunBy(day));
        }

        /// <summary>The entities it passes through, as one string.</summary>
        public string Key => string.Join(',', Nodes.Select(n => n.Id));

        /// <summary>Every relation had begun by the day, and every entity.</summary>
        public bool HasBegunBy(DateOnly day) => Relations.All(r => r.Start is null || r.Start.Value.First <= day) && Nodes.All(n => n.HasBegunBy(day));

        /// <summary>It held before the day and no longer does.</summary>
        public bool Ended(DateOnly day) => !HoldsOn(day) && HasBegunBy(day);

        public bool UncertainOn(DateOnly day) =>
            Relations.Any(r => r.IsUncertainOn(day)) || Nodes.Any(n => Validity.Uncertain(n.ValidFrom, n.ValidTo, day));
    }
}
