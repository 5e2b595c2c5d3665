using Wb6Graph.Model;

namespace Wb6Graph.Neo4j;

/// <summary>
/// Every Cypher statement the Neo4j store sends, by name. Labels and relationship types are spliced only from the
/// vocabulary's enums (Cypher 5 cannot take them as parameters); every value a user gives is a parameter.
/// <see cref="All"/> lists every variant so the linter test checks each one.
/// </summary>
internal static class Neo4jStoreStatements
{
    private static readonly RelationType[] Types = Enum.GetValues<RelationType>();
    private static readonly EntityKind[] Kinds = Enum.GetValues<EntityKind>();

    /// <summary>A node that never goes away, holding the data version that every write increments.</summary>
    public const string MetaId = "wb6graph";

    // Validity as Validity.Holds: since <= day < until, open ends always hold. 'since' and 'until' are 'YYYY-MM-DD' strings
    // (Neo4jMapping): the first day a fact may count and the first day it certainly no longer does.
    internal static string Holds(string x) => $"(({x}.since IS NULL OR {x}.since <= $asOf) AND ({x}.until IS NULL OR {x}.until > $asOf))";

    // A relation counts when it is not retracted (unless asked), of an allowed type, and on a date: an act once it has
    // occurred, whatever became of its ends; a state while it and both its ends hold.
    internal static readonly string RelationAdmitted =
        $"($includeRetracted OR NOT coalesce(r.retracted, false)) AND ($types IS NULL OR type(r) IN $types) " +
        $"AND ($asOf IS NULL OR ({Holds("r")} AND (coalesce(r.act, false) OR ({Holds("a")} AND {Holds("b")}))))";

    // TextSearch.Fields.Score: 100 an exact id or acronym; else the name, an alias, the rest (60, 40, 20) plus how well:
    // 3 equal, 2 at a word's start, 1 inside a word.
    private static string Quality(string list) => $$"""
        reduce(best = 0, x IN coalesce({{list}}, []) |
          CASE
            WHEN x = $search THEN 3
            WHEN best >= 2 OR NOT x CONTAINS $search THEN best
            WHEN split(x, $search)[0] = '' OR right(split(x, $search)[0], 1) =~ '[^\\p{L}\\p{Nd}]' THEN 2
            ELSE 1
          END)
        """;

    private static readonly string SearchScore = $"""
        CASE
          WHEN $search IN coalesce(n.searchKeys, []) THEN 100
          WHEN {Quality("n.searchNames")} > 0 THEN 60 + {Quality("n.searchNames")}
          WHEN {Quality("n.searchAliases")} > 0 THEN 40 + {Quality("n.searchAliases")}
          WHEN {Quality("n.searchOther")} > 0 THEN 20 + {Quality("n.searchOther")}
          ELSE 0
        END
        """;

    // With a search the best matches come first and the cursor carries the rank; without one, id order alone, which
    // the id index can serve. The search predicate stands alone so the text index on searchText can answer it.
    private static string EntityFilter(bool search) => $"""
        MATCH (n:Entity)
        WHERE {(search ? "n.searchText CONTAINS $search AND " : "")}($kinds IS NULL OR n.kind IN $kinds)
          AND ($country IS NULL OR n.country = $country OR (n.kind = 'Country' AND n.id = $country))
          AND ($asOf IS NULL OR {Holds("n")})
        WITH n, {(search ? SearchScore : "0")} AS score
        WITH n, score, {(search
            ? "($afterId IS NULL OR score < $afterScore OR (score = $afterScore AND n.id > $afterId))"
            : "($afterId IS NULL OR n.id > $afterId)")} AS pastCursor
        """;

    public static string FindEntities(bool search) => $$"""
        CALL () {
          {{EntityFilter(search)}}
          RETURN count(*) AS total, sum(CASE WHEN pastCursor THEN 0 ELSE 1 END) AS before
        }
        CALL () {
          {{EntityFilter(search)}}
          WITH n, score WHERE pastCursor
          WITH n, score ORDER BY {{(search ? "score DESC, n.id" : "n.id")}} LIMIT $limit
          RETURN collect(n) AS page, collect(score) AS scores
        }
        RETURN total, before, page, scores
        """;

    public const string EntityById = "MATCH (n:Entity {id: $id}) RETURN n";

    public const string EntitiesByIds = "UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n";

    public const string SourceById = "MATCH (s:Source {id: $id}) RETURN s";

    public const string SourcesByIds = "UNWIND $ids AS id MATCH (s:Source {id: id}) RETURN s";

    public const string AllSources = "MATCH (s:Source) RETURN s ORDER BY s.id";

    public const string EntityPage = "MATCH (n:Entity) WHERE n.id > $after RETURN n ORDER BY n.id LIMIT $limit";

