using System.Globalization;
using System.Text;
using System.Text.Json;
using Wb6Graph.Model;

namespace Wb6Graph.Export;

/// <summary>
/// A Cypher script of idempotent MERGE statements, one per line, for cypher-shell or Neo4j Browser.
/// Entities are <c>:Entity</c> nodes with a second label per kind; relations carry their type name;
/// sources are <c>:Source</c> nodes. Labels and types come only from enum names, and every value is a
/// quoted, escaped literal, so no data can change what a statement does.
/// </summary>
public sealed class CypherExporter : IGraphExporter
{
    public string Format => "cypher";

    public async Task WriteAsync(GraphData data, Stream output, IProgress<long>? progress, CancellationToken ct)
    {
        var counter = new ProgressCounter(progress);
        await using var w = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        await w.WriteLineAsync("CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;");
        await w.WriteLineAsync("CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;");

        await foreach (var e in data.Entities.WithCancellation(ct))
        {
            // A kind label is added, never removed: re-running the script after a kind change leaves the old label.
            await w.WriteLineAsync(
                $"MERGE (n:Entity {{id: {Literal(e.Id)}}}) SET n:{e.Kind}, n += {Map(
                    ("kind", Literal(e.Kind.ToString())), ("name", Literal(e.Name)), ("aliases", List(e.Aliases)),
                    ("country", Literal(e.Country)), ("description", Literal(e.Description)),
                    ("attributes", Attributes(e.Attributes)), ("validFrom", Date(e.ValidFrom)), ("validTo", Date(e.ValidTo)),
                    ("sources", List(e.Sources)), ("origin", Literal(e.Origin.ToString())))};");
            counter.Increment();
        }

        await foreach (var r in data.Relations.WithCancellation(ct))
        {
            await w.WriteLineAsync(
                $"MATCH (a:Entity {{id: {Literal(r.From)}}}) MATCH (b:Entity {{id: {Literal(r.To)}}}) "
                + $"MERGE (a)-[r:{r.Type} {{id: {Literal(r.Id)}}}]->(b) SET r += {Map(
                    ("validFrom", Date(r.ValidFrom)), ("validTo", Date(r.ValidTo)), ("role", Literal(r.Role)),
                    ("confidence", Literal(r.Confidence.ToString())), ("attributes", Attributes(r.Attributes)),
                    ("sources", List(r.Sources)), ("retractedReason", Literal(r.Retracted?.Reason)),
                    ("retractedAt", r.Retracted is { } x ? $"datetime({Literal(ExportText.Timestamp(x.At))})" : "null"),
                    ("retractedSources", r.Retracted is { } y ? List(y.Sources) : "null"),
                    ("origin", Literal(r.Origin.ToString())))};");
            counter.Increment();
        }

        await foreach (var s in data.Sources.WithCancellation(ct))
        {
            await w.WriteLineAsync(
                $"MERGE (s:Source {{id: {Literal(s.Id)}}}) SET s += {Map(
                    ("title", Literal(s.Title)), ("publisher", Literal(s.Publisher)), ("published", Date(s.Published)),
                    ("url", Literal(s.Url)), ("document", Literal(s.Document)), ("kind", Literal(ExportText.Kind(s.Kind))),
                    ("retrieved", Date(s.Retrieved)), ("origin", Literal(s.Origin.ToString())))};");
            counter.Increment();
        }

        await w.FlushAsync(ct);
        counter.Complete();
    }

    /// <summary>
    /// A single-quoted Cypher string literal. Backslash and quote are escaped, and every control character
    /// becomes an escape, so the literal is always one line and ends exactly where we close it.
    /// </summary>
    public static string Literal(string? value)
    {
        if (value is null) return "null";
        var sb = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '\'': sb.Append(@"\'"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                case '\t': sb.Append(@"\t"); break;
                case < ' ' or '\u2028' or '\u2029':
                    sb.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('\'').ToString();
    }

    private static string Date(DateOnly? day) => day is null ? "null" : $"date({Literal(Dates.Format(day.Value))})";

    private static string List(IReadOnlyList<string> items) => "[" + string.Join(", ", items.Select(Literal)) + "]";

    // Neo4j properties cannot hold maps, so typed attributes travel as one JSON string.
    private static string Attributes(IReadOnlyList<AttributeValue> attributes) =>
        attributes.Count == 0
            ? "null"
            : Literal(JsonSerializer.Serialize(attributes.Select(a => new { key = a.Key, type = a.Type.ToString(), value = a.Value })));

    // Keys are our own identifiers, never data; null values remove a property on re-import, as they should.
    private static string Map(params (string Key, string Value)[] entries) =>
        "{" + string.Join(", ", entries.Select(e => $"{e.Key}: {e.Value}")) + "}";
}
