using System.Text.Json;
using Wb6Graph.Engine;
using Wb6Graph.Gaps;
using Wb6Graph.Model;
using S = Wb6Graph.Neo4j.Neo4jQuestionStatements;

namespace Wb6Graph.Neo4j;

public sealed partial class Neo4jGraphQuestions
{
    public const string NeedsGds = "NEEDS_GDS";

    /// <summary>
    /// DEGREE is plain Cypher. BETWEENNESS runs GDS on a projection of the simple undirected graph made for this
    /// question and dropped after it; without GDS the question is refused with <see cref="NeedsGds"/>.
    /// </summary>
    public async Task<Bounded<IReadOnlyList<RankedEntity>>> CentralityAsync(CentralityMeasure measure, IReadOnlySet<EntityKind>? kinds, DateOnly? asOf, int? limit, CancellationToken ct = default)
    {
        if (limit is < 1) throw new GraphValidationException([new("limit", Int(limit.Value), "limit must be at least 1")]);
        // Past the cap one more is asked for: the answer is capped only if the cap left someone out.
        var (max, limitCapped) = limits.Ranked(limit, 20);
        var capped = false;
        var p = new Dictionary<string, object?> { ["kinds"] = Kinds(kinds), ["asOf"] = Neo4jMapping.Format(asOf), ["limit"] = limitCapped ? max + 1 : max };
        var graph = $"wb6graph-betweenness-{Guid.NewGuid():N}";
        Bounded<IReadOnlyList<RankedEntity>> Answer(Neo4jResult rows)
        {
            var ranked = Ranked(rows);
            return new(ranked.Take(max).ToList(), capped || ranked.Count > max);
        }
        if (measure == CentralityMeasure.Degree) return Answer(await client.RunAsync(S.DegreeCentrality, p, Neo4jAccess.Read, ct));

        var gds = await client.RunAsync(S.GdsAvailable, null, Neo4jAccess.Read, ct);
        if (gds.Rows.Count == 0 || !gds.Rows[0][0].TryGetInt64(out var found) || found == 0)
            throw new QuestionUnavailableException(NeedsGds,
                "BETWEENNESS centrality on the Neo4j backend needs the Graph Data Science plugin (procedure gds.betweenness.stream not found); install GDS or ask for measure: DEGREE");
        // The projection lives in the server's memory until dropped, so it is made, used and dropped on the writer.
        try
        {
            // Inside the try: a timeout after the server made the projection must still drop it (dropping a missing one is fine).
            var projected = await client.RunAsync(S.GdsProject, new Dictionary<string, object?> { ["graph"] = graph, ["asOf"] = p["asOf"] }, Neo4jAccess.Write, ct);
            var nodes = projected.Rows.Count > 0 && projected.Rows[0][1].TryGetInt64(out var n) ? n : 0;
            var config = new Dictionary<string, object?>();
            if (nodes > limits.CentralitySources)
            {
                config["samplingSize"] = limits.CentralitySources;
                config["samplingSeed"] = 17;
                capped = true;
            }
            p.Remove("asOf");
            p["graph"] = graph;
            p["config"] = config;
            return Answer(await client.RunAsync(S.GdsBetweenness, p, Neo4jAccess.Write, ct));
        }
        finally
        {
            await client.RunAsync(S.GdsDrop, new Dictionary<string, object?> { ["graph"] = graph }, Neo4jAccess.Write, CancellationToken.None);
        }
    }

