using YamlDotNet.RepresentationModel;
using Wb6Graph.Gaps;
using Wb6Graph.Model;

namespace Wb6Graph.Seeds;

/// <summary>Reads one gap template file and checks that its types, kinds and fixed ids exist.</summary>
internal static class TemplateReader
{
    private static readonly string[] TemplateKeys = ["id", "name", "description", "countries", "items"];
    private static readonly string[] ItemKeys = ["id", "label", "legalBasis", "eligibleBeforeAccession", "countsInScore", "pattern", "partial", "partialLabel"];
    private static readonly string[] StepKeys = ["type", "direction", "kind", "to", "role"];

    public static GapTemplate? Read(string file, YamlMappingNode root, IFactContext graph, List<ValidationError> errors)
    {
        var f = new YamlFields(file, root, TemplateKeys, errors);
        var id = f.Text("id", required: true) ?? "";
        FactRules.CheckId(id, f.Where("id"), errors);
        var countries = new List<string>();
        foreach (var (country, at) in f.List("countries"))
        {
            if (graph.KindOf(country) != EntityKind.Country) errors.Add(new(at, country, "not a Country entity of the seeds"));
            countries.Add(country);
        }
        var items = new List<GapTemplateItem>();
        var itemIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in f.Mappings("items"))
        {
            var item = new YamlFields(file, node, ItemKeys, errors);
            var itemId = item.Text("id", required: true) ?? "";
            FactRules.CheckId(itemId, item.Where("id"), errors);
            if (!itemIds.Add(itemId)) errors.Add(new(item.Where("id"), itemId, "duplicate item id in this template"));
            var steps = item.Mappings("pattern").Select(s => ReadStep(new YamlFields(file, s, StepKeys, errors), graph, errors)).ToList();
            if (steps.Count == 0) errors.Add(new(item.Where("pattern"), itemId, "an item needs a pattern of at least one step"));
            var partial = item.Sequences("partial")
                .Select(p => (IReadOnlyList<PatternStep>)p.Select(s => ReadStep(new YamlFields(file, s, StepKeys, errors), graph, errors)).ToList())
                .ToList();
            if (partial.Any(p => p.Count == 0)) errors.Add(new(item.Where("partial"), itemId, "each partial pattern needs at least one step"));
            items.Add(new GapTemplateItem(itemId, item.Text("label", required: true) ?? itemId, item.Text("legalBasis"),
                item.Bool("eligibleBeforeAccession") ?? true, steps)
            {
                Partial = partial,
                PartialLabel = item.Text("partialLabel"),
                CountsInScore = item.Bool("countsInScore") ?? true,
            });
        }
        return new GapTemplate(id, f.Text("name", required: true) ?? id, f.Text("description"), countries, items);
    }

    private static PatternStep ReadStep(YamlFields f, IFactContext graph, List<ValidationError> errors)
    {
        var types = new List<RelationType>();
        foreach (var (text, at) in f.List("type"))
        {
            if (Vocabulary.TryParseType(text, out var t)) types.Add(t);
            else errors.Add(new(at, text, "unknown relation type"));
        }
        if (types.Count == 0 && !f.Has("type")) errors.Add(new(f.Where("type"), null, "a step needs a relation type"));
        var kinds = new List<EntityKind>();
        foreach (var (text, at) in f.List("kind"))
        {
            if (Vocabulary.TryParseKind(text, out var k)) kinds.Add(k);
            else errors.Add(new(at, text, "unknown entity kind"));
        }
        var direction = f.Text("direction") switch
        {
            null or "out" => Direction.Out,
            "in" => Direction.In,
            "both" => Direction.Both,
            var other => Bad(other),
        };
        var to = f.Text("to");
        if (to is not null && graph.KindOf(to) is null) errors.Add(new(f.Where("to"), to, "unknown entity id"));
        return new PatternStep(types, direction, kinds, to) { Role = f.Text("role") };

        Direction Bad(string text)
        {
            errors.Add(new(f.Where("direction"), text, "direction must be out, in or both"));
            return Direction.Out;
        }
    }
}
