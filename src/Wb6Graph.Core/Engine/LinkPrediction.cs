using Wb6Graph.Embedded;
using Wb6Graph.Model;

namespace Wb6Graph.Engine;

public sealed partial class GraphEngine
{
    /// <summary>
    /// Absent links that the network suggests, best first. Scores are the textbook ones on the simple undirected graph
    /// (CN |N(x)∩N(y)|, Adamic-Adar Σ 1/ln|N(z)|, resource allocation Σ 1/|N(z)|, preferential attachment |N(x)|·|N(y)|).
    /// Work is bounded by Limits.SuggestionWork arcs; an answer cut there says so.
    /// </summary>
    public Bounded<IReadOnlyList<LinkSuggestion>> SuggestedLinks(
        string? id, IReadOnlySet<EntityKind>? fromKinds, IReadOnlySet<EntityKind>? toKinds, LinkScore method, int? limit, DateOnly? asOf, CancellationToken ct = default)
    {
        var s = store.Snapshot;
        var errors = new List<ValidationError>();
        var x = id is null ? -1 : Resolve(s, id, "id", errors);
        if (limit is < 1) errors.Add(new("limit", limit.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "limit must be at least 1"));
        if (errors.Count > 0) throw new GraphValidationException(errors);
        var max = Math.Min(limit ?? 10, limits.MaxResults);
        var f = new ArcFilter(s, new TraversalOptions(AsOf: asOf));
        var budget = new Budget(limits.SuggestionWork);
        var results = new List<(int From, int To, double Score)>();
        if (x >= 0)
        {
            if (f.Exists(x)) results.AddRange(ScoreFrom(s, f, x, toKinds, method, max, budget, ct));
        }
        else
        {
            // Across the graph: every entity of fromKinds proposes its best partners; pairs are kept once.
            var seen = new HashSet<(int, int)>();
            for (var u = 0; u < s.EntityCount && !budget.Exhausted; u++)
            {
                if (!f.Exists(u) || (fromKinds is { Count: > 0 } && !fromKinds.Contains(s.Entities.Kinds[u]))) continue;
                foreach (var r in ScoreFrom(s, f, u, toKinds, method, max, budget, ct))
                    if (seen.Add((Math.Min(r.From, r.To), Math.Max(r.From, r.To)))) results.Add(r);
            }
        }
        var top = results
            .OrderByDescending(r => r.Score)
            .ThenBy(r => s.Entities.Records[r.From].Id, StringComparer.Ordinal)
            .ThenBy(r => s.Entities.Records[r.To].Id, StringComparer.Ordinal)
            .Take(max)
            .Select(r => new LinkSuggestion(s.Entities.Records[r.From].Id, s.Entities.Records[r.To].Id, r.Score, method, Shared(s, f, r.From, r.To)))
            .ToList();
        return new(top, budget.Exhausted || limit > limits.MaxResults);
    }

    private sealed class Budget(long arcs)
    {
        private long _left = arcs;

        public bool Exhausted => _left <= 0;

        public bool Spend(int n) => (_left -= n) > 0;
    }

    /// <summary>The best-scored absent partners of x. Uses the per-thread scratch arrays: no allocation per call once warm, but the result list.</summary>
    private static List<(int From, int To, double Score)> ScoreFrom(
        GraphSnapshot s, ArcFilter f, int x, IReadOnlySet<EntityKind>? toKinds, LinkScore method, int max, Budget budget, CancellationToken ct)
    {
        var sc = Scratch.For(s.EntityCount);
        var mark = sc.Next();
        var isNeighbour = sc.StampA;
        var touched = sc.StampB;
        var score = sc.Dist;
        var lastVia = sc.Hops;
        var list = sc.Queue;
        var neighbours = sc.Queue2;
        var nx = 0;
        isNeighbour[x] = mark;
        foreach (var (v, _) in Arcs(s, x, f))
            if (isNeighbour[v] != mark && f.Exists(v))
            {
                isNeighbour[v] = mark;
                neighbours[nx++] = v;
            }
        var count = 0;
        if (method == LinkScore.PreferentialAttachment)
        {
            for (var y = 0; y < s.EntityCount; y++)
            {
                if (isNeighbour[y] == mark || !f.Exists(y) || !KindOk(s, y, toKinds)) continue;
                score[y] = (double)nx * Degree(s, f, y, sc);
                list[count++] = y;
                if (!budget.Spend(s.Adjacency.Degree(y) + 1)) break;
            }
        }
        else
        {
            for (var i = 0; i < nx; i++)
            {
                ct.ThrowIfCancellationRequested();
                var z = neighbours[i];
                var dz = Degree(s, f, z, sc);
                var weight = method switch
                {
                    LinkScore.AdamicAdar => 1.0 / Math.Log(dz),
                    LinkScore.ResourceAllocation => 1.0 / dz,
                    _ => 1.0,
                };
                if (!budget.Spend(dz)) break;
                foreach (var (y, _) in Arcs(s, z, f))
                {
                    if (isNeighbour[y] == mark || !f.Exists(y) || !KindOk(s, y, toKinds)) continue;
                    if (touched[y] != mark)
                    {
                        touched[y] = mark;
                        score[y] = 0;
                        lastVia[y] = -1;
                        list[count++] = y;
                    }
                    if (lastVia[y] == z) continue; // several relations z–y make one neighbour
                    lastVia[y] = z;
                    score[y] += weight;
                }
            }
        }
        return TopOf(s, list, count, score, max).Select(y => (x, y, score[y])).ToList();
    }

    private static IEnumerable<int> TopOf(GraphSnapshot s, int[] list, int count, double[] score, int max) =>
        list.AsSpan(0, count).ToArray()
            .OrderByDescending(y => score[y]).ThenBy(y => s.Entities.Records[y].Id, StringComparer.Ordinal)
            .Take(max);

    private static bool KindOk(GraphSnapshot s, int y, IReadOnlySet<EntityKind>? kinds) =>
        kinds is not { Count: > 0 } || kinds.Contains(s.Entities.Kinds[y]);

    /// <summary>|N(z)| on the simple graph: distinct admitted neighbours (no self).</summary>
    private static int Degree(GraphSnapshot s, ArcFilter f, int z, Scratch sc)
    {
        var seen = sc.DegreeStamp;
        var mark = sc.NextDegree();
        var d = 0;
        foreach (var (v, _) in Arcs(s, z, f))
        {
            if (v == z || seen[v] == mark || !f.Exists(v)) continue;
            seen[v] = mark;
            d++;
        }
        return d;
    }

    private static IReadOnlyList<string> Shared(GraphSnapshot s, ArcFilter f, int x, int y)
    {
        var nx = Arcs(s, x, f).Select(a => a.Neighbour).Where(v => v != x && f.Exists(v)).ToHashSet();
        return Arcs(s, y, f).Select(a => a.Neighbour).Where(nx.Contains).Distinct()
            .Select(v => s.Entities.Records[v].Id).Order(StringComparer.Ordinal).ToList();
    }
}
