using System.Xml;
using Wb6Graph.Model;

namespace Wb6Graph.Export;

/// <summary>
/// GraphML (http://graphml.graphdrawing.org/xmlns) with directed edges: entities are nodes, relations edges,
/// everything else string-typed &lt;data&gt;. Sources are not graph elements here; facts keep their source ids.
/// </summary>
public sealed class GraphMlExporter : IGraphExporter
{
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    // Key ids share one namespace across nodes and edges, hence the n_/e_ prefixes;
    // attr.name is what Gephi and yEd show. "label" is the name again because Gephi takes node labels from it.
    private static readonly (string Id, string Name)[] _nodeKeys =
    [
        ("n_label", "label"), ("n_kind", "kind"), ("n_name", "name"), ("n_country", "country"), ("n_aliases", "aliases"),
        ("n_validFrom", "validFrom"), ("n_validTo", "validTo"), ("n_description", "description"),
        ("n_attributes", "attributes"), ("n_sources", "sources"), ("n_origin", "origin"),
    ];

    private static readonly (string Id, string Name)[] _edgeKeys =
    [
        ("e_id", "id"), ("e_type", "type"), ("e_label", "label"), ("e_temporality", "temporality"), ("e_occurredOn", "occurredOn"),
        ("e_validFrom", "validFrom"), ("e_validTo", "validTo"), ("e_attestedOn", "attestedOn"), ("e_alignment", "alignment"),
        ("e_role", "role"), ("e_confidence", "confidence"), ("e_attributes", "attributes"), ("e_sources", "sources"),
        ("e_retracted", "retracted"), ("e_origin", "origin"),
    ];

    public string Format => "graphml";

    public async Task WriteAsync(GraphData data, Stream output, IProgress<long>? progress, CancellationToken ct)
    {
        var counter = new ProgressCounter(progress);
        await using var xml = XmlExport.Create(output);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "graphml", Namespace);
        foreach (var (id, name) in _nodeKeys) await WriteKeyAsync(xml, id, "node", name);
        foreach (var (id, name) in _edgeKeys) await WriteKeyAsync(xml, id, "edge", name);

        await xml.StartAsync("graph");
        await xml.AttributeAsync("id", "wb6graph");
        await xml.AttributeAsync("edgedefault", "directed");

        await foreach (var e in data.Entities.WithCancellation(ct))
        {
            await xml.StartAsync("node");
            await xml.AttributeAsync("id", e.Id);
            await DataAsync(xml, "n_label", e.Name);
            await DataAsync(xml, "n_kind", e.Kind.ToString());
            await DataAsync(xml, "n_name", e.Name);
            await DataAsync(xml, "n_country", e.Country);
            await DataAsync(xml, "n_aliases", ExportText.List(e.Aliases));
            await DataAsync(xml, "n_validFrom", ExportText.Date(e.ValidFrom));
            await DataAsync(xml, "n_validTo", ExportText.Date(e.ValidTo));
            await DataAsync(xml, "n_description", e.Description);
            await DataAsync(xml, "n_attributes", ExportText.Attributes(e.Attributes));
            await DataAsync(xml, "n_sources", ExportText.List(e.Sources));
            await DataAsync(xml, "n_origin", e.Origin.ToString());
            await xml.WriteEndElementAsync();
            counter.Increment();
        }

        await foreach (var r in data.Relations.WithCancellation(ct))
        {
            await xml.StartAsync("edge");
            await xml.AttributeAsync("id", r.Id);
            await xml.AttributeAsync("source", r.From);
            await xml.AttributeAsync("target", r.To);
            await DataAsync(xml, "e_id", r.Id);
            await DataAsync(xml, "e_type", r.Type.ToString());
            await DataAsync(xml, "e_label", r.Type.ToString());
            await DataAsync(xml, "e_temporality", r.IsAct ? "act" : "state");
            await DataAsync(xml, "e_occurredOn", ExportText.Date(r.OccurredOn));
            await DataAsync(xml, "e_validFrom", ExportText.Date(r.ValidFrom));
            await DataAsync(xml, "e_validTo", ExportText.Date(r.ValidTo));
            await DataAsync(xml, "e_attestedOn", ExportText.Date(r.AttestedOn));
            await DataAsync(xml, "e_alignment", r.Alignment?.ToString().ToUpperInvariant());
            await DataAsync(xml, "e_role", r.Role);
            await DataAsync(xml, "e_confidence", r.Confidence.ToString());
            await DataAsync(xml, "e_attributes", ExportText.Attributes(r.Attributes));
            await DataAsync(xml, "e_sources", ExportText.List(r.Sources));
            await DataAsync(xml, "e_retracted", r.Retracted?.Reason);
            await DataAsync(xml, "e_origin", r.Origin.ToString());
            await xml.WriteEndElementAsync();
            counter.Increment();
        }

        // Sources are not graph elements here; they are still counted so progress matches the other formats.
        await foreach (var _ in data.Sources.WithCancellation(ct)) counter.Increment();

        await xml.WriteEndElementAsync(); // graph
        await xml.WriteEndElementAsync(); // graphml
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
        counter.Complete();
    }

    private static async Task WriteKeyAsync(XmlWriter xml, string id, string domain, string name)
    {
        await xml.StartAsync("key");
        await xml.AttributeAsync("id", id);
        await xml.AttributeAsync("for", domain);
        await xml.AttributeAsync("attr.name", name);
        await xml.AttributeAsync("attr.type", "string");
        await xml.WriteEndElementAsync();
    }

    // Empty values are left out: GraphML reads a missing <data> as "no value", which is what null means here.
    private static async Task DataAsync(XmlWriter xml, string key, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        await xml.StartAsync("data");
        await xml.AttributeAsync("key", key);
        await xml.TextAsync(value);
        await xml.WriteEndElementAsync();
    }
}
