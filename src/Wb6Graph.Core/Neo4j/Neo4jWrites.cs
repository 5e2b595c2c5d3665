using Wb6Graph.Model;
using S = Wb6Graph.Neo4j.Neo4jStoreStatements;

namespace Wb6Graph.Neo4j;

/// <summary>One statement and its parameters: one request to the Query API, run in one implicit transaction.</summary>
public sealed record Neo4jStatement(string Cypher, IReadOnlyDictionary<string, object?> Parameters)
{
    /// <summary>The statement with its parameters written in as literals, for a script (cypher-shell, Neo4j Browser).</summary>
    public string ToScript() => CypherLiterals.Inline(Cypher, Parameters);
}

/// <summary>
/// Every write the Neo4j store makes, as whole statements: each is one request, so each is atomic on its own and runs on
/// a cluster (the Query API's explicit transactions work only on a single instance and Aura). Each statement first
/// bumps the data version on the <c>:Meta</c> node, which write-locks it until the statement commits, so writers of
/// other API instances take turns. An API write also carries the version its checks read (<c>$expected</c>): if
/// another writer came in between, the statement writes nothing and answers no row, and the store checks again.
/// The seed load and <c>wb6graph export --format cypher</c> both write through these batches, so a database loaded
/// from the script holds what the store would have written.
/// </summary>
internal static class Neo4jWrites
{
    public static Neo4jStatement Sources(IReadOnlyList<Source> sources) =>
        new(SeedSources, new Dictionary<string, object?> { ["sources"] = SourceRows(sources) });

    /// <summary>One statement per kind, in the order of <see cref="EntityKind"/>.</summary>
    public static IEnumerable<Neo4jStatement> Entities(IReadOnlyList<Entity> entities) =>
        entities.GroupBy(e => e.Kind).OrderBy(g => g.Key)
            .Select(g => new Neo4jStatement(SeedEntities(g.Key), new Dictionary<string, object?> { ["rows"] = EntityRows(g) }));

    /// <summary>
    /// One statement per type, in the order of <see cref="RelationType"/>. <paramref name="moved"/> are stored relations
    /// of these ids whose ends or type the new ones change: they are deleted first (a MERGE matches on ends and type, so
    /// the id would otherwise be taken twice).
    /// </summary>
    public static IEnumerable<Neo4jStatement> Relations(IReadOnlyList<Relation> relations, IReadOnlyList<Relation> moved)
    {
        var movedByType = moved.ToLookup(r => r.Type);
        foreach (var type in relations.Select(r => r.Type).Concat(moved.Select(r => r.Type)).Distinct().Order())
            yield return new(SeedRelations(type), new Dictionary<string, object?>
            {
                ["moved"] = movedByType[type].Select(r => r.Id).ToList(),
                ["rows"] = relations.Where(r => r.Type == type).Select(RelationRow).ToList(),
            });
    }

    public static Neo4jStatement Absences(IReadOnlyList<Absence> absences) =>
        new(SeedAbsences, new Dictionary<string, object?> { ["rows"] = absences.Select(Neo4jMapping.AbsenceProps).ToList() });

    public static Neo4jStatement UpsertEntity(long expected, Entity entity, IReadOnlyList<Source> newSources) =>
        new(WriteEntity(entity.Kind), new Dictionary<string, object?>
        {
            ["expected"] = expected,
            ["sources"] = SourceRows(newSources),
            ["rows"] = EntityRows([entity]),
        });

    public static Neo4jStatement AddRelation(long expected, Relation relation, IReadOnlyList<Source> newSources) =>
        new(WriteRelation(relation.Type), new Dictionary<string, object?>
        {
            ["expected"] = expected,
            ["sources"] = SourceRows(newSources),
            ["rows"] = new List<object?[]> { RelationRow(relation) },
        });

    /// <summary>An API write replacing one relation's properties (ending or retracting it); its ends and type never change.</summary>
    public static Neo4jStatement UpdateRelation(long expected, Relation relation, IReadOnlyList<Source> newSources) =>
        new(WriteUpdate(relation.Type), new Dictionary<string, object?>
        {
            ["expected"] = expected,
            ["sources"] = SourceRows(newSources),
            ["id"] = relation.Id,
            ["props"] = Neo4jMapping.RelationProps(relation),
        });

    /// <summary>A row of a relation statement: the ends' ids, then the relationship's properties (a list adds no property keys).</summary>
    public static object?[] RelationRow(Relation r) => [r.From, r.To, Neo4jMapping.RelationProps(r)];

    private static List<Dictionary<string, object?>> SourceRows(IEnumerable<Source> sources) => sources.Select(Neo4jMapping.SourceProps).ToList();

    private static List<Dictionary<string, object?>> EntityRows(IEnumerable<Entity> entities) => entities.Select(Neo4jMapping.EntityProps).ToList();

    // --- The statements: a version bump, then unit subqueries that write, then the new version.

    private const string Bump = """
        MERGE (m:Meta {id: 'wb6graph'})
        SET m.dataVersion = coalesce(m.dataVersion, 0) + 1
        WITH m
        """;

    // The SET takes the write lock before it reads, so the version read here is the latest committed one.
    private const string BumpIfUnchanged = """
        MERGE (m:Meta {id: 'wb6graph'})
        SET m.dataVersion = coalesce(m.dataVersion, 0) + 1
        WITH m WHERE m.dataVersion = $expected + 1
        """;

    private static string Statement(string head, params string[] parts) =>
        head + "\n" + string.Concat(parts.Select(p => "CALL () {\n" + Indent(p) + "\n}\n")) + "RETURN m.dataVersion AS version";

    private static string Indent(string text) => string.Join("\n", text.Split('\n').Select(line => "  " + line));

    public static readonly string SeedSources = Statement(Bump, S.MergeSources("sources"));

    public static string SeedEntities(EntityKind kind) => Statement(Bump, S.MergeEntities(kind));

    public static string SeedRelations(RelationType type) => Statement(Bump, S.DeleteRelations(type), S.MergeRelations(type));

    public static readonly string SeedAbsences = Statement(Bump, S.MergeAbsences);

    public static string WriteEntity(EntityKind kind) => Statement(BumpIfUnchanged, S.MergeSources("sources"), S.MergeEntities(kind));

    public static string WriteRelation(RelationType type) => Statement(BumpIfUnchanged, S.MergeSources("sources"), S.MergeRelations(type));

    public static string WriteUpdate(RelationType type) => Statement(BumpIfUnchanged, S.MergeSources("sources"), S.UpdateRelation(type));

    public static IEnumerable<(string Name, string Cypher)> All()
    {
        yield return ("seed-sources", SeedSources);
        yield return ("seed-absences", SeedAbsences);
        foreach (var k in Enum.GetValues<EntityKind>())
        {
            yield return ($"seed-entities-{Neo4jMapping.Label(k)}", SeedEntities(k));
            yield return ($"write-entity-{Neo4jMapping.Label(k)}", WriteEntity(k));
        }
        foreach (var t in Enum.GetValues<RelationType>())
        {
            var name = Neo4jMapping.TypeName(t);
            yield return ($"seed-relations-{name}", SeedRelations(t));
            yield return ($"write-relation-{name}", WriteRelation(t));
            yield return ($"update-relation-{name}", WriteUpdate(t));
        }
    }
}
