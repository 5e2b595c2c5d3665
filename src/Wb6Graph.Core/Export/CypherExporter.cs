using System.Globalization;
using System.Text;
using Wb6Graph.Model;
using Wb6Graph.Neo4j;

namespace Wb6Graph.Export;

/// <summary>
/// A Cypher script of idempotent MERGE statements, one per line, for cypher-shell or Neo4j Browser.
/// Entities are <c>:Entity</c> nodes with a second label per kind; relations carry their type name;
/// absences and sources are <c>:Absence</c> and <c>:Source</c> nodes, with the Neo4j store's own properties. Labels and types come only from enum names, and every value is a
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
        await w.WriteLineAsync("CREATE CONSTRAINT absence_id IF NOT EXISTS FOR (n:Absence) REQUIRE n.id IS UNIQUE;");

        // The properties are the Neo4j store's own (Neo4jMapping), so the API on a database loaded from this script
        // reads the same model the store writes.
        await foreach (var e in data.Entities.WithCancellation(ct))
        {
            // A kind label is added, never removed: re-running the script after a kind change leaves the old label.
            await w.WriteLineAsync($"MERGE (n:Entity {{id: {Literal(e.Id)}}}) SET n:{e.Kind}, n += {Map(Neo4jMapping.EntityProps(e))};");
            counter.Increment();
        }

        await foreach (var r in data.Relations.WithCancellation(ct))
        {
            await w.WriteLineAsync(
                $"MATCH (a:Entity {{id: {Literal(r.From)}}}) MATCH (b:Entity {{id: {Literal(r.To)}}}) "
                + $"MERGE (a)-[r:{r.Type} {{id: {Literal(r.Id)}}}]->(b) SET r += {Map(Neo4jMapping.RelationProps(r))};");
            counter.Increment();
        }

        await foreach (var a in data.Absences.WithCancellation(ct))
        {
            await w.WriteLineAsync($"MERGE (x:Absence {{id: {Literal(a.Id)}}}) SET x += {Map(Neo4jMapping.AbsenceProps(a))};");
            counter.Increment();
        }

        await foreach (var s in data.Sources.WithCancellation(ct))
        {
            await w.WriteLineAsync($"MERGE (s:Source {{id: {Literal(s.Id)}}}) SET s += {Map(Neo4jMapping.SourceProps(s))};");
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

    /// <summary>A property value as a literal: strings quoted, booleans and numbers as they are, lists of strings as lists.</summary>
    private static string Value(object? value) => value switch
    {
        null => "null",
        string text => Literal(text),
        bool b => b ? "true" : "false",
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        IEnumerable<string> items => "[" + string.Join(", ", items.Select(Literal)) + "]",
        _ => throw new ArgumentException($"no Cypher literal for {value.GetType().Name}", nameof(value)),
    };

    // Keys are our own identifiers, never data; null values remove a property on re-import, as they should.
    private static string Map(IReadOnlyDictionary<string, object?> props) =>
        "{" + string.Join(", ", props.Select(p => $"{p.Key}: {Value(p.Value)}")) + "}";
}
