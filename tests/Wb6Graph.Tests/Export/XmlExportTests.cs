using System.Xml.Linq;
using Wb6Graph.Export;
using Wb6Graph.Model;

namespace Wb6Graph.Tests.Export;

public sealed class XmlExportTests
{
    private static readonly XNamespace _graphMl = GraphMlExporter.Namespace;
    private static readonly XNamespace _gexf = GexfExporter.Namespace;

    [Fact]
    public async Task Graphml_declares_its_keys_and_holds_every_entity_and_relation()
    {
        var graph = SampleGraphs.Rich();
        var doc = XDocument.Parse(await SampleGraphs.ExportAsync("graphml", graph));

        var root = Assert.IsType<XElement>(doc.Root);
        Assert.Equal(_graphMl + "graphml", root.Name);
        var keys = root.Elements(_graphMl + "key").ToDictionary(k => (string)k.Attribute("id")!, k => ((string)k.Attribute("for")!, (string)k.Attribute("attr.name")!));
        foreach (var name in new[] { "kind", "name", "country", "aliases", "validFrom", "validTo", "description" })
            Assert.Contains(("node", name), keys.Values);
        foreach (var name in new[] { "id", "type", "validFrom", "validTo", "role", "confidence", "sources", "retracted" })
            Assert.Contains(("edge", name), keys.Values);

        var g = root.Element(_graphMl + "graph")!;
        Assert.Equal("directed", (string?)g.Attribute("edgedefault"));
        var nodes = g.Elements(_graphMl + "node").ToDictionary(n => (string)n.Attribute("id")!);
        Assert.Equal(graph.Entities.Select(e => e.Id), nodes.Keys);
        foreach (var e in graph.Entities)
        {
            var data = Data(nodes[e.Id], keys, "node");
            Assert.Equal(e.Kind.ToString(), data["kind"]);
            Assert.Equal(e.Name, data["name"]);
            Assert.Equal(e.Country, data.GetValueOrDefault("country"));
            Assert.Equal(e.Description, data.GetValueOrDefault("description"));
            Assert.Equal(e.ValidFrom?.ToString(), data.GetValueOrDefault("validFrom"));
            Assert.Equal(e.ValidTo?.ToString(), data.GetValueOrDefault("validTo"));
        }

        var edges = g.Elements(_graphMl + "edge").ToDictionary(n => (string)n.Attribute("id")!);
        Assert.Equal(graph.Relations.Select(r => r.Id), edges.Keys);
        foreach (var r in graph.Relations)
        {
            var edge = edges[r.Id];
            Assert.Equal(r.From, (string?)edge.Attribute("source"));
            Assert.Equal(r.To, (string?)edge.Attribute("target"));
            var data = Data(edge, keys, "edge");
            Assert.Equal(r.Id, data["id"]);
            Assert.Equal(r.Type.ToString(), data["type"]);
            Assert.Equal(r.Confidence.ToString(), data["confidence"]);
            Assert.Equal(r.Role, data.GetValueOrDefault("role"));
            Assert.Equal(string.Join("; ", r.Sources.Select(c => c.Source)), data["sources"]);
            Assert.Equal(r.Retracted?.Reason, data.GetValueOrDefault("retracted"));
            Assert.Equal(r.ValidFrom?.ToString(), data.GetValueOrDefault("validFrom"));
            Assert.Equal(r.ValidTo?.ToString(), data.GetValueOrDefault("validTo"));
        }
    }

