using System.CommandLine;
using Spectre.Console;

namespace Wb6Graph.Cli.Commands;

internal static class StatsCommand
{
    public static Command Create(CliContext cli)
    {
        var dataDir = DataDirOption.Create();
        var command = new Command("stats", """
            Count what the embedded store holds: entities by kind, relations by type, sources,
            relations per confidence (H official, M secondary, L weak) and retracted relations.
            """)
        {
            dataDir,
        };
        command.SetAction((parse, ct) => cli.GuardAsync(async () =>
        {
            using var store = CliContext.OpenStore(DataDirOption.Resolve(parse, dataDir));
            var stats = await store.GetStatsAsync(ct);
            var console = cli.OutConsole;

            var totals = new Table().Title("Graph").AddColumns("", "count");
            totals.Columns[1].RightAligned();
            totals.AddRow("entities", Count(stats.Entities));
            totals.AddRow("relations", Count(stats.Relations));
            totals.AddRow("  retracted", Count(stats.RetractedRelations));
            totals.AddRow("sources", Count(stats.Sources));
            totals.AddRow("data version", Count(stats.DataVersion));
            var snapshot = store.Snapshot;
            var arcs = 2L * snapshot.RelationCount;
            totals.AddRow("snapshot built in", $"{store.OpenedIn.TotalSeconds:0.000} s");
            totals.AddRow("topology bytes", Count(snapshot.TopologyBytes));
            totals.AddRow("  per arc", arcs == 0 ? "-" : $"{(double)snapshot.TopologyBytes / arcs:0.00}");
            console.Write(totals);

            console.Write(Breakdown("Entities by kind", "kind", stats.EntitiesByKind.Select(p => (p.Key.ToString(), p.Value))));
            console.Write(Breakdown("Relations by type", "type", stats.RelationsByType.Select(p => (p.Key.ToString(), p.Value))));
            console.Write(Breakdown("Relations by confidence", "confidence", stats.RelationsByConfidence.OrderBy(p => p.Key).Select(p => (p.Key.ToString(), p.Value)), sort: false));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Table Breakdown(string title, string column, IEnumerable<(string Name, int Count)> rows, bool sort = true)
    {
        var table = new Table().Title(title).AddColumns(column, "count");
        table.Columns[1].RightAligned();
        foreach (var (name, count) in sort ? rows.OrderByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.Ordinal) : rows)
            table.AddRow(Markup.Escape(name), Count(count));
        return table;
    }

    private static string Count(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
