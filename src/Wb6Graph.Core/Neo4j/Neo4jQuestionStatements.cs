using Wb6Graph.Engine;
using Wb6Graph.Gaps;
using Wb6Graph.Model;
using Wb6Graph.Seeds;
using Wb6Graph.Hosting;

namespace Wb6Graph.Neo4j;

/// <summary>
/// Every Cypher statement the Neo4j questions run. User values are always parameters; only hop bounds and path counts
/// (integers the code has validated), relation types and kind labels (enum names) and score formulas (fixed text per
/// enum member) are spliced. <see cref="All()"/> enumerates every variant so that the linter test checks each one.
/// </summary>
internal static partial class Neo4jQuestionStatements
{
    // On $asOf (a 'YYYY-MM-DD' string, or null for "whenever"), as the engine's ArcFilter: an entity may be passed through
    // once it has begun (an ended one stands in the history of its acts); a relation counts when its own interval
    // holds ('since'/'until', Neo4jMapping) and, for a state, both its ends exist that day.
    private static string Holds(string v) => Neo4jStoreStatements.Holds(v);

    private static string Begun(string v) => $"($asOf IS NULL OR {v}.since IS NULL OR {v}.since <= $asOf)";

    private static string RelOn(string r, string a, string b) =>
        $"coalesce({r}.retracted, false) = false AND ($asOf IS NULL OR ({Holds(r)} AND (coalesce({r}.act, false) OR ({Holds(a)} AND {Holds(b)}))))";

    private static string RelTyped(string r, string a, string b) => $"($types IS NULL OR type({r}) IN $types) AND {RelOn(r, a, b)}";

    private static string Arrow(bool forward) => forward ? "->" : "-";

    private static string Dir(bool forward) => forward ? "forward" : "both";

    /// <summary>Distinct admitted neighbours of <paramref name="v"/> on the simple undirected graph, as a COUNT subquery.</summary>
    private static string Degree(string v, string w) =>
        $"COUNT {{ MATCH ({v})-[{w}r]-({w}:Entity) WHERE {w} <> {v} AND {RelOn(w + "r", v, w)} AND {Begun(w)} RETURN DISTINCT {w} }}";

    /// <summary>The shared neighbours of x and y, as a sorted list of ids.</summary>
    private static readonly string Shared =
        $"COLLECT {{ MATCH (x)-[sr1]-(s:Entity)-[sr2]-(y) WHERE s <> x AND s <> y AND {RelOn("sr1", "x", "s")} AND {RelOn("sr2", "s", "y")} AND {Begun("s")} " +
        "RETURN DISTINCT s.id ORDER BY s.id }";

    /// <summary>Which of the given ids exist, their kind, and whether they exist on $asOf.</summary>
    public static readonly string Resolve = $"""
        UNWIND $ids AS id
        OPTIONAL MATCH (n:Entity {"{"}id: id{"}"})
        RETURN id, n IS NOT NULL AS found, n.kind AS kind, n IS NOT NULL AND {Begun("n")} AS live
        """;

    public const string Entities = "UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n";

    /// <summary>
    /// One round of Yen's k shortest paths on the entity graph, all its spur searches in one statement: for each row of
    /// $spurs ({from, avoid, cut}), one shortest path from <c>spur.from</c> to $to that passes through none of
    /// <c>spur.avoid</c> (the root path before the spur) and takes no step [u, v] of <c>spur.cut</c> (the steps the
    /// paths found so far took from the same root). A shortest path never repeats an entity, so no path predicate is
    /// needed, and SHORTEST 1 prunes with the filters as it goes: each search is one bounded breadth-first search,
    /// whatever the hubs and parallel relations around it. A spur path longer than the hops left is dropped by the
    /// caller (the shortest being too long, none fits).
    /// </summary>
    public static string Spurs(bool forward, int hops) => $"""
        UNWIND $spurs AS spur
        MATCH (s:Entity {"{"}id: spur.from{"}"})
        MATCH (b:Entity {"{"}id: $to{"}"})
        OPTIONAL MATCH p = SHORTEST 1 (s) ((x:Entity)-[r]{Arrow(forward)}(y:Entity WHERE {Begun("y")} AND ($kinds IS NULL OR y.kind IN $kinds OR y.id = $to) AND NOT y.id IN spur.avoid) WHERE {RelTyped("r", "x", "y")} AND NOT [x.id, y.id] IN spur.cut){"{"}1,{hops}{"}"} (b)
        RETURN spur.from AS from, [n IN nodes(p) | n.id] AS ids
        """;