    public const string SourcePage = "MATCH (s:Source) WHERE s.id > $after RETURN s ORDER BY s.id LIMIT $limit";

    /// <summary>One relationship type's relations after a cursor, in id order, through that type's id constraint.</summary>
    public static string RelationPage(RelationType type) =>
        $"MATCH (a:Entity)-[r:{Neo4jMapping.TypeName(type)}]->(b:Entity) WHERE r.id > $after RETURN r, a.id AS fromId, b.id AS toId ORDER BY r.id LIMIT $limit";

    // Relationship property indexes exist per type, so a lookup by id alone asks each type's index.
    private static readonly string RelationByIdUnion = string.Join("\n  UNION ALL\n  ", Types.Select(t =>
        $"MATCH (a:Entity)-[r:{Neo4jMapping.TypeName(t)} {{id: id}}]->(b:Entity) RETURN r, a.id AS fromId, b.id AS toId"));

    public static readonly string RelationsByIds = $$"""
        UNWIND $ids AS id
        CALL (id) {
          {{RelationByIdUnion}}
        }
        RETURN r, fromId, toId
        """;

    public static string FindRelations(bool fromGiven, bool toGiven)
    {
        var a = fromGiven ? "(a:Entity {id: $from})" : "(a:Entity)";
        var b = toGiven ? "(b:Entity {id: $to})" : "(b:Entity)";
        var match = $"MATCH {a}-[r]->{b} WHERE {RelationAdmitted}";
        return $$"""
            CALL () {
              {{match}}
              RETURN count(*) AS total, sum(CASE WHEN $after IS NULL OR r.id > $after THEN 0 ELSE 1 END) AS before
            }
            CALL () {
              {{match}} AND ($after IS NULL OR r.id > $after)
              WITH r, a, b ORDER BY r.id LIMIT $limit
              RETURN collect([r, a.id, b.id]) AS page
            }
            RETURN total, before, page
            """;
    }

    public static string RelationsOf(Direction direction)
    {
        var pattern = direction switch
        {
            Direction.Out => "(n)-[r]->(m:Entity)",
            Direction.In => "(n)<-[r]-(m:Entity)",
            _ => "(n)-[r]-(m:Entity)",
        };
        return $$"""
            UNWIND $ids AS id
            MATCH (n:Entity {id: id})
            MATCH {{pattern}}
            WITH id, r, startNode(r) AS a, endNode(r) AS b
            WHERE {{RelationAdmitted}}
            RETURN id, r, a.id AS fromId, b.id AS toId
            ORDER BY id, r.id
            """;
    }

    public const string AbsencePage = "MATCH (x:Absence) WHERE x.id > $after RETURN x ORDER BY x.id LIMIT $limit";

    public const string AbsencesByIds = "UNWIND $ids AS id MATCH (x:Absence {id: id}) RETURN x";

    public const string AbsencesOf = "MATCH (x:Absence) WHERE x.from IN $ids OR x.to IN $ids RETURN x ORDER BY x.id";

    public const string MergeAbsences = """
        UNWIND $rows AS row
        MERGE (x:Absence {id: row.id})
        WITH x, row WHERE x.origin IS NULL OR x.origin <> 'User' OR row.origin = 'User'
        SET x = row
        """;

    /// <summary>
    /// The relations that may have an entry in a window of history (HistoryQuery.EntriesOf decides exactly): acts whose
    /// day may fall in it, states that may begin or end in it. $fromSlack is a year before $from: a date known only to
    /// the year starts on its first day, and an end's 'until' is its last day. At most $cap rows.
    /// </summary>
    public const string History = """
        MATCH (a:Entity)-[r]->(b:Entity)
        WHERE NOT coalesce(r.retracted, false) AND ($types IS NULL OR type(r) IN $types)
          AND ($entity IS NULL OR a.id = $entity OR b.id = $entity)
          AND ($country IS NULL OR a.id = $country OR a.country = $country OR b.id = $country OR b.country = $country)
          AND ($kinds IS NULL OR a.kind IN $kinds OR b.kind IN $kinds)
          AND (
            (coalesce(r.act, false) AND r.occurredOn IS NOT NULL AND ($fromSlack IS NULL OR r.since >= $fromSlack) AND ($to IS NULL OR r.since <= $to))
            OR (NOT coalesce(r.act, false) AND NOT $actsOnly AND (
              (r.validFrom IS NOT NULL AND ($fromSlack IS NULL OR r.since >= $fromSlack) AND ($to IS NULL OR r.since <= $to))
              OR (r.validTo IS NOT NULL AND ($fromSlack IS NULL OR r.until >= $fromSlack) AND ($toSlack IS NULL OR r.until <= $toSlack)))))
        RETURN r, a.id AS fromId, b.id AS toId
        LIMIT $cap
        """;

