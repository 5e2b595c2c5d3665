using Wb6Graph.Gaps;
using Wb6Graph.Model;

namespace Wb6Graph.Neo4j;

internal static partial class Neo4jQuestionStatements
{
    /// <summary>
    /// The chains of a gap item's pattern from $country, whatever their dates (retracted relations aside), each with
    /// whether it had begun and whether it holds on $asOf; those not yet begun are left out. Types and kinds come from
    /// the template, which names them by the vocabulary's enums; a fixed end ('to') is a parameter $to1, $to2, ...
    /// </summary>
    public static string GapChains(IReadOnlyList<PatternStep> pattern)
    {
        if (pattern.Count == 0 || pattern.Any(s => s.Types.Count == 0))
            throw new ArgumentException("a gap pattern needs at least one step, each with at least one relation type", nameof(pattern));
        var path = new System.Text.StringBuilder("(n0:Entity&Country {id: $country})");
        var where = new List<string>();
        for (var i = 1; i <= pattern.Count; i++)
        {
            var step = pattern[i - 1];
            var rel = $"[r{i}:{string.Join('|', step.Types.Distinct().Select(Neo4jMapping.TypeName))}]";
            path.Append(step.Direction switch
            {
                Direction.In => $"<-{rel}-",
                Direction.Both => $"-{rel}-",
                _ => $"-{rel}->",
            });
            var kinds = step.Kinds.Distinct().Select(Neo4jMapping.Label).ToList();
            path.Append(kinds.Count switch
            {
                0 => $"(n{i}:Entity)",
                1 => $"(n{i}:Entity&{kinds[0]})",
                _ => $"(n{i}:Entity&({string.Join('|', kinds)}))",
            });
            where.Add($"coalesce(r{i}.retracted, false) = false");
            if (step.To is not null) where.Add($"n{i}.id = $to{i}");
            for (var j = 0; j < i; j++) where.Add($"n{i} <> n{j}");
        }
        var nodes = string.Join(", ", Enumerable.Range(0, pattern.Count + 1).Select(i => $"n{i}"));
        var rels = string.Join(", ", Enumerable.Range(1, pattern.Count).Select(i => $"r{i}"));
        return $"""
            MATCH {path}
            WHERE {string.Join(" AND ", where)}
            WITH [{nodes}] AS ns, [{rels}] AS rs
            WITH ns, rs,
              all(v IN ns WHERE v.validFrom IS NULL OR v.validFrom <= $asOf) AND all(e IN rs WHERE e.validFrom IS NULL OR e.validFrom <= $asOf) AS began,
              all(v IN ns WHERE v.validTo IS NULL OR v.validTo > $asOf) AND all(e IN rs WHERE e.validTo IS NULL OR e.validTo > $asOf) AS notEnded
            WHERE began
            RETURN [v IN ns | v.id] AS ids, ns AS nodes, rs AS rels, [e IN rs | startNode(e).id] AS froms, [e IN rs | endNode(e).id] AS tos, notEnded AS holds
            ORDER BY holds DESC, ids
            LIMIT $maxChains
            """;
    }
}
