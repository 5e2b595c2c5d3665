using Wb6Graph.Embedded;
using Wb6Graph.Model;

namespace Wb6Graph.Engine;

public sealed partial class GraphEngine
{
    /// <summary>
    /// Absent links that the network suggests, best first. Scores are the textbook ones on the simple undirected graph
    /// (CN |N(x)∩N(y)|, Adamic-Adar Σ 1/ln|N(z)|, resource allocation Σ 1/|N(z)|, preferential attachment |N(x)|·|N(y)|).
    /// Hubs are expanded only when they could change the answer (see <see cref="LinkScoring"/>), and the work is bounded
    /// by Limits.SuggestionWork arcs; an answer cut there says so. Across the graph, only entities of fromKinds and of
    /// countries (a country itself, or an entity whose country it is) propose; with an id, both are ignored.
    /// A pair is proposed only when an institutional type of the vocabulary could join its two kinds
    /// (<see cref="Vocabulary.JoinableBy"/>), and the suggestion names those types: no country is told to join FIRST,
    /// no event to become part of a project.
    /// </summary>
    public Bounded<IReadOnlyList<LinkSuggestion>> SuggestedLinks(
        string? id, IReadOnlySet<EntityKind>? fromKinds, IReadOnlyList<string>? countries, IReadOnlySet<EntityKind>? toKinds, LinkScore method, int? limit, DateOnly? asOf,
        CancellationToken ct = default)
    {
        var s = store.Snapshot;
        var errors = new List<ValidationError>();
        var x = id is null ? -1 : Resolve(s, id, "id", errors);
        countries ??= [];
        for (var i = 0; i < countries.Count; i++) ResolveCountry(s, countries[i], $"countries[{i}]", errors);
        if (limit is < 1) errors.Add(new("limit", limit.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "limit must be at least 1"));
        if (errors.Count > 0) throw new GraphValidationException(errors);
        var max = Math.Min(limit ?? 10, limits.MaxResults);
        var f = new ArcFilter(s, new TraversalOptions(AsOf: asOf));
        var budget = new Budget(limits.SuggestionWork);
        var results = new List<(int From, int To, double Score)>();
        if (x >= 0)
        {
            // An empty set of kinds means "any" to the scorer: an entity nothing institutional could join gets no suggestion.
            var to = Joinable(s.Entities.Kinds[x], toKinds);
            if (f.Exists(x) && to.Count > 0) LinkScoring.From(s, f, x, to, method, max, budget, results, ct);
        }
        else
        {
            // Across the graph: every entity of fromKinds and countries proposes its best partners; pairs are kept once.
            var of = countries.Count > 0 ? countries.ToHashSet(StringComparer.Ordinal) : null;
            var seen = new HashSet<(int, int)>();
            var some = new List<(int From, int To, double Score)>();
            for (var u = 0; u < s.EntityCount && !budget.Exhausted; u++)
            {
                if (!f.Exists(u) || (fromKinds is { Count: > 0 } && !fromKinds.Contains(s.Entities.Kinds[u]))) continue;
                if (of is not null && !Of(s.Entities.Records[u], of)) continue;
                var to = Joinable(s.Entities.Kinds[u], toKinds);
                if (to.Count == 0) continue;
                some.Clear();
                LinkScoring.From(s, f, u, to, method, max, budget, some, ct);
                foreach (var r in some)
                    if (seen.Add((Math.Min(r.From, r.To), Math.Max(r.From, r.To)))) results.Add(r);
            }
        }
        var top = results
            .OrderByDescending(r => r.Score)
            .ThenBy(r => s.Entities.Records[r.From].Id, StringComparer.Ordinal)
            .ThenBy(r => s.Entities.Records[r.To].Id, StringComparer.Ordinal)
            .Take(max)
            .ToList();
        var answer = new List<LinkSuggestion>(top.Count);
        var shared = new SharedNeighbours(s, f);
        foreach (var (a, b, score) in top)
            answer.Add(new LinkSuggestion(s.Entities.Records[a].Id, s.Entities.Records[b].Id, score, method, shared.Of(a, b))
            {
                Types = Vocabulary.JoinableBy(s.Entities.Kinds[a], s.Entities.Kinds[b]),
            });
        return new(answer, budget.Exhausted || limit > limits.MaxResults);
    }

    /// <summary>The kinds an entity of this kind may be suggested a link to, within the ones asked for.</summary>
    private static IReadOnlySet<EntityKind> Joinable(EntityKind from, IReadOnlySet<EntityKind>? toKinds)
    {
        var joinable = Vocabulary.JoinableKinds(from);
        return toKinds is { Count: > 0 } ? joinable.Where(toKinds.Contains).ToHashSet() : joinable;
    }

    // The countries were checked to be Country ids, so an entity with one of their ids is that country.
    private static bool Of(Entity e, HashSet<string> countries) =>
        countries.Contains(e.Id) || (e.Country is { } c && countries.Contains(c));
}