    public const string Stats = """
        CALL () { MATCH (n:Entity) WITH n.kind AS kind, count(*) AS c RETURN collect([kind, c]) AS kinds }
        CALL () { MATCH ()-[r]->() WITH type(r) AS type, r.confidence AS confidence, coalesce(r.retracted, false) AS retracted, count(*) AS c
                  RETURN collect([type, confidence, retracted, c]) AS relations }
        CALL () { MATCH (s:Source) RETURN count(s) AS sources }
        OPTIONAL MATCH (m:Meta {id: 'wb6graph'})
        RETURN kinds, relations, sources, coalesce(m.dataVersion, 0) AS version
        """;

    /// <summary>The model the data is written in: 2 keeps acts apart from states and dates with their precision.</summary>
    public const int Model = 2;

    /// <summary>The model of the data (null before any was recorded), and whether there is data at all: an empty database needs no migration.</summary>
    public const string ModelVersion = "OPTIONAL MATCH (m:Meta {id: 'wb6graph'}) RETURN m.model AS model, EXISTS { MATCH (n:Entity) } AS hasData";

    /// <summary>
    /// Model 1 to 2 for relations: the relations of act types take their start as the day they occurred; every relation
    /// gets 'since' and 'until' (its dates were whole days then). SET items run in order, so 'since' reads the old start.
    /// </summary>
    public const string MigrateRelations = """
        MATCH ()-[r]->() WHERE r.act IS NULL
        WITH r, type(r) IN $acts AS act
        SET r.since = r.validFrom,
            r.until = CASE WHEN act THEN null ELSE r.validTo END,
            r.occurredOn = CASE WHEN act THEN r.validFrom ELSE null END,
            r.validFrom = CASE WHEN act THEN null ELSE r.validFrom END,
            r.validTo = CASE WHEN act THEN null ELSE r.validTo END,
            r.act = act
        """;

    public const string MigrateEntities = "MATCH (n:Entity) WHERE n.since IS NULL AND n.until IS NULL SET n.since = n.validFrom, n.until = n.validTo";

    public const string SetModel = "MERGE (m:Meta {id: 'wb6graph'}) SET m.model = $model";

    public const string Version = "OPTIONAL MATCH (m:Meta {id: 'wb6graph'}) RETURN coalesce(m.dataVersion, 0) AS version";

    /// <summary>After the data went back (a restored backup, a new volume): the version moves past every one the API served.</summary>
    public const string RaiseVersion = """
        MERGE (m:Meta {id: 'wb6graph'})
        SET m.dataVersion = CASE WHEN coalesce(m.dataVersion, 0) < $floor THEN $floor ELSE m.dataVersion END
        RETURN m.dataVersion AS version
        """;

    /// <summary>
    /// What a write's validation needs to know, read in one statement whose first part is the data version: the write
    /// is made only if the version is still this one (Neo4jWrites), so nothing read here can have changed meanwhile.
    /// The entities it names, the sources it cites, the relations it changes, whether an entity is some entity's country.
    /// </summary>
    public static readonly string WriteContext = $$"""
        CALL () { OPTIONAL MATCH (m:Meta {id: 'wb6graph'}) RETURN coalesce(m.dataVersion, 0) AS version }
        CALL () { UNWIND $entityIds AS id MATCH (n:Entity {id: id}) RETURN collect(n) AS entities }
        CALL () { UNWIND $sourceIds AS id MATCH (s:Source {id: id}) RETURN collect(s) AS sources }
        CALL () {
          UNWIND $relationIds AS id
          CALL (id) {
            {{RelationByIdUnion}}
          }
          RETURN collect([r, fromId, toId]) AS relations
        }
        RETURN version, entities, sources, relations,
          ($countryOf IS NOT NULL AND EXISTS { MATCH (m:Entity) WHERE m.country = $countryOf }) AS isCountryOfOthers
        """;

    // Writes never touch a fact a user wrote or changed: the origin check is in the statement, not only in the caller.
    // These are parts of the statements of Neo4jWrites, which run each as a unit subquery after the version bump.
    public static string MergeSources(string rows) => $"""
        UNWIND ${rows} AS row
        MERGE (s:Source {"{"}id: row.id{"}"})
        WITH s, row WHERE s.origin IS NULL OR s.origin <> 'User' OR row.origin = 'User'
        SET s = row
        """;

    private static readonly string AllKindLabels = string.Concat(Kinds.Select(k => ":" + Neo4jMapping.Label(k)));

