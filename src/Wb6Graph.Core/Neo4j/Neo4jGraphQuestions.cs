using System.Globalization;
using System.Text.Json;
using Wb6Graph.Engine;
using Wb6Graph.Gaps;
using Wb6Graph.Model;
using S = Wb6Graph.Neo4j.Neo4jQuestionStatements;

namespace Wb6Graph.Neo4j;

/// <summary>
/// The questions as Cypher executed in Neo4j: only ids, scores and the evidence of the answer travel to the API, never
/// the graph. Validation, bounds and ranking follow <see cref="GraphEngine"/> so that both backends answer alike.
/// </summary>
public sealed partial class Neo4jGraphQuestions(Neo4jQueryClient client, EngineLimits limits) : IGraphQuestions
{
    public async Task<Bounded<GraphPath?>> ShortestPathAsync(string from, string to, TraversalOptions options, PathWeighting weighting = PathWeighting.Hops, CancellationToken ct = default)
    {
        var paths = await PathsAsync(from, to, 1, options, weighting, ct);
        return new(paths.Value.FirstOrDefault(), paths.Capped);
    }

    /// <summary>
    /// Yen's k shortest simple paths over entities, as the engine finds them: parallel relations are one step (each
    /// path is a distinct sequence of entities, its steps list every admitted relation), and the work is bounded: one
    /// statement per path found, each a batch of bounded shortest-path searches (<see cref="S.Spurs"/>), at most k of
    /// them (k at most Engine:MaxK). EVIDENCE has no weighted shortest path in Cypher without GDS: the 3 × k shortest
    /// paths by hops are ranked by evidence cost here, exact unless a cheaper path is longer than all of those.
    /// </summary>
    public async Task<Bounded<IReadOnlyList<GraphPath>>> PathsAsync(string from, string to, int k, TraversalOptions options, PathWeighting weighting = PathWeighting.Hops, CancellationToken ct = default)
    {
        var errors = new List<ValidationError>();
        var ends = await ResolveAsync([from, to], options.AsOf, ct);
        Known(ends, from, "from", errors);
        Known(ends, to, "to", errors);
        if (k < 1) errors.Add(new("k", Int(k), "k must be at least 1"));
        var (maxHops, hopsCapped) = Hops(options.MaxHops, errors);
        if (errors.Count > 0) throw new GraphValidationException(errors);
        if (from == to) throw new GraphValidationException([new("to", to, "from and to are the same entity")]);
        var capped = hopsCapped || k > limits.MaxK;
        k = Math.Min(k, limits.MaxK);
        if (!ends[from].Live || !ends[to].Live) return new([], capped);

        var sequences = await ShortestSequencesAsync(from, to, weighting == PathWeighting.Evidence ? k * 3 : k, maxHops, options, ct);
        var paths = await ToPathsAsync(sequences, options, ct);
        var ranked = paths
            .Select(path => path with { Cost = weighting == PathWeighting.Evidence ? path.Steps.Sum(s => s.Relations.Min(r => Weight(r.Confidence))) : path.Length })
            .OrderBy(path => path.Cost).ThenBy(path => path.Length).ThenBy(path => Key(path.Entities.Select(e => e.Id).ToList()), StringComparer.Ordinal)
            .Take(k)
            .ToList();
        return new(ranked, capped);
    }

    /// <summary>
    /// Yen's algorithm by hops, as KShortestPaths runs it on the snapshot: each round asks for the spur paths from
    /// every entity of the last path found, avoiding its root and the steps that paths with the same root took; the
    /// shortest candidate (then the shorter id sequence) is the next path.
    /// </summary>
    private async Task<List<List<string>>> ShortestSequencesAsync(string from, string to, int k, int maxHops, TraversalOptions options, CancellationToken ct)
    {
        var statement = S.Spurs(options.ForwardOnly, maxHops);
        var found = new List<List<string>>();
        var first = await SpursAsync([new(from, [], [])]);
        if (first.GetValueOrDefault(from) is not { } shortest) return found;
        found.Add(shortest);
        var known = new HashSet<string>(StringComparer.Ordinal) { Key(shortest) };
        var candidates = new PriorityQueue<List<string>, (int, string)>(Comparer<(int Length, string Key)>.Create((a, b) =>
            a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a.Key, b.Key)));
        while (found.Count < k)
        {
            var last = found[^1];
            var spurs = new List<Spur>();
            for (var i = 0; i < last.Count - 1; i++)
            {
                var root = last.Take(i + 1).ToList();
                var cut = found.Where(p => p.Count > i + 1 && p.Take(i + 1).SequenceEqual(root)).Select(p => new[] { p[i], p[i + 1] }).ToList();
                spurs.Add(new(last[i], last.Take(i).ToList(), cut));
            }
            var answers = await SpursAsync(spurs);
            for (var i = 0; i < last.Count - 1; i++)
            {
                if (answers.GetValueOrDefault(last[i]) is not { } spur) continue;
                var nodes = last.Take(i).Concat(spur).ToList();
                if (nodes.Count - 1 > maxHops || !known.Add(Key(nodes))) continue;
                candidates.Enqueue(nodes, (nodes.Count, Key(nodes)));
            }
            if (!candidates.TryDequeue(out var next, out _)) break;
            found.Add(next);
        }
        return found;