    /// <summary>Every admitted relation linking each consecutive pair of a path's entities: the evidence of its steps.</summary>
    public static string Steps(bool forward) => $"""
        UNWIND $pairs AS pair
        MATCH (u:Entity {"{"}id: pair[0]{"}"})-[r]{Arrow(forward)}(v:Entity {"{"}id: pair[1]{"}"})
        WHERE {RelTyped("r", "u", "v")}
        RETURN pair[0] AS u, pair[1] AS v, r, startNode(r).id AS fromId, endNode(r).id AS toId
        ORDER BY u, v, r.id
        """;

    /// <summary>Entities within <paramref name="depth"/> hops, nearest first: one shortest path per reached entity.</summary>
    public static string Neighbourhood(bool forward, int depth) => $"""
        MATCH (c:Entity {"{"}id: $id{"}"})
        MATCH p = ANY SHORTEST (c) ((x:Entity)-[r]{Arrow(forward)}(y:Entity WHERE {Begun("y")} AND ($kinds IS NULL OR y.kind IN $kinds)) WHERE {RelTyped("r", "x", "y")}){"{"}1,{depth}{"}"} (n:Entity)
        WHERE n <> c
        RETURN n, length(p) AS depth
        ORDER BY depth, n.id
        LIMIT $limit
        """;

    /// <summary>The admitted relations among a set of entities.</summary>
    public static readonly string RelationsAmong = $"""
        UNWIND $ids AS id
        MATCH (u:Entity {"{"}id: id{"}"})-[r]->(v:Entity)
        WHERE v.id IN $ids AND {RelTyped("r", "u", "v")}
        RETURN r, u.id AS fromId, v.id AS toId
        ORDER BY r.id
        """;

    public static readonly string DegreeCentrality = $"""
        MATCH (n:Entity)
        WHERE {Begun("n")} AND ($kinds IS NULL OR n.kind IN $kinds)
        WITH n, {Degree("n", "m")} AS degree
        RETURN n, degree
        ORDER BY degree DESC, n.id
        LIMIT $limit
        """;

    public const string GdsAvailable = "SHOW PROCEDURES YIELD name WHERE name = 'gds.betweenness.stream' RETURN count(name) AS found";

    /// <summary>The simple undirected graph on $asOf, projected into GDS under a name of its own: each linked pair once, isolated entities too.</summary>
    public static readonly string GdsProject = $"""
        MATCH (s:Entity)
        WHERE {Begun("s")}
        OPTIONAL MATCH (s)-[r]-(t:Entity)
        WHERE s.id < t.id AND {RelOn("r", "s", "t")} AND {Begun("t")}
        WITH DISTINCT s, t
        WITH gds.graph.project($graph, s, t, {"{}"}, {"{"}undirectedRelationshipTypes: ['*']{"}"}) AS g
        RETURN g.graphName AS graph, g.nodeCount AS nodes
        """;

    public const string GdsBetweenness = """
        CALL gds.betweenness.stream($graph, $config) YIELD nodeId, score
        WITH gds.util.asNode(nodeId) AS n, score
        WHERE $kinds IS NULL OR n.kind IN $kinds
        RETURN n, score
        ORDER BY score DESC, n.id
        LIMIT $limit
        """;

    public const string GdsDrop = "CALL gds.graph.drop($graph, false) YIELD graphName RETURN graphName";

    /// <summary>The neighbours of x with their degrees, so the API can bound the work at hubs before scoring.</summary>
    public static readonly string SuggestNeighbours = $"""
        MATCH (x:Entity {"{"}id: $id{"}"})-[r]-(z:Entity)
        WHERE {Begun("x")} AND z <> x AND {RelOn("r", "x", "z")} AND {Begun("z")}
        WITH DISTINCT z
        RETURN z.id AS id, {Degree("z", "w")} AS degree
        ORDER BY id
        """;

