using Wb6Graph.Model;

namespace Wb6Graph.Neo4j;

internal static partial class Neo4jQuestionStatements
{
    /// <summary>
    /// One step of a gap pattern from many entities at once: every relation of the $types that is not retracted,
    /// followed in the direction, whatever its dates, with its ends' ids and the entity reached. The gap evaluator
    /// applies kinds, targets, dates and absences.
    /// </summary>
    public static string GapStep(Direction direction)
    {
        var pattern = direction switch
        {
            Direction.In => "(n)<-[r]-(m:Entity)",
            Direction.Both => "(n)-[r]-(m:Entity)",
            _ => "(n)-[r]->(m:Entity)",
        };
        return $"""
            UNWIND $ids AS id
            MATCH (n:Entity {"{id: id}"})
            MATCH {pattern}
            WHERE type(r) IN $types AND NOT coalesce(r.retracted, false)
            RETURN id, r, startNode(r).id AS fromId, endNode(r).id AS toId, m
            ORDER BY id, r.id
            """;
    }
}
