using System.Xml;
using Wb6Graph.Model;

namespace Wb6Graph.Export;

/// <summary>
/// GEXF 1.3 (http://gexf.net/1.3), a dynamic graph with dates: Gephi's timeline then shows the graph on any day.
/// A state (and an entity) is an interval: <c>start</c> is the first day it may hold, <c>end</c> (inclusive in GEXF) the
/// last day it may still hold, the day before our exclusive validTo. An act is an instant: start and end are the day it
/// occurred, or the first and last day of the month or year when that is all the sources give. The dates as the sources
/// give them, with their precision, are attributes beside (validFrom "2010", precision "year").
/// </summary>
public sealed class GexfExporter : IGraphExporter
{
    public const string Namespace = "http://gexf.net/1.3";

    private static readonly string[] _nodeAttributes =
        ["kind", "country", "aliases", "description", "validFrom", "validTo", "startPrecision", "endPrecision", "attributes", "sources", "origin"];

    private static readonly string[] _edgeAttributes =
        ["type", "temporality", "occurredOn", "validFrom", "validTo", "attestedOn", "startPrecision", "endPrecision", "alignment",
            "role", "confidence", "attributes", "sources", "retracted", "origin"];

    public string Format => "gexf";

    public async Task WriteAsync(GraphData data, Stream output, IProgress<long>? progress, CancellationToken ct)
    {
        var counter = new ProgressCounter(progress);
        await using var xml = XmlExport.Create(output);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "gexf", Namespace);
        await xml.AttributeAsync("version", "1.3");
        await xml.StartAsync("meta");
        await xml.StartAsync("creator");
        await xml.TextAsync("wb6graph");
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();

        await xml.StartAsync("graph");
        await xml.AttributeAsync("mode", "dynamic");
        await xml.AttributeAsync("defaultedgetype", "directed");
        await xml.AttributeAsync("timeformat", "date");
        await WriteDeclarationsAsync(xml, "node", _nodeAttributes);
        await WriteDeclarationsAsync(xml, "edge", _edgeAttributes);

        await xml.StartAsync("nodes");
        await foreach (var e in data.Entities.WithCancellation(ct))
        {
            await xml.StartAsync("node");
            await xml.AttributeAsync("id", e.Id);
            await xml.AttributeAsync("label", e.Name);
            await IntervalAsync(xml, e.ValidFrom, e.ValidTo);
            await xml.StartAsync("attvalues");
            await ValueAsync(xml, "kind", e.Kind.ToString());
            await ValueAsync(xml, "country", e.Country);
            await ValueAsync(xml, "aliases", ExportText.List(e.Aliases));
            await ValueAsync(xml, "description", e.Description);
            await ValueAsync(xml, "validFrom", ExportText.Date(e.ValidFrom));
            await ValueAsync(xml, "validTo", ExportText.Date(e.ValidTo));
            await ValueAsync(xml, "startPrecision", Precision(e.ValidFrom));
            await ValueAsync(xml, "endPrecision", Precision(e.ValidTo));
            await ValueAsync(xml, "attributes", ExportText.Attributes(e.Attributes));
            await ValueAsync(xml, "sources", ExportText.List(e.Sources));
            await ValueAsync(xml, "origin", e.Origin.ToString());
            await xml.WriteEndElementAsync(); // attvalues
            await xml.WriteEndElementAsync(); // node
            counter.Increment();
        }
        await xml.WriteEndElementAsync(); // nodes

        await xml.StartAsync("edges");
        await foreach (var r in data.Relations.WithCancellation(ct))
        {
            await xml.StartAsync("edge");
            await xml.AttributeAsync("id", r.Id);
            await xml.AttributeAsync("source", r.From);
            await xml.AttributeAsync("target", r.To);
            await xml.AttributeAsync("label", r.Type.ToString());
            if (r.IsAct) await InstantAsync(xml, r.Start);
            else await IntervalAsync(xml, r.Start, r.End);
            await xml.StartAsync("attvalues");
            await ValueAsync(xml, "type", r.Type.ToString());
            await ValueAsync(xml, "temporality", r.IsAct ? "act" : "state");
            await ValueAsync(xml, "occurredOn", ExportText.Date(r.OccurredOn));
            await ValueAsync(xml, "validFrom", ExportText.Date(r.ValidFrom));
            await ValueAsync(xml, "validTo", ExportText.Date(r.ValidTo));
            await ValueAsync(xml, "attestedOn", ExportText.Date(r.AttestedOn));
            await ValueAsync(xml, "startPrecision", Precision(r.Start));
            await ValueAsync(xml, "endPrecision", Precision(r.End));
            await ValueAsync(xml, "alignment", r.Alignment?.ToString().ToUpperInvariant());
            await ValueAsync(xml, "role", r.Role);
            await ValueAsync(xml, "confidence", r.Confidence.ToString());
            await ValueAsync(xml, "attributes", ExportText.Attributes(r.Attributes));
            await ValueAsync(xml, "sources", ExportText.List(r.Sources));
            await ValueAsync(xml, "retracted", r.Retracted?.Reason);
            await ValueAsync(xml, "origin", r.Origin.ToString());
            await xml.WriteEndElementAsync(); // attvalues
            await xml.WriteEndElementAsync(); // edge
            counter.Increment();
        }
        await xml.WriteEndElementAsync(); // edges

        // Sources are not graph elements in GEXF; they are still counted so progress matches the other formats.
        await foreach (var _ in data.Sources.WithCancellation(ct)) counter.Increment();

        await xml.WriteEndElementAsync(); // graph
        await xml.WriteEndElementAsync(); // gexf
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
        counter.Complete();
    }

    private static async Task WriteDeclarationsAsync(XmlWriter xml, string domain, string[] names)
    {
        await xml.StartAsync("attributes");
        await xml.AttributeAsync("class", domain);
        await xml.AttributeAsync("mode", "static");
        foreach (var name in names)
        {
            await xml.StartAsync("attribute");
            await xml.AttributeAsync("id", name);
            await xml.AttributeAsync("title", name);
            await xml.AttributeAsync("type", "string");
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
    }

    /// <summary>From the first day it may hold to the last day it may still hold (GEXF's end is inclusive, our validTo is not).</summary>
    private static async Task IntervalAsync(XmlWriter xml, PartialDate? from, PartialDate? to)
    {
        if (from is { } start) await xml.AttributeAsync("start", Dates.Format(start.First));
        if (to is { } end) await xml.AttributeAsync("end", Dates.Format(end.Last.AddDays(-1)));
    }

    /// <summary>The day an act occurred, or the month or year it occurred in.</summary>
    private static async Task InstantAsync(XmlWriter xml, PartialDate? on)
    {
        if (on is not { } day) return;
        await xml.AttributeAsync("start", Dates.Format(day.First));
        await xml.AttributeAsync("end", Dates.Format(day.Last));
    }

    private static string? Precision(PartialDate? date) => date?.Precision.ToString().ToLowerInvariant();

    private static async Task ValueAsync(XmlWriter xml, string attribute, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        await xml.StartAsync("attvalue");
        await xml.AttributeAsync("for", attribute);
        await xml.AttributeAsync("value", value);
        await xml.WriteEndElementAsync();
    }
}
