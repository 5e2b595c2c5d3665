using Wb6Graph.Embedded;
using Wb6Graph.Model;

namespace Wb6Graph.Engine;

/// <summary>
/// Path and neighbourhood questions over the embedded store's current snapshot. Every answer carries its evidence:
/// the relations of each step, with their sources and dates. Bounds come from <see cref="EngineLimits"/>; an answer
/// cut by a bound says so.
/// </summary>
public sealed partial class GraphEngine(EmbeddedGraphStore store, EngineLimits limits)
{
    public EngineLimits Limits => limits;

    public Bounded<GraphPath?> ShortestPath(string from, string to, TraversalOptions options, PathWeighting weighting = PathWeighting.Hops, CancellationToken ct = default)
    {
        var paths = Paths(from, to, 1, options, weighting, ct);
        return new(paths.Value.FirstOrDefault(), paths.Capped);
    }

    /// <summary>The k shortest simple paths, ranked by hops (or evidence cost), ties broken by the entities' order.</summary>
    public Bounded<IReadOnlyList<GraphPath>> Paths(string from, string to, int k, TraversalOptions options, PathWeighting weighting = PathWeighting.Hops, CancellationToken ct = default)
    {
        var s = store.Snapshot;
        var errors = new List<ValidationError>();
        var a = Resolve(s, from, "from", errors);
        var b = Resolve(s, to, "to", errors);
        if (k < 1) errors.Add(new("k", k.ToString(System.Globalization.CultureInfo.InvariantCulture), "k must be at least 1"));
        var (maxHops, hopsCapped) = Hops(options.MaxHops, errors);
        if (errors.Count > 0) throw new GraphValidationException(errors);
        if (from == to) throw new GraphValidationException([new("to", to, "from and to are the same entity")]);
        var kCapped = k > limits.MaxK;
        k = Math.Min(k, limits.MaxK);
        var f = new ArcFilter(s, options);
        if (!f.Exists(a) || !f.Exists(b)) return new([], hopsCapped || kCapped);
        var found = KShortestPaths.Find(s, a, b, f, k, maxHops, weighting == PathWeighting.Evidence, ct);
        return new(found.Select(p => ToPath(s, p.Nodes, p.Cost, f)).ToList(), hopsCapped || kCapped);
    }

    /// <summary>Entities within <paramref name="depth"/> hops and the admitted relations among them.</summary>
    public Subgraph Neighbourhood(string id, int depth, TraversalOptions options, int? limit = null, CancellationToken ct = default)
    {
        var s = store.Snapshot;
        var errors = new List<ValidationError>();
        var start = Resolve(s, id, "id", errors);
        if (depth < 1) errors.Add(new("depth", depth.ToString(System.Globalization.CultureInfo.InvariantCulture), "depth must be at least 1"));
        if (limit is < 1) errors.Add(new("limit", limit.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "limit must be at least 1"));
        if (errors.Count > 0) throw new GraphValidationException(errors);
        (depth, var max, var depthCapped, var sizeCapped) = limits.Neighbourhood(depth, limit);
        bool truncated = false, capped = false;
        var f = new ArcFilter(s, options);
        // An entity that does not exist on the date has no neighbours then, whatever the dates of its relations say.
        if (!f.Exists(start)) return new Subgraph([s.Entities.Records[start]], [], false);
        var order = new List<int> { start };
        var level = new Dictionary<int, int> { [start] = 0 };
        for (var head = 0; head < order.Count; head++)
        {
            ct.ThrowIfCancellationRequested();
            var u = order[head];
            if (level[u] >= depth)
            {
                // At the depth cap: one more hop, had it been allowed, would it reach anyone new? Not once the size
                // bound is full: whoever that hop reaches would have been left out by it anyway.
                if (depthCapped && !capped && order.Count < max)
                    foreach (var (v, _) in Arcs(s, u, f))
                        if (!level.ContainsKey(v) && f.Entity(v))
                        {
                            truncated = capped = true;
                            break;
                        }
                continue;
            }
            foreach (var (v, _) in Arcs(s, u, f))
            {
                if (level.ContainsKey(v) || !f.Entity(v)) continue;
                if (order.Count >= max)
                {
                    truncated = true;
                    capped |= sizeCapped;
                    break;
                }
                level[v] = level[u] + 1;
                order.Add(v);
            }
        }
        var inside = order.ToHashSet();
        var rels = new HashSet<int>();
        foreach (var u in order)
            foreach (var (v, r) in Arcs(s, u, f))
                if (inside.Contains(v)) rels.Add(r);
        // In the order they were written, as every list of relations is.
        return new Subgraph(order.Select(i => s.Entities.Records[i]).ToList(), store.RelationRecords(s, s.InWrittenOrder(rels)), truncated, capped);
    }