        async Task<Dictionary<string, List<string>>> SpursAsync(List<Spur> spurs)
        {
            var p = Filter(options);
            p["to"] = to;
            p["spurs"] = spurs.Select(s => new Dictionary<string, object?> { ["from"] = s.From, ["avoid"] = s.Avoid, ["cut"] = s.Cut }).ToList();
            var result = await client.RunAsync(statement, p, Neo4jAccess.Read, ct);
            return result.Rows.Where(r => r[1].ValueKind == JsonValueKind.Array).ToDictionary(r => Str(r[0]), r => Strings(r[1]), StringComparer.Ordinal);
        }
    }

    /// <summary>A spur search of Yen's algorithm: from an entity of the last path, avoiding the root before it and the steps cut.</summary>
    private sealed record Spur(string From, List<string> Avoid, List<string[]> Cut);

    public async Task<Subgraph> NeighbourhoodAsync(string id, int depth, TraversalOptions options, int? limit = null, CancellationToken ct = default)
    {
        var errors = new List<ValidationError>();
        var centre = await ResolveAsync([id], options.AsOf, ct);
        Known(centre, id, "id", errors);
        if (depth < 1) errors.Add(new("depth", Int(depth), "depth must be at least 1"));
        if (limit is < 1) errors.Add(new("limit", Int(limit.Value), "limit must be at least 1"));
        if (errors.Count > 0) throw new GraphValidationException(errors);
        (depth, var max, var depthCapped, var sizeCapped) = limits.Neighbourhood(depth, limit);

        // An entity that does not exist on the date has no neighbours then, whatever the dates of its relations say.
        if (!centre[id].Live) return new Subgraph([(await EntitiesAsync([id], ct))[id]], [], false);
        bool truncated = false, capped = false;

        var p = Filter(options);
        p["id"] = id;
        p["limit"] = max; // the centre counts toward the limit: one more than fits tells that some were left out
        // Past the depth cap, one hop further is asked for, as the engine looks: nearest first, so the rows within the
        // cap come first, and a row beyond it says the cap left someone out.
        var reached = await client.RunAsync(S.Neighbourhood(options.ForwardOnly, depthCapped ? depth + 1 : depth), p, Neo4jAccess.Read, ct);
        var inside = reached.Rows.Where(r => r[1].GetInt64() <= depth).ToList();
        if (inside.Count > max - 1)
        {
            truncated = true;
            capped = sizeCapped;
        }
        else if (inside.Count < reached.Rows.Count) truncated = capped = true;
        var entities = new List<Entity> { (await EntitiesAsync([id], ct))[id] };
        entities.AddRange(inside.Take(max - 1).Select(r => Neo4jMapping.ToEntity(r[0])));

        var among = Admitted(options);
        among["ids"] = entities.Select(e => e.Id).ToList();
        var rels = await client.RunAsync(S.RelationsAmong, among, Neo4jAccess.Read, ct);
        return new Subgraph(entities, rels.Rows.Select(r => Neo4jMapping.ToRelation(r[0], Str(r[1]), Str(r[2]))).ToList(), truncated, capped);
    }

    public async Task<Bounded<IReadOnlyList<GapCell>>> GapMatrixAsync(IReadOnlyList<string> from, IReadOnlyList<string> to, TraversalOptions options, CancellationToken ct = default)
    {
        var errors = new List<ValidationError>();
        var known = await ResolveAsync(from.Concat(to).Distinct().ToList(), options.AsOf, ct);
        for (var i = 0; i < from.Count; i++) Known(known, from[i], $"from[{i}]", errors);
        for (var i = 0; i < to.Count; i++) Known(known, to[i], $"to[{i}]", errors);
        var (maxHops, capped) = Hops(options.MaxHops, errors);
        if (from.Count * to.Count > limits.MaxResults * 10)
            errors.Add(new("from", Int(from.Count), $"at most {limits.MaxResults * 10} cells (from × to) per matrix"));
        if (errors.Count > 0) throw new GraphValidationException(errors);

        var pairs = from.SelectMany(x => to.Select(y => (x, y)))
            .Where(c => c.x != c.y && known[c.x].Live && known[c.y].Live).Distinct()
            .Select(c => new[] { c.x, c.y }).ToList();
        var found = new Dictionary<(string, string), List<string>>();
        if (pairs.Count > 0)
        {
            var p = Filter(options);
            p["pairs"] = pairs;
            var result = await client.RunAsync(S.Matrix(options.ForwardOnly, maxHops), p, Neo4jAccess.Read, ct);
            foreach (var row in result.Rows)
                if (row[2].ValueKind == JsonValueKind.Array) found[(Str(row[0]), Str(row[1]))] = Strings(row[2]);
        }
        var cells = new List<GapCell>();
        foreach (var x in from)
            foreach (var y in to)
                cells.Add(x == y ? new GapCell(x, y, false, 0, [])
                    : found.TryGetValue((x, y), out var ids) ? new GapCell(x, y, ids.Count == 2, ids.Count - 1, ids.Skip(1).Take(ids.Count - 2).ToList())
                    : new GapCell(x, y, false, null, []));
        return new(cells, capped);
    }

    /// <summary>Entity sequences to paths whose steps list every admitted relation between consecutive entities.</summary>
    private async Task<List<GraphPath>> ToPathsAsync(List<List<string>> sequences, TraversalOptions options, CancellationToken ct)
    {
        if (sequences.Count == 0) return [];
        var ids = sequences.SelectMany(s => s).Distinct().ToList();
        var entities = await EntitiesAsync(ids, ct);
        var pairs = sequences.SelectMany(s => s.Zip(s.Skip(1))).Distinct()
            .Select(pair => new[] { pair.First, pair.Second }).ToList();
        var p = Admitted(options);
        p["pairs"] = pairs;
        var result = await client.RunAsync(S.Steps(options.ForwardOnly), p, Neo4jAccess.Read, ct);
        var steps = result.Rows
            .GroupBy(r => (Str(r[0]), Str(r[1])))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Relation>)g.Select(r => Neo4jMapping.ToRelation(r[2], Str(r[3]), Str(r[4]))).DistinctBy(r => r.Id).ToList());
        return sequences
            .Where(s => s.Zip(s.Skip(1)).All(pair => steps.ContainsKey(pair)))
            .Select(s => new GraphPath(
                s.Select(id => entities[id]).ToList(),
                s.Zip(s.Skip(1)).Select(pair => new PathStep(pair.First, pair.Second, steps[pair])).ToList(),
                s.Count - 1))
            .ToList();
    }

    private sealed record Resolved(bool Found, string? Kind, bool Live);

    private async Task<Dictionary<string, Resolved>> ResolveAsync(IReadOnlyList<string> ids, DateOnly? asOf, CancellationToken ct)
    {
        var result = await client.RunAsync(S.Resolve, new Dictionary<string, object?> { ["ids"] = ids.Distinct().ToList(), ["asOf"] = Neo4jMapping.Format(asOf) }, Neo4jAccess.Read, ct);
        var resolved = new Dictionary<string, Resolved>(StringComparer.Ordinal);
        foreach (var row in result.Rows)
            resolved[Str(row[0])] = new(row[1].ValueKind == JsonValueKind.True, row[2].ValueKind == JsonValueKind.String ? row[2].GetString() : null, row[3].ValueKind == JsonValueKind.True);
        return resolved;
    }

    private async Task<Dictionary<string, Entity>> EntitiesAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        var result = await client.RunAsync(S.Entities, new Dictionary<string, object?> { ["ids"] = ids }, Neo4jAccess.Read, ct);
        return result.Rows.Select(r => Neo4jMapping.ToEntity(r[0])).ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    private static void Known(Dictionary<string, Resolved> resolved, string id, string field, List<ValidationError> errors)
    {
        if (!resolved.TryGetValue(id, out var r) || !r.Found) errors.Add(new(field, id, "unknown entity id"));
    }

    private static void KnownCountry(Dictionary<string, Resolved> resolved, string id, string field, List<ValidationError> errors)
    {
        Known(resolved, id, field, errors);
        if (resolved.TryGetValue(id, out var r) && r.Found && r.Kind != nameof(EntityKind.Country))
            errors.Add(new(field, id, $"'{id}' is a {r.Kind}, not a Country"));
    }

    private (int MaxHops, bool Capped) Hops(int? requested, List<ValidationError> errors)
    {
        if (requested is < 1)
        {
            errors.Add(new("maxHops", Int(requested.Value), "maxHops must be at least 1"));
            return (1, false);
        }
        var hops = requested ?? limits.DefaultMaxHops;
        return hops > limits.MaxHops ? (limits.MaxHops, true) : (hops, false);
    }

    /// <summary>The parameters every traversal statement takes; null means "no filter", never an empty list.</summary>
    private static Dictionary<string, object?> Filter(TraversalOptions o)
    {
        var p = Admitted(o);
        p["kinds"] = Kinds(o.Kinds);
        return p;
    }

    /// <summary>The parameters of a statement that reads relations between entities it is given: which relations count.</summary>
    private static Dictionary<string, object?> Admitted(TraversalOptions o) => new()
    {
        ["types"] = o.Types is { Count: > 0 } t ? t.Select(Neo4jMapping.TypeName).Order(StringComparer.Ordinal).ToList() : null,
        ["asOf"] = Neo4jMapping.Format(o.AsOf),
    };

    private static List<string>? Kinds(IReadOnlySet<EntityKind>? kinds) =>
        kinds is { Count: > 0 } ? kinds.Select(Neo4jMapping.Label).Order(StringComparer.Ordinal).ToList() : null;

    private static double Weight(Confidence c) => c switch
    {
        Confidence.H => 1.0,
        Confidence.M => 2.0,
        _ => 4.0,
    };

    private static string Key(IReadOnlyList<string> ids) => string.Join('\u001f', ids);

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Str(JsonElement e) => e.GetString() ?? "";

    private static List<string> Strings(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
}