    /// <summary>Candidates reached through the admitted neighbours $via of x, scored by the method's sum over shared neighbours.</summary>
    public static string SuggestFrom(LinkScore method) => method == LinkScore.PreferentialAttachment
        ? $"""
            MATCH (x:Entity {"{"}id: $id{"}"})
            MATCH (y:Entity)
            WHERE y <> x AND NOT y.id IN $neighbours AND {Begun("y")} AND ($toKinds IS NULL OR y.kind IN $toKinds) AND {Joinable("x", "y")}
            WITH x, y, toFloat($degree * {Degree("y", "w")}) AS score
            ORDER BY score DESC, y.id
            LIMIT $limit
            RETURN x.id AS from, y.id AS to, score, {Shared} AS shared, x.kind AS fromKind, y.kind AS toKind
            """
        : $"""
            MATCH (x:Entity {"{"}id: $id{"}"})
            UNWIND $via AS via
            MATCH (z:Entity {"{"}id: via.id{"}"})-[r]-(y:Entity)
            WHERE y <> x AND NOT y.id IN $neighbours AND {RelOn("r", "z", "y")} AND {Begun("y")} AND ($toKinds IS NULL OR y.kind IN $toKinds) AND {Joinable("x", "y")}
            WITH DISTINCT x, y, z, via.degree AS dz
            WITH x, y, sum({Weight(method)}) AS score
            ORDER BY score DESC, y.id
            LIMIT $limit
            RETURN x.id AS from, y.id AS to, score, {Shared} AS shared, x.kind AS fromKind, y.kind AS toKind
            """;

    /// <summary>
    /// Whether <paramref name="v"/> may propose a link across the graph: of $fromKinds, and one of $countries or an entity
    /// whose country is one of them (the questions checked that $countries are Country ids). Never null, because it is
    /// also negated: a null country must make it false, not null.
    /// </summary>
    private static string Proposes(string v) =>
        $"($fromKinds IS NULL OR {v}.kind IN $fromKinds) AND ($countries IS NULL OR {v}.id IN $countries OR ({v}.country IS NOT NULL AND {v}.country IN $countries))";

    /// <summary>
    /// Across the graph: every pair two hops apart through a neighbour z of at most $hubDegree neighbours, scored once
    /// (ordered by id when either end could propose it).
    /// </summary>
    public static string SuggestAll(LinkScore method) => method == LinkScore.PreferentialAttachment
        ? $"""
            MATCH (x:Entity)
            WHERE {Begun("x")} AND {Proposes("x")}
            WITH x, {Degree("x", "w")} AS dx
            ORDER BY dx DESC, x.id
            LIMIT $side
            WITH collect({"{"}n: x, d: dx{"}"}) AS xs
            MATCH (y:Entity)
            WHERE {Begun("y")} AND ($toKinds IS NULL OR y.kind IN $toKinds)
            WITH xs, y, {Degree("y", "w")} AS dy
            ORDER BY dy DESC, y.id
            LIMIT $side
            UNWIND xs AS xe
            WITH xe.n AS x, xe.d AS dx, y, dy
            WHERE x <> y AND {Joinable("x", "y")} AND NOT EXISTS {"{"} MATCH (x)-[e]-(y) WHERE {RelOn("e", "x", "y")} {"}"}
            // A pair either end may propose is one suggestion, from the lower id. It is turned round rather than
            // dropped: its other way round is found only when each end is also among the other side's $side.
            WITH x, y, toFloat(dx * dy) AS score, x.id > y.id AND {Proposes("y")} AND ($toKinds IS NULL OR x.kind IN $toKinds) AS turn
            WITH DISTINCT CASE WHEN turn THEN y ELSE x END AS x, CASE WHEN turn THEN x ELSE y END AS y, score
            ORDER BY score DESC, x.id, y.id
            LIMIT $limit
            RETURN x.id AS from, y.id AS to, score, {Shared} AS shared, x.kind AS fromKind, y.kind AS toKind
            """
        : $"""
            MATCH (z:Entity)
            WHERE {Begun("z")}
            WITH z, COLLECT {"{"} MATCH (z)-[wr]-(w:Entity) WHERE w <> z AND {RelOn("wr", "z", "w")} AND {Begun("w")} RETURN DISTINCT w {"}"} AS nz
            WHERE size(nz) >= 2 AND size(nz) <= $hubDegree
            UNWIND nz AS x
            WITH z, nz, x
            WHERE {Proposes("x")}
            UNWIND nz AS y
            WITH z, size(nz) AS dz, x, y
            WHERE x <> y AND ($toKinds IS NULL OR y.kind IN $toKinds) AND {Joinable("x", "y")}
              AND NOT EXISTS {"{"} MATCH (x)-[e]-(y) WHERE {RelOn("e", "x", "y")} {"}"}
              AND (x.id < y.id OR NOT ({Proposes("y")} AND ($toKinds IS NULL OR x.kind IN $toKinds)))
            WITH x, y, sum({Weight(method)}) AS score
            ORDER BY score DESC, x.id, y.id
            LIMIT $limit
            RETURN x.id AS from, y.id AS to, score, {Shared} AS shared, x.kind AS fromKind, y.kind AS toKind
            """;