    [Fact]
    public async Task Gexf_is_dynamic_with_dated_intervals_and_declared_attributes()
    {
        var graph = SampleGraphs.Rich();
        var doc = XDocument.Parse(await SampleGraphs.ExportAsync("gexf", graph));

        var root = Assert.IsType<XElement>(doc.Root);
        Assert.Equal(_gexf + "gexf", root.Name);
        Assert.Equal("1.3", (string?)root.Attribute("version"));
        var g = root.Element(_gexf + "graph")!;
        Assert.Equal("dynamic", (string?)g.Attribute("mode"));
        Assert.Equal("date", (string?)g.Attribute("timeformat"));
        var declared = g.Elements(_gexf + "attributes").ToDictionary(
            a => (string)a.Attribute("class")!,
            a => a.Elements(_gexf + "attribute").Select(x => (string)x.Attribute("id")!).ToHashSet());

        var nodes = g.Element(_gexf + "nodes")!.Elements(_gexf + "node").ToDictionary(n => (string)n.Attribute("id")!);
        Assert.Equal(graph.Entities.Select(e => e.Id), nodes.Keys);
        foreach (var e in graph.Entities)
        {
            var node = nodes[e.Id];
            Assert.Equal(e.Name, (string?)node.Attribute("label"));
            // GEXF's end is inclusive: the last day an entity may still exist, the day before our exclusive validTo.
            Assert.Equal(e.ValidFrom?.First.ToString("yyyy-MM-dd"), (string?)node.Attribute("start"));
            Assert.Equal(e.ValidTo?.Last.AddDays(-1).ToString("yyyy-MM-dd"), (string?)node.Attribute("end"));
            var values = AttValues(node);
            Assert.Subset(declared["node"], values.Keys.ToHashSet());
            Assert.Equal(e.Kind.ToString(), values["kind"]);
            Assert.Equal(e.Description, values.GetValueOrDefault("description"));
        }

        var edges = g.Element(_gexf + "edges")!.Elements(_gexf + "edge").ToDictionary(n => (string)n.Attribute("id")!);
        Assert.Equal(graph.Relations.Select(r => r.Id), edges.Keys);
        foreach (var r in graph.Relations)
        {
            var edge = edges[r.Id];
            Assert.Equal(r.From, (string?)edge.Attribute("source"));
            Assert.Equal(r.To, (string?)edge.Attribute("target"));
            Assert.Equal(r.Type.ToString(), (string?)edge.Attribute("label"));
            // An act is an instant (its day, or the period of a month or year); a state an interval with an inclusive end.
            Assert.Equal(r.Start?.First.ToString("yyyy-MM-dd"), (string?)edge.Attribute("start"));
            Assert.Equal(r.IsAct ? r.Start?.Last.ToString("yyyy-MM-dd") : r.End?.Last.AddDays(-1).ToString("yyyy-MM-dd"), (string?)edge.Attribute("end"));
            var values = AttValues(edge);
            Assert.Subset(declared["edge"], values.Keys.ToHashSet());
            Assert.Equal(r.Confidence.ToString(), values["confidence"]);
            Assert.Equal(r.Role, values.GetValueOrDefault("role"));
            Assert.Equal(r.Retracted?.Reason, values.GetValueOrDefault("retracted"));
        }
        var leads = AttValues(edges["hostile-leads"]);
        Assert.Equal(("state", "2021", "year", "day"), (leads["temporality"], leads["validFrom"], leads["startPrecision"], leads["endPrecision"]));
        var founded = AttValues(edges["fr-founded-wb3c"]);
        Assert.Equal(("act", "2023-07-14"), (founded["temporality"], founded["occurredOn"]));
        Assert.Equal(("2021-01-01", "2024-12-31"), ((string?)edges["hostile-leads"].Attribute("start"), (string?)edges["hostile-leads"].Attribute("end")));
    }

    [Theory]
    [InlineData("graphml")]
    [InlineData("gexf")]
    public async Task Characters_xml_cannot_hold_are_dropped_not_fatal(string format)
    {
        var graph = new Support.GraphBuilder().Entity("x", name: "bell\u0007 and \uD800 lone", description: "ok 🙂").Build();

        var doc = XDocument.Parse(await SampleGraphs.ExportAsync(format, graph));

        Assert.Contains("bell and  lone", doc.ToString());
        Assert.Contains("ok 🙂", doc.ToString());
    }

    private static Dictionary<string, string> Data(XElement element, Dictionary<string, (string For, string Name)> keys, string domain) =>
        element.Elements(_graphMl + "data").ToDictionary(
            d =>
            {
                var key = keys[(string)d.Attribute("key")!];
                Assert.Equal(domain, key.For);
                return key.Name;
            },
            d => d.Value);

    private static Dictionary<string, string> AttValues(XElement element) =>
        element.Element(_gexf + "attvalues")!.Elements(_gexf + "attvalue").ToDictionary(v => (string)v.Attribute("for")!, v => (string)v.Attribute("value")!);
}
