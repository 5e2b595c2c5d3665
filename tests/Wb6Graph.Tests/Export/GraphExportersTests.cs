using Wb6Graph.Export;
using Wb6Graph.Generate;
using Wb6Graph.Model;

namespace Wb6Graph.Tests.Export;

public sealed class GraphExportersTests
{
    [Fact]
    public void Registry_lists_the_five_formats()
    {
        Assert.Equal(["json", "csv", "graphml", "gexf", "cypher"], GraphExporters.Formats);
        Assert.Equal("gexf", GraphExporters.Get("GEXF").Format);
        Assert.Throws<ArgumentException>(() => GraphExporters.Get("dot"));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("graphml")]
    [InlineData("gexf")]
    [InlineData("cypher")]
    public async Task Every_format_streams_a_synthetic_graph_and_reports_progress(string format)
    {
        var synthetic = new SyntheticGraph(3_000, 12_000, seed: 7);
        var data = new GraphData(synthetic.Sources().ToAsyncEnumerable(), synthetic.Entities().ToAsyncEnumerable(), synthetic.Relations().ToAsyncEnumerable());
        var reports = new List<long>();
        using var output = new MemoryStream();

        await GraphExporters.Get(format).WriteAsync(data, output, new SyncProgress(reports), CancellationToken.None);

        Assert.True(output.Length > 12_000 * 40);
        Assert.Equal(3_000 + 12_000 + synthetic.SourceCount, reports[^1]);
        Assert.True(reports.Count > 1);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("graphml")]
    [InlineData("gexf")]
    [InlineData("cypher")]
    public async Task Every_format_writes_an_empty_graph(string format)
    {
        var text = await SampleGraphs.ExportAsync(format, SeedGraph.Empty);

        Assert.NotEmpty(text);
    }

    [Fact]
    public async Task Cancellation_stops_an_export()
    {
        var synthetic = new SyntheticGraph(1_000, 100_000, seed: 1);
        var data = new GraphData(synthetic.Sources().ToAsyncEnumerable(), synthetic.Entities().ToAsyncEnumerable(), synthetic.Relations().ToAsyncEnumerable());
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => GraphExporters.Get("json").WriteAsync(data, Stream.Null, null, cts.Token));
    }

    // Progress<T> posts to the thread pool; a test needs the reports in order and complete when the call returns.
    private sealed class SyncProgress(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }
}