    /// <summary>For a heat map: does each 'from' reach each 'to' directly, within maxHops, and through whom.</summary>
    public Bounded<IReadOnlyList<GapCell>> GapMatrix(IReadOnlyList<string> from, IReadOnlyList<string> to, TraversalOptions options, CancellationToken ct = default)
    {
        var s = store.Snapshot;
        var errors = new List<ValidationError>();
        var a = from.Select((id, i) => Resolve(s, id, $"from[{i}]", errors)).ToList();
        var b = to.Select((id, i) => Resolve(s, id, $"to[{i}]", errors)).ToList();
        var (maxHops, capped) = Hops(options.MaxHops, errors);
        if (a.Count * b.Count > limits.MaxResults * 10)
            errors.Add(new("from", a.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), $"at most {limits.MaxResults * 10} cells (from × to) per matrix"));
        if (errors.Count > 0) throw new GraphValidationException(errors);
        var f = new ArcFilter(s, options);
        var cells = new List<GapCell>();
        var path = new List<int>();
        foreach (var x in a)
            foreach (var y in b)
            {
                ct.ThrowIfCancellationRequested();
                var fromId = s.Entities.Records[x].Id;
                var toId = s.Entities.Records[y].Id;
                if (x == y)
                {
                    cells.Add(new GapCell(fromId, toId, false, 0, []));
                    continue;
                }
                var hops = f.Exists(x) && f.Exists(y) ? Traversal.ShortestPath(s, x, y, f, maxHops, null, path) : -1;
                cells.Add(hops < 0
                    ? new GapCell(fromId, toId, false, null, [])
                    : new GapCell(fromId, toId, hops == 1, hops, path.Skip(1).Take(hops - 1).Select(i => s.Entities.Records[i].Id).ToList()));
            }
        return new(cells, capped);
    }

    internal static int Resolve(GraphSnapshot s, string id, string field, List<ValidationError> errors)
    {
        if (s.Entities.IndexOf.TryGetValue(id, out var i)) return i;
        errors.Add(new(field, id, "unknown entity id"));
        return -1;
    }

    internal static int ResolveCountry(GraphSnapshot s, string id, string field, List<ValidationError> errors)
    {
        var i = Resolve(s, id, field, errors);
        if (i < 0 || s.Entities.Kinds[i] == EntityKind.Country) return i;
        errors.Add(new(field, id, $"'{id}' is a {s.Entities.Kinds[i]}, not a Country"));
        return -1;
    }

    private (int MaxHops, bool Capped) Hops(int? requested, List<ValidationError> errors)
    {
        if (requested is < 1)
        {
            errors.Add(new("maxHops", requested.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "maxHops must be at least 1"));
            return (1, false);
        }
        var hops = requested ?? limits.DefaultMaxHops;
        return hops > limits.MaxHops ? (limits.MaxHops, true) : (hops, false);
    }

    /// <summary>The arcs of an entity that a filter admits, forward and (unless forward only) backward.</summary>
    internal static IEnumerable<(int Neighbour, int Relation)> Arcs(GraphSnapshot s, int u, ArcFilter f)
    {
        var adj = s.Adjacency;
        var (start, end) = adj.Range(u, f.ForwardOnly ? Direction.Out : Direction.Both);
        for (var a = start; a < end; a++)
        {
            var r = adj.Rel(u, a);
            if (f.Relation(r)) yield return (adj.Targets[a], r);
        }
    }

    /// <summary>The admitted relations from u to v (and from v to u unless forward only), in the order they were written.</summary>
    internal static List<int> RelationsBetween(GraphSnapshot s, ArcFilter f, int u, int v)
    {
        // Each half of u's arcs is sorted by neighbour: a hub's step costs two binary searches, not a scan of its arcs.
        var adj = s.Adjacency;
        var rels = new List<int>();
        Collect(adj.Offsets[u], adj.Split[u]);
        if (!f.ForwardOnly) Collect(adj.Split[u], adj.Offsets[u + 1]);
        return s.InWrittenOrder(rels);

        void Collect(int start, int end)
        {
            for (var a = adj.LowerBound(start, end, v); a < end && adj.Targets[a] == v; a++)
            {
                var r = adj.Rel(u, a);
                if (f.Relation(r)) rels.Add(r);
            }
        }
    }

    /// <summary>A path of entity indexes with, for each step, every admitted relation linking the two entities.</summary>
    internal GraphPath ToPath(GraphSnapshot s, int[] nodes, double cost, ArcFilter f)
    {
        var steps = new List<PathStep>(nodes.Length - 1);
        for (var i = 0; i + 1 < nodes.Length; i++)
        {
            var rels = RelationsBetween(s, f, nodes[i], nodes[i + 1]);
            steps.Add(new PathStep(s.Entities.Records[nodes[i]].Id, s.Entities.Records[nodes[i + 1]].Id, store.RelationRecords(s, rels)));
        }
        return new GraphPath(nodes.Select(n => s.Entities.Records[n]).ToList(), steps, cost);
    }
}
