using System.Text;
using Wb6Graph.Model;

namespace Wb6Graph.Export;

/// <summary>
/// Three RFC 4180 tables. To one stream: entities, relations, sources, each after a "# name" line and
/// separated by a blank line. To files (<see cref="WriteFilesAsync"/>): the relations edge list in the
/// named file, the entities and sources in siblings <c>NAME.entities.csv</c> and <c>NAME.sources.csv</c>.
/// Columns follow Gephi's spreadsheet import: nodes have id,label; edges have id,source,target,label.
/// The relation type is in "label" because Gephi reads an edge column named "type" as directed/undirected.
/// </summary>
public sealed class CsvGraphExporter : IGraphExporter
{
    public static readonly string[] EntityColumns =
        ["id", "label", "kind", "country", "aliases", "description", "validFrom", "validTo", "attributes", "sources", "origin"];

    public static readonly string[] RelationColumns =
        ["id", "source", "target", "label", "temporality", "occurredOn", "validFrom", "validTo", "attestedOn", "alignment", "role", "confidence",
            "attributes", "sources", "retracted", "retractedAt", "origin"];

    public static readonly string[] SourceColumns =
        ["id", "title", "publisher", "published", "url", "document", "kind", "language", "retrieved", "origin"];

    // No BOM: Gephi and most CSV tools take UTF-8 plain; a BOM would end up in the first header name.
    private static readonly UTF8Encoding _utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public string Format => "csv";

    public async Task WriteAsync(GraphData data, Stream output, IProgress<long>? progress, CancellationToken ct)
    {
        var counter = new ProgressCounter(progress);
        await using var writer = new StreamWriter(output, _utf8, 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync("# entities");
        await WriteEntitiesAsync(data.Entities, writer, counter, ct);
        await writer.WriteLineAsync();
        await writer.WriteLineAsync("# relations");
        await WriteRelationsAsync(data.Relations, writer, counter, ct);
        await writer.WriteLineAsync();
        await writer.WriteLineAsync("# sources");
        await WriteSourcesAsync(data.Sources, writer, counter, ct);
        await writer.FlushAsync(ct);
        counter.Complete();
    }

    /// <summary>The entities and sources files that go with a relations file.</summary>
    public static (string Entities, string Sources) SiblingPaths(string relationsPath)
    {
        var dir = Path.GetDirectoryName(relationsPath) ?? "";
        var name = Path.GetExtension(relationsPath).Equals(".csv", StringComparison.OrdinalIgnoreCase)
            ? Path.GetFileNameWithoutExtension(relationsPath)
            : Path.GetFileName(relationsPath);
        return (Path.Combine(dir, name + ".entities.csv"), Path.Combine(dir, name + ".sources.csv"));
    }

    public async Task WriteFilesAsync(GraphData data, string relationsPath, IProgress<long>? progress, CancellationToken ct)
    {
        var counter = new ProgressCounter(progress);
        var (entitiesPath, sourcesPath) = SiblingPaths(relationsPath);
        await WriteFileAsync(entitiesPath, w => WriteEntitiesAsync(data.Entities, w, counter, ct));
        await WriteFileAsync(relationsPath, w => WriteRelationsAsync(data.Relations, w, counter, ct));
        await WriteFileAsync(sourcesPath, w => WriteSourcesAsync(data.Sources, w, counter, ct));
        counter.Complete();
    }

    private static async Task WriteFileAsync(string path, Func<StreamWriter, Task> write)
    {
        await using var writer = new StreamWriter(path, append: false, _utf8, 64 * 1024) { NewLine = "\r\n" };
        await write(writer);
    }

    private static async Task WriteEntitiesAsync(IAsyncEnumerable<Entity> entities, TextWriter w, ProgressCounter counter, CancellationToken ct)
    {
        await WriteRowAsync(w, EntityColumns);
        await foreach (var e in entities.WithCancellation(ct))
        {
            await WriteRowAsync(w,
            [
                e.Id, e.Name, e.Kind.ToString(), e.Country ?? "", ExportText.List(e.Aliases), e.Description ?? "",
                ExportText.Date(e.ValidFrom), ExportText.Date(e.ValidTo), ExportText.Attributes(e.Attributes),
                ExportText.List(e.Sources), e.Origin.ToString(),
            ]);
            counter.Increment();
        }
    }

    private static async Task WriteRelationsAsync(IAsyncEnumerable<Relation> relations, TextWriter w, ProgressCounter counter, CancellationToken ct)
    {
        await WriteRowAsync(w, RelationColumns);
        await foreach (var r in relations.WithCancellation(ct))
        {
            await WriteRowAsync(w,
            [
                r.Id, r.From, r.To, r.Type.ToString(), r.IsAct ? "act" : "state", ExportText.Date(r.OccurredOn), ExportText.Date(r.ValidFrom),
                ExportText.Date(r.ValidTo), ExportText.Date(r.AttestedOn), r.Alignment?.ToString().ToUpperInvariant() ?? "", r.Role ?? "", r.Confidence.ToString(), ExportText.Attributes(r.Attributes), ExportText.List(r.Sources),
                r.Retracted?.Reason ?? "", r.Retracted is { } x ? ExportText.Timestamp(x.At) : "", r.Origin.ToString(),
            ]);
            counter.Increment();
        }
    }

    private static async Task WriteSourcesAsync(IAsyncEnumerable<Source> sources, TextWriter w, ProgressCounter counter, CancellationToken ct)
    {
        await WriteRowAsync(w, SourceColumns);
        await foreach (var s in sources.WithCancellation(ct))
        {
            await WriteRowAsync(w,
            [
                s.Id, s.Title, s.Publisher ?? "", ExportText.Date(s.Published), s.Url ?? "", s.Document ?? "",
                ExportText.Kind(s.Kind), s.Language ?? "", ExportText.Date(s.Retrieved), s.Origin.ToString(),
            ]);
            counter.Increment();
        }
    }

    private static Task WriteRowAsync(TextWriter w, IReadOnlyList<string> cells)
    {
        // One write per row: a 10M-row export would otherwise pay for an awaited call per cell.
        var row = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) row.Append(',');
            row.Append(Quote(cells[i]));
        }
        return w.WriteLineAsync(row.ToString());
    }

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted and its quotes doubled.</summary>
    public static string Quote(string cell)
    {
        // A leading '#' is quoted too so that no data row can be read as one of the "# table" lines.
        if (cell.AsSpan().IndexOfAny(",\"\r\n") < 0 && !cell.StartsWith('#')) return cell;
        return "\"" + cell.Replace("\"", "\"\"") + "\"";
    }
}