    /// <summary>Whether any entity has more neighbours than $hubDegree: the graph-wide suggestions skipped it, and say so.</summary>
    public static readonly string SuggestHubs = $"""
        MATCH (z:Entity)
        WHERE {Begun("z")} AND {Degree("z", "w")} > $hubDegree
        RETURN count(z) AS hubs
        """;

    // A pair may be suggested only when an institutional type could join its kinds (Vocabulary.JoinablePairs, as $pairs).
    private static string Joinable(string a, string b) => $"({a}.kind + '|' + {b}.kind) IN $pairs";

    // A neighbour z of degree dz adds this to a pair's score; dz >= 2 whenever z links two entities.
    private static string Weight(LinkScore method) => method switch
    {
        LinkScore.AdamicAdar => "1.0 / log(dz)",
        LinkScore.ResourceAllocation => "1.0 / dz",
        _ => "1.0",
    };

    /// <summary>From each row's 'from' to its 'to' in at most <paramref name="hops"/> hops: the entities of one shortest path, or null.</summary>
    public static string Matrix(bool forward, int hops) => $"""
        UNWIND $pairs AS pair
        MATCH (a:Entity {"{"}id: pair[0]{"}"})
        MATCH (b:Entity {"{"}id: pair[1]{"}"})
        OPTIONAL MATCH p = SHORTEST 1 (a) ((x:Entity)-[r]{Arrow(forward)}(y:Entity WHERE {Begun("y")} AND ($kinds IS NULL OR y.kind IN $kinds OR y.id = pair[1])) WHERE {RelTyped("r", "x", "y")}){"{"}1,{hops}{"}"} (b)
        RETURN pair[0] AS from, pair[1] AS to, [n IN nodes(p) | n.id] AS ids
        """;

    public static IEnumerable<(string Name, string Cypher)> All() => All(new EngineLimits());

    public static IEnumerable<(string Name, string Cypher)> All(EngineLimits limits)
    {
        yield return ("resolve", Resolve);
        yield return ("entities", Entities);
        foreach (var forward in new[] { false, true })
        {
            for (var hops = 1; hops <= limits.MaxHops; hops++)
            {
                yield return ($"paths.{Dir(forward)}.hops{hops}", Spurs(forward, hops));
                yield return ($"matrix.{Dir(forward)}.hops{hops}", Matrix(forward, hops));
            }
            yield return ($"steps.{Dir(forward)}", Steps(forward));
            for (var depth = 1; depth <= limits.MaxDepth + 1; depth++) // one past the cap tells whether the cap cut
                yield return ($"neighbourhood.{Dir(forward)}.depth{depth}", Neighbourhood(forward, depth));
        }
        yield return ("neighbourhood.relations", RelationsAmong);
        yield return ("centrality.degree", DegreeCentrality);
        yield return ("centrality.gds.available", GdsAvailable);
        yield return ("centrality.gds.project", GdsProject);
        yield return ("centrality.gds.betweenness", GdsBetweenness);
        yield return ("centrality.gds.drop", GdsDrop);
        yield return ("suggest.neighbours", SuggestNeighbours);
        yield return ("suggest.hubs", SuggestHubs);
        foreach (var method in Enum.GetValues<LinkScore>())
        {
            yield return ($"suggest.from.{method}", SuggestFrom(method));
            yield return ($"suggest.all.{method}", SuggestAll(method));
        }
        foreach (var d in Enum.GetValues<Direction>()) yield return ($"gap.step.{d.ToString().ToLowerInvariant()}", GapStep(d));
    }
}