    /// <summary>
    /// The textbook scores in plain Cypher on the simple undirected graph. For one entity, its neighbours are read first
    /// and scored through until Engine:SuggestionWork arcs are spent, as the engine does. Across the graph, neighbours
    /// with more than √SuggestionWork neighbours are skipped (a hub would pair all of them), and the answer says so.
    /// </summary>
    public async Task<Bounded<IReadOnlyList<LinkSuggestion>>> SuggestedLinksAsync(
        string? id, IReadOnlySet<EntityKind>? fromKinds, IReadOnlyList<string>? countries, IReadOnlySet<EntityKind>? toKinds, LinkScore method, int? limit, DateOnly? asOf,
        CancellationToken ct = default)
    {
        var errors = new List<ValidationError>();
        countries ??= [];
        var named = id is null ? countries : [id, .. countries];
        var x = named.Count > 0 ? await ResolveAsync(named, asOf, ct) : new Dictionary<string, Resolved>();
        if (id is not null) Known(x, id, "id", errors);
        for (var i = 0; i < countries.Count; i++) KnownCountry(x, countries[i], $"countries[{i}]", errors);
        if (limit is < 1) errors.Add(new("limit", Int(limit.Value), "limit must be at least 1"));
        if (errors.Count > 0) throw new GraphValidationException(errors);
        var max = Math.Min(limit ?? 10, limits.MaxResults);
        var capped = limit > limits.MaxResults;
        // Each statement is sent exactly the parameters it uses.
        var p = new Dictionary<string, object?>
        {
            ["fromKinds"] = Kinds(fromKinds),
            ["countries"] = countries.Count > 0 ? countries.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() : null,
            ["toKinds"] = Kinds(toKinds),
            ["pairs"] = Vocabulary.JoinablePairs.Select(p => $"{Neo4jMapping.Label(p.A)}|{Neo4jMapping.Label(p.B)}").ToList(),
            ["asOf"] = Neo4jMapping.Format(asOf),
            ["limit"] = max,
        };
        Neo4jResult result;
        if (id is not null)
        {
            if (!x[id].Live) return new([], capped);
            var neighbours = await client.RunAsync(S.SuggestNeighbours, new Dictionary<string, object?> { ["id"] = id, ["asOf"] = p["asOf"] }, Neo4jAccess.Read, ct);
            var via = new List<Dictionary<string, object?>>();
            var left = (long)limits.SuggestionWork;
            foreach (var row in neighbours.Rows)
            {
                var degree = row[1].GetInt64();
                if ((left -= degree) <= 0)
                {
                    capped = true;
                    break;
                }
                via.Add(new() { ["id"] = Str(row[0]), ["degree"] = degree });
            }
            // From one entity, fromKinds and countries do not apply: it is the one that proposes.
            p.Remove("fromKinds");
            p.Remove("countries");
            p["id"] = id;
            p["neighbours"] = neighbours.Rows.Select(r => Str(r[0])).ToList();
            if (method == LinkScore.PreferentialAttachment) p["degree"] = neighbours.Rows.Count;
            else p["via"] = via;
            result = await client.RunAsync(S.SuggestFrom(method), p, Neo4jAccess.Read, ct);
        }
        else
        {
            var hubDegree = Math.Max(2, (int)Math.Sqrt(limits.SuggestionWork));
            if (method == LinkScore.PreferentialAttachment) p["side"] = max * 4;
            else p["hubDegree"] = hubDegree;
            result = await client.RunAsync(S.SuggestAll(method), p, Neo4jAccess.Read, ct);
            // AA, CN, RA skipped the hubs; PA paired only the `side` best-linked entities on each side, which misses a
            // better pair whenever more entities have links (hubs tend to be linked to each other already).
            var (over, bound) = method == LinkScore.PreferentialAttachment ? (0, max * 4) : (hubDegree, 0);
            var hubs = await client.RunAsync(S.SuggestHubs, new Dictionary<string, object?> { ["asOf"] = p["asOf"], ["hubDegree"] = over }, Neo4jAccess.Read, ct);
            capped |= hubs.Rows.Count > 0 && hubs.Rows[0][0].GetInt64() > bound;
        }
        var suggestions = result.Rows
            .Select(r => new LinkSuggestion(Str(r[0]), Str(r[1]), r[2].GetDouble(), method, Strings(r[3]).Order(StringComparer.Ordinal).ToList())
            {
                Types = Vocabulary.JoinableBy(Enum.Parse<EntityKind>(Str(r[4])), Enum.Parse<EntityKind>(Str(r[5]))),
            })
            .ToList();
        return new(suggestions, capped);
    }

    /// <summary>
    /// The shared <see cref="GapEvaluator"/> over Neo4j: each step of an item's pattern is one statement for all the
    /// countries (or entities reached) at once (<see cref="S.GapStep"/>); the evaluator applies the dates and absences.
    /// </summary>
    public async Task<IReadOnlyList<GapReport>> GapsAsync(GapTemplate template, string? country, DateOnly asOf, CancellationToken ct = default)
    {
        var countries = country is null ? template.Countries : [country];
        var resolved = await ResolveAsync(countries, asOf, ct);
        var errors = new List<ValidationError>();
        foreach (var c in countries) KnownCountry(resolved, c, "country", errors);
        if (errors.Count == 0 && country is not null) template.CheckCovers(country, "country", errors);
        if (errors.Count > 0) throw new GraphValidationException(errors);
        return await new GapEvaluator(new Neo4jGapGraph(client), 1_000, limits.GapEvidence).EvaluateAsync(template, countries, asOf, ct);
    }

    /// <summary>The gap evaluation's view of Neo4j.</summary>
    private sealed class Neo4jGapGraph(Neo4jQueryClient client) : IGapGraph
    {
        public async Task<IReadOnlyList<(string From, Relation Relation, Entity To)>> ExpandAsync(IReadOnlyCollection<string> from, PatternStep step, CancellationToken ct)
        {
            var result = await client.RunAsync(S.GapStep(step.Direction), new Dictionary<string, object?>
            {
                ["ids"] = from.ToList(),
                ["types"] = step.Types.Select(Neo4jMapping.TypeName).ToList(),
            }, Neo4jAccess.Read, ct);
            return result.Rows.Select(r => (r[0].GetString()!, Neo4jMapping.ToRelation(r[1], r[2].GetString()!, r[3].GetString()!), Neo4jMapping.ToEntity(r[4]))).ToList();
        }

        public async Task<IReadOnlyDictionary<string, Entity>> EntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
        {
            var result = await client.RunAsync(Neo4jStoreStatements.EntitiesByIds, new Dictionary<string, object?> { ["ids"] = ids.ToList() }, Neo4jAccess.Read, ct);
            return result.Rows.Select(r => Neo4jMapping.ToEntity(r[0])).ToDictionary(e => e.Id, StringComparer.Ordinal);
        }

        public async Task<IReadOnlyList<Absence>> AbsencesAsync(IReadOnlyCollection<string> entityIds, CancellationToken ct)
        {
            var result = await client.RunAsync(Neo4jStoreStatements.AbsencesOf, new Dictionary<string, object?> { ["ids"] = entityIds.ToList() }, Neo4jAccess.Read, ct);
            return result.Rows.Select(r => Neo4jMapping.ToAbsence(r[0])).ToList();
        }
    }

    private static List<RankedEntity> Ranked(Neo4jResult result) =>
        result.Rows.Select((r, i) => new RankedEntity(Neo4jMapping.ToEntity(r[0]), r[1].GetDouble(), i + 1)).ToList();
}
