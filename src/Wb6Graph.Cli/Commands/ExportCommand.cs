using System.CommandLine;
using Wb6Graph.Export;

namespace Wb6Graph.Cli.Commands;

internal static class ExportCommand
{
    public static Command Create(CliContext cli)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "json | csv | graphml | gexf | cypher",
            Required = true,
        };
        format.AcceptOnlyFromAmong([.. GraphExporters.Formats]);
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of stdout." };
        var dataDir = DataDirOption.Create();
        var command = new Command("export", """
            Write the whole graph (retracted relations included) from the embedded store, streaming.
            Without --output the export goes to stdout and nothing else does (progress and errors go to stderr).

            Formats:
              json     {"entities":[...],"relations":[...],"sources":[...]}; 'wb6graph load --input' reads it back.
              csv      RFC 4180 tables, Gephi- and spreadsheet-ready. With --output FILE: FILE is the edge list
                       (id,source,target,label,validFrom,validTo,role,confidence,attributes,sources,retracted,
                       retractedAt,origin; label is the relation type), and FILE.entities.csv (id,label,kind,...)
                       and FILE.sources.csv sit beside it (a .csv extension is dropped first: g.csv ->
                       g.entities.csv). To stdout: the three tables in the order entities, relations, sources,
                       each after a '# entities' style line and separated by a blank line.
                       Lists are joined with '; ', attributes written as key=value.
              graphml  GraphML with declared keys and directed edges (Gephi, yEd, NetworkX).
              gexf     GEXF 1.3 dynamic graph (Gephi timeline): start/end are validFrom/validTo. GEXF ends are
                       inclusive while validTo is exclusive, so a fact still shows on its validTo day.
              cypher   What the Neo4j store writes, as a script (cypher-shell < file): its constraints and indexes,
                       then the store's own idempotent MERGE batches with the values written in; the API on
                       the database it loads answers as this store does.
            """)
        {
            format,
            output,
            dataDir,
        };
        command.SetAction((parse, ct) => cli.GuardAsync(async () =>
        {
            var exporter = GraphExporters.Get(parse.GetRequiredValue(format));
            using var store = CliContext.OpenStore(DataDirOption.Resolve(parse, dataDir));
            var stats = await store.GetStatsAsync(ct);
            double total = Math.Max(1, stats.Entities + stats.Relations + stats.Sources);
            var data = GraphData.From(store, ct);
            var target = parse.GetValue(output);

            await cli.WithProgressAsync<bool>($"Exporting {exporter.Format}", async progress =>
            {
                var counted = progress is null ? null : new Progress<long>(n => progress.Report(n / total));
                if (target is null)
                {
                    await using var stdout = cli.OpenStdout();
                    await exporter.WriteAsync(data, stdout, counted, ct);
                    await stdout.FlushAsync(ct);
                }
                else if (exporter is CsvGraphExporter csv)
                {
                    await csv.WriteFilesAsync(data, target.FullName, counted, ct);
                }
                else
                {
                    await using var file = target.Create();
                    await exporter.WriteAsync(data, file, counted, ct);
                }
                return true;
            });

            if (target is not null)
            {
                var (entitiesFile, sourcesFile) = CsvGraphExporter.SiblingPaths(target.FullName);
                var also = exporter is CsvGraphExporter ? $" (+ {entitiesFile}, {sourcesFile})" : "";
                await cli.Error.WriteLineAsync(
                    $"exported {stats.Entities} entities, {stats.Relations} relations, {stats.Sources} sources to {target.FullName}{also}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