    /// <summary>Entities of one kind: the kind's label replaces whatever kind label the node had.</summary>
    public static string MergeEntities(EntityKind kind) => $$"""
        UNWIND $rows AS row
        MERGE (n:Entity {id: row.id})
        WITH n, row WHERE n.origin IS NULL OR n.origin <> 'User' OR row.origin = 'User'
        SET n = row
        REMOVE n{{AllKindLabels}}
        SET n:{{Neo4jMapping.Label(kind)}}
        """;

    /// <summary>
    /// Relations of one type, each row <c>[from, to, properties]</c> (a list, so the row adds no property keys of its own);
    /// one whose id exists with other ends or another type is deleted first (DeleteRelations).
    /// </summary>
    public static string MergeRelations(RelationType type) => $$"""
        UNWIND $rows AS row
        MATCH (a:Entity {id: row[0]})
        MATCH (b:Entity {id: row[1]})
        MERGE (a)-[r:{{Neo4jMapping.TypeName(type)}} {id: row[2].id}]->(b)
        WITH r, row WHERE r.origin IS NULL OR r.origin <> 'User' OR row[2].origin = 'User'
        SET r = row[2]
        """;

    /// <summary>Stored relations of this type about to be written again under new ends or a new type.</summary>
    public static string DeleteRelations(RelationType type) => $$"""
        UNWIND $moved AS id
        MATCH ()-[r:{{Neo4jMapping.TypeName(type)}} {id: id}]->()
        WHERE r.origin IS NULL OR r.origin <> 'User'
        DELETE r
        """;

    public static string UpdateRelation(RelationType type) => $$"""
        MATCH (:Entity)-[r:{{Neo4jMapping.TypeName(type)}} {id: $id}]->(:Entity)
        SET r = $props
        """;

    public static IEnumerable<(string Name, string Cypher)> Schema()
    {
        yield return ("schema-entity-id", "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE");
        yield return ("schema-source-id", "CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE");
        yield return ("schema-meta-id", "CREATE CONSTRAINT meta_id IF NOT EXISTS FOR (m:Meta) REQUIRE m.id IS UNIQUE");
        yield return ("schema-absence-id", "CREATE CONSTRAINT absence_id IF NOT EXISTS FOR (x:Absence) REQUIRE x.id IS UNIQUE");
        foreach (var t in Types)
        {
            var name = Neo4jMapping.TypeName(t);
            yield return ($"schema-rel-{name}-id", $"CREATE CONSTRAINT rel_{name.ToLowerInvariant()}_id IF NOT EXISTS FOR ()-[r:{name}]-() REQUIRE r.id IS UNIQUE");
        }
        yield return ("schema-entity-search", "CREATE TEXT INDEX entity_search_text IF NOT EXISTS FOR (n:Entity) ON (n.searchText)");
        yield return ("schema-entity-name", "CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)");
        yield return ("schema-entity-kind", "CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind)");
        yield return ("schema-entity-country", "CREATE INDEX entity_country IF NOT EXISTS FOR (n:Entity) ON (n.country)");
    }

    public static IEnumerable<(string Name, string Cypher)> All()
    {
        foreach (var s in Schema()) yield return s;
        yield return ("find-entities", FindEntities(search: false));
        yield return ("find-entities-search", FindEntities(search: true));
        yield return ("entity-by-id", EntityById);
        yield return ("entities-by-ids", EntitiesByIds);
        yield return ("source-by-id", SourceById);
        yield return ("sources-by-ids", SourcesByIds);
        yield return ("all-sources", AllSources);
        yield return ("entity-page", EntityPage);
        yield return ("source-page", SourcePage);
        yield return ("relations-by-ids", RelationsByIds);
        foreach (var from in new[] { false, true })
            foreach (var to in new[] { false, true })
                yield return ($"find-relations-{(from ? "from" : "any")}-{(to ? "to" : "any")}", FindRelations(from, to));
        foreach (var d in Enum.GetValues<Direction>()) yield return ($"relations-of-{d.ToString().ToLowerInvariant()}", RelationsOf(d));
        yield return ("absence-page", AbsencePage);
        yield return ("absences-by-ids", AbsencesByIds);
        yield return ("absences-of", AbsencesOf);
        yield return ("history", History);
        yield return ("stats", Stats);
        yield return ("version", Version);
        yield return ("raise-version", RaiseVersion);
        yield return ("model-version", ModelVersion);
        yield return ("migrate-relations", MigrateRelations);
        yield return ("migrate-entities", MigrateEntities);
        yield return ("set-model", SetModel);
        yield return ("write-context", WriteContext);
        foreach (var t in Types) yield return ($"relation-page-{Neo4jMapping.TypeName(t)}", RelationPage(t));
        foreach (var w in Neo4jWrites.All()) yield return w;
    }
}
