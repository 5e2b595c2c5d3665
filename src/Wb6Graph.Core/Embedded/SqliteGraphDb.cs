using System.Text.Json;
using Microsoft.Data.Sqlite;
using Wb6Graph.Model;

namespace Wb6Graph.Embedded;

/// <summary>
/// The durable record: one SQLite file in WAL mode (or a shared in-memory database for tests).
/// Rows hold whole facts; lists are JSON columns; dates are integers that keep the day and its precision
/// (<see cref="PartialDate.Encode"/>), so the snapshot reads them without parsing text.
/// </summary>
internal sealed class SqliteGraphDb : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new CitationConverter() } };
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;

    public SqliteGraphDb(EmbeddedStoreOptions options)
    {
        if (options.InMemory)
        {
            _connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = $"wb6graph-{Guid.NewGuid():N}",
                Mode = SqliteOpenMode.Memory,
                Cache = SqliteCacheMode.Shared,
            }.ToString();
        }
        else
        {
            Directory.CreateDirectory(options.DataDirectory);
            Path = System.IO.Path.GetFullPath(System.IO.Path.Combine(options.DataDirectory, options.FileName));
            _connectionString = new SqliteConnectionStringBuilder { DataSource = Path }.ToString();
        }
        // The writer stays open for the store's life; for an in-memory database it is what keeps the data alive.
        _writer = Open();
        try
        {
            Execute(_writer, options.InMemory ? "PRAGMA foreign_keys=ON;" : "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
            Execute(_writer, Schema);
            Migrate(_writer);
            // Writing is checked at start, not at the first user's write: an existing file may be readable only.
            Execute(_writer, "BEGIN IMMEDIATE; ROLLBACK;");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string? Path { get; }

    public SqliteConnection Writer => _writer;

    public SqliteConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        Execute(c, "PRAGMA busy_timeout=5000;");
        return c;
    }

    public void Dispose()
    {
        SqliteConnection.ClearPool(_writer);
        _writer.Dispose();
    }

    /// <summary>The format this code writes: 2 keeps dates with their precision, acts apart from states, and absences.</summary>
    private const int Format = 2;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT OR IGNORE INTO meta(key, value) VALUES ('version', '0'), ('format', '2');
        CREATE TABLE IF NOT EXISTS sources (
            id TEXT PRIMARY KEY, title TEXT NOT NULL, publisher TEXT, published INTEGER, url TEXT, document TEXT,
            kind INTEGER NOT NULL, retrieved INTEGER, origin INTEGER NOT NULL, language TEXT);
        CREATE TABLE IF NOT EXISTS entities (
            key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind INTEGER NOT NULL, name TEXT NOT NULL,
            aliases TEXT NOT NULL, country TEXT, description TEXT, attributes TEXT NOT NULL,
            valid_from INTEGER, valid_to INTEGER, sources TEXT NOT NULL, origin INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS relations (
            key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type INTEGER NOT NULL,
            from_key INTEGER NOT NULL REFERENCES entities(key), to_key INTEGER NOT NULL REFERENCES entities(key),
            valid_from INTEGER, valid_to INTEGER, role TEXT, confidence INTEGER NOT NULL, attributes TEXT NOT NULL,
            sources TEXT NOT NULL, retracted TEXT, origin INTEGER NOT NULL,
            occurred_on INTEGER, attested_on INTEGER, alignment INTEGER);
        CREATE TABLE IF NOT EXISTS absences (
            id TEXT PRIMARY KEY, from_id TEXT, type INTEGER NOT NULL, to_id TEXT, kind INTEGER,
            valid_from INTEGER, valid_to INTEGER, confidence INTEGER NOT NULL, sources TEXT NOT NULL, note TEXT,
            origin INTEGER NOT NULL, role TEXT);
        """;

    /// <summary>
    /// Brings a format-1 database (day numbers, no acts, no absences) to format 2 in one transaction: dates keep their
    /// day at day precision, and the relations whose type is now an act take their old start as the day they occurred.
    /// </summary>
    private static void Migrate(SqliteConnection c)
    {
        using var read = c.CreateCommand();
        read.CommandText = "SELECT value FROM meta WHERE key = 'format'";
        var format = int.Parse((string)read.ExecuteScalar()!, System.Globalization.CultureInfo.InvariantCulture);
        if (format >= Format) return;
        var acts = string.Join(',', Vocabulary.AllTypes.Where(t => t.IsAct).Select(t => (int)t.Type));
        using var tx = c.BeginTransaction();
        Execute(c, $"""
            ALTER TABLE sources ADD COLUMN language TEXT;
            ALTER TABLE relations ADD COLUMN occurred_on INTEGER;
            ALTER TABLE relations ADD COLUMN attested_on INTEGER;
            ALTER TABLE relations ADD COLUMN alignment INTEGER;
            UPDATE sources SET published = published * 4 WHERE published IS NOT NULL;
            UPDATE entities SET valid_from = valid_from * 4 WHERE valid_from IS NOT NULL;
            UPDATE entities SET valid_to = valid_to * 4 WHERE valid_to IS NOT NULL;
            UPDATE relations SET valid_from = valid_from * 4 WHERE valid_from IS NOT NULL;
            UPDATE relations SET valid_to = valid_to * 4 WHERE valid_to IS NOT NULL;
            UPDATE relations SET occurred_on = valid_from, valid_from = NULL, valid_to = NULL WHERE type IN ({acts});
            UPDATE meta SET value = '{Format}' WHERE key = 'format';
            """, tx);
        tx.Commit();
    }

    public static void Execute(SqliteConnection c, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        cmd.ExecuteNonQuery();
    }

    public static long ReadVersion(SqliteConnection c, SqliteTransaction? tx = null)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'version'";
        return long.Parse((string)cmd.ExecuteScalar()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static long BumpVersion(SqliteConnection c, SqliteTransaction tx)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'version' RETURNING value";
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    // ---- reading whole tables (snapshot builds and exports) ----

    public static IEnumerable<Source> ReadSources(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, title, publisher, published, url, document, kind, retrieved, origin, language FROM sources ORDER BY id";
        using var r = cmd.ExecuteReader();
        while (r.Read())
            yield return new Source(r.GetString(0), r.GetString(1), Str(r, 2), Date(r, 3), Str(r, 4), Str(r, 5),
                (SourceKind)r.GetInt32(6), Day(r, 7), (Origin)r.GetInt32(8)) { Language = Str(r, 9) };
    }

    public static IEnumerable<(long Key, Entity Entity)> ReadEntities(SqliteConnection c, string order = "key")
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT key, id, kind, name, aliases, country, description, attributes, valid_from, valid_to, sources, origin FROM entities ORDER BY {order}";
        using var r = cmd.ExecuteReader();
        while (r.Read())
            yield return (r.GetInt64(0), new Entity(r.GetString(1), (EntityKind)r.GetInt32(2), r.GetString(3),
                FromJson<List<string>>(r.GetString(4)), Str(r, 5), Str(r, 6), FromJson<List<AttributeValue>>(r.GetString(7)),
                Date(r, 8), Date(r, 9), FromJson<List<Citation>>(r.GetString(10)), (Origin)r.GetInt32(11)));
    }

    /// <summary>
    /// The columns a snapshot needs for every relation, in key order, without the text columns. The interval is the one
    /// in which the relation may count (<see cref="Relation.Start"/> to <see cref="Relation.End"/>) as day numbers.
    /// </summary>
    public static IEnumerable<(long Key, RelationType Type, long From, long To, int ValidFrom, int ValidTo, Confidence Confidence, bool Retracted)> ReadRelationColumns(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT key, type, from_key, to_key, valid_from, valid_to, confidence, retracted IS NOT NULL, occurred_on, attested_on FROM relations ORDER BY key";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var type = (RelationType)r.GetInt32(1);
            var act = Vocabulary.Info(type).IsAct;
            var start = (act ? Date(r, 8) : Date(r, 4)) ?? Date(r, 9);
            yield return (r.GetInt64(0), type, r.GetInt64(2), r.GetInt64(3),
                Validity.FromDay(start), act ? int.MaxValue : Validity.ToDay(Date(r, 5)),
                (Confidence)r.GetInt32(6), r.GetInt32(7) != 0);
        }
    }

    private const string RelationSelect = """
        SELECT r.key, r.id, r.type, f.id, t.id, r.valid_from, r.valid_to, r.role, r.confidence, r.attributes, r.sources, r.retracted, r.origin,
          r.occurred_on, r.attested_on, r.alignment
        FROM relations r JOIN entities f ON f.key = r.from_key JOIN entities t ON t.key = r.to_key
        """;

    public static IEnumerable<(long Key, Relation Relation)> ReadRelations(SqliteConnection c, string where = "", Action<SqliteCommand>? bind = null, string orderBy = "r.key")
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"{RelationSelect} {where} ORDER BY {orderBy}";
        bind?.Invoke(cmd);
        using var r = cmd.ExecuteReader();
        while (r.Read())
            yield return (r.GetInt64(0), new Relation(r.GetString(1), (RelationType)r.GetInt32(2), r.GetString(3), r.GetString(4),
                Date(r, 5), Date(r, 6), Str(r, 7), (Confidence)r.GetInt32(8), FromJson<List<AttributeValue>>(r.GetString(9)),
                FromJson<List<Citation>>(r.GetString(10)), r.IsDBNull(11) ? null : FromJson<Retraction>(r.GetString(11)), (Origin)r.GetInt32(12))
            {
                OccurredOn = Date(r, 13),
                AttestedOn = Date(r, 14),
                Alignment = r.IsDBNull(15) ? null : (Alignment)r.GetInt32(15),
            });
    }

    public static IEnumerable<Absence> ReadAbsences(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, from_id, type, to_id, kind, valid_from, valid_to, confidence, sources, note, origin, role FROM absences ORDER BY id";
        using var r = cmd.ExecuteReader();
        while (r.Read())
            yield return new Absence(r.GetString(0), Str(r, 1), (RelationType)r.GetInt32(2), Str(r, 3), r.IsDBNull(4) ? null : (EntityKind)r.GetInt32(4),
                Date(r, 5), Date(r, 6), (Confidence)r.GetInt32(7), FromJson<List<Citation>>(r.GetString(8)), Str(r, 9), (Origin)r.GetInt32(10))
            {
                Role = Str(r, 11),
            };
    }

    public static void UpsertAbsence(SqliteConnection c, SqliteTransaction tx, Absence a)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO absences(id, from_id, type, to_id, kind, valid_from, valid_to, confidence, sources, note, origin, role)
            VALUES ($id, $from, $type, $to, $kind, $vf, $vt, $confidence, $sources, $note, $origin, $role)
            ON CONFLICT(id) DO UPDATE SET from_id=excluded.from_id, type=excluded.type, to_id=excluded.to_id, kind=excluded.kind,
              valid_from=excluded.valid_from, valid_to=excluded.valid_to, confidence=excluded.confidence, sources=excluded.sources,
              note=excluded.note, origin=excluded.origin, role=excluded.role
            """;
        cmd.Parameters.AddWithValue("$id", a.Id);
        cmd.Parameters.AddWithValue("$from", Db(a.From));
        cmd.Parameters.AddWithValue("$type", (int)a.Type);
        cmd.Parameters.AddWithValue("$to", Db(a.To));
        cmd.Parameters.AddWithValue("$kind", a.Kind is { } k ? (int)k : DBNull.Value);
        cmd.Parameters.AddWithValue("$vf", Db(a.ValidFrom));
        cmd.Parameters.AddWithValue("$vt", Db(a.ValidTo));
        cmd.Parameters.AddWithValue("$confidence", (int)a.Confidence);
        cmd.Parameters.AddWithValue("$sources", ToJson(a.Sources));
        cmd.Parameters.AddWithValue("$note", Db(a.Note));
        cmd.Parameters.AddWithValue("$origin", (int)a.Origin);
        cmd.Parameters.AddWithValue("$role", Db(a.Role));
        cmd.ExecuteNonQuery();
    }

    // ---- writing rows ----

    public static void UpsertSource(SqliteConnection c, SqliteTransaction tx, Source s)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO sources(id, title, publisher, published, url, document, kind, retrieved, origin, language)
            VALUES ($id, $title, $publisher, $published, $url, $document, $kind, $retrieved, $origin, $language)
            ON CONFLICT(id) DO UPDATE SET title=excluded.title, publisher=excluded.publisher, published=excluded.published,
              url=excluded.url, document=excluded.document, kind=excluded.kind, retrieved=excluded.retrieved, origin=excluded.origin,
              language=excluded.language
            """;
        cmd.Parameters.AddWithValue("$id", s.Id);
        cmd.Parameters.AddWithValue("$title", s.Title);
        cmd.Parameters.AddWithValue("$publisher", Db(s.Publisher));
        cmd.Parameters.AddWithValue("$published", Db(s.Published));
        cmd.Parameters.AddWithValue("$url", Db(s.Url));
        cmd.Parameters.AddWithValue("$document", Db(s.Document));
        cmd.Parameters.AddWithValue("$kind", (int)s.Kind);
        cmd.Parameters.AddWithValue("$retrieved", Db(s.Retrieved));
        cmd.Parameters.AddWithValue("$origin", (int)s.Origin);
        cmd.Parameters.AddWithValue("$language", Db(s.Language));
        cmd.ExecuteNonQuery();
    }

    /// <summary>Inserts or replaces an entity, keeping its key; returns the key.</summary>
    public static long UpsertEntity(SqliteConnection c, SqliteTransaction tx, Entity e)
    {
        using var writer = new RowWriter(c);
        return writer.Entity(tx, e);
    }

    /// <summary>Inserts or replaces a relation by id, keeping its key; returns the key.</summary>
    public static long UpsertRelation(SqliteConnection c, SqliteTransaction tx, Relation rel, long fromKey, long toKey)
    {
        using var writer = new RowWriter(c);
        return writer.Relation(tx, rel, fromKey, toKey);
    }

    /// <summary>Prepared upserts, reused row after row: bulk loads spend their time in SQLite, not in parsing SQL.</summary>
    internal sealed class RowWriter : IDisposable
    {
        private readonly SqliteCommand _entity;
        private readonly SqliteCommand _relation;

        public RowWriter(SqliteConnection c)
        {
            _entity = c.CreateCommand();
            _entity.CommandText = """
                INSERT INTO entities(id, kind, name, aliases, country, description, attributes, valid_from, valid_to, sources, origin)
                VALUES ($id, $kind, $name, $aliases, $country, $description, $attributes, $from, $to, $sources, $origin)
                ON CONFLICT(id) DO UPDATE SET kind=excluded.kind, name=excluded.name, aliases=excluded.aliases, country=excluded.country,
                  description=excluded.description, attributes=excluded.attributes, valid_from=excluded.valid_from,
                  valid_to=excluded.valid_to, sources=excluded.sources, origin=excluded.origin
                RETURNING key
                """;
            foreach (var name in new[] { "$id", "$kind", "$name", "$aliases", "$country", "$description", "$attributes", "$from", "$to", "$sources", "$origin" })
                _entity.Parameters.Add(new SqliteParameter { ParameterName = name });
            _relation = c.CreateCommand();
            _relation.CommandText = """
                INSERT INTO relations(id, type, from_key, to_key, valid_from, valid_to, role, confidence, attributes, sources, retracted, origin,
                  occurred_on, attested_on, alignment)
                VALUES ($id, $type, $from, $to, $vf, $vt, $role, $confidence, $attributes, $sources, $retracted, $origin, $on, $attested, $alignment)
                ON CONFLICT(id) DO UPDATE SET type=excluded.type, from_key=excluded.from_key, to_key=excluded.to_key,
                  valid_from=excluded.valid_from, valid_to=excluded.valid_to, role=excluded.role, confidence=excluded.confidence,
                  attributes=excluded.attributes, sources=excluded.sources, retracted=excluded.retracted, origin=excluded.origin,
                  occurred_on=excluded.occurred_on, attested_on=excluded.attested_on, alignment=excluded.alignment
                RETURNING key
                """;
            foreach (var name in new[] { "$id", "$type", "$from", "$to", "$vf", "$vt", "$role", "$confidence", "$attributes", "$sources", "$retracted", "$origin", "$on", "$attested", "$alignment" })
                _relation.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        public long Entity(SqliteTransaction tx, Entity e)
        {
            var p = _entity.Parameters;
            _entity.Transaction = tx;
            p[0].Value = e.Id;
            p[1].Value = (int)e.Kind;
            p[2].Value = e.Name;
            p[3].Value = ToJson(e.Aliases);
            p[4].Value = Db(e.Country);
            p[5].Value = Db(e.Description);
            p[6].Value = ToJson(e.Attributes);
            p[7].Value = Db(e.ValidFrom);
            p[8].Value = Db(e.ValidTo);
            p[9].Value = ToJson(e.Sources);
            p[10].Value = (int)e.Origin;
            return (long)_entity.ExecuteScalar()!;
        }

        public long Relation(SqliteTransaction tx, Relation rel, long fromKey, long toKey)
        {
            var p = _relation.Parameters;
            _relation.Transaction = tx;
            p[0].Value = rel.Id;
            p[1].Value = (int)rel.Type;
            p[2].Value = fromKey;
            p[3].Value = toKey;
            p[4].Value = Db(rel.ValidFrom);
            p[5].Value = Db(rel.ValidTo);
            p[6].Value = Db(rel.Role);
            p[7].Value = (int)rel.Confidence;
            p[8].Value = ToJson(rel.Attributes);
            p[9].Value = ToJson(rel.Sources);
            p[10].Value = rel.Retracted is null ? DBNull.Value : ToJson(rel.Retracted);
            p[11].Value = (int)rel.Origin;
            p[12].Value = Db(rel.OccurredOn);
            p[13].Value = Db(rel.AttestedOn);
            p[14].Value = rel.Alignment is { } a ? (int)a : DBNull.Value;
            return (long)_relation.ExecuteScalar()!;
        }

        public void Dispose()
        {
            _entity.Dispose();
            _relation.Dispose();
        }
    }

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T FromJson<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;

    public static object Db(string? s) => s is null ? DBNull.Value : s;

    public static object Db(DateOnly? d) => d is { } day ? day.DayNumber : DBNull.Value;

    public static object Db(PartialDate? d) => d is { } date ? date.Encode() : DBNull.Value;

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateOnly? Day(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : DateOnly.FromDayNumber(r.GetInt32(i));

    private static PartialDate? Date(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : PartialDate.Decode(r.GetInt32(i));
}

/// <summary>
/// A citation as a JSON column value: the bare source id when it has neither locator nor note (as format 1 stored
/// every citation), an object otherwise.
/// </summary>
internal sealed class CitationConverter : System.Text.Json.Serialization.JsonConverter<Citation>
{
    public override Citation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return new Citation(reader.GetString()!);
        string? source = null, locator = null, note = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            var value = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
            switch (name)
            {
                case "source": source = value; break;
                case "locator": locator = value; break;
                case "note": note = value; break;
            }
        }
        return new Citation(source ?? "", locator, note);
    }

    public override void Write(Utf8JsonWriter writer, Citation value, JsonSerializerOptions options)
    {
        if (value.Locator is null && value.Note is null)
        {
            writer.WriteStringValue(value.Source);
            return;
        }
        writer.WriteStartObject();
        writer.WriteString("source", value.Source);
        if (value.Locator is not null) writer.WriteString("locator", value.Locator);
        if (value.Note is not null) writer.WriteString("note", value.Note);
        writer.WriteEndObject();
    }
}
