using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Wb6Graph.Gaps;
using Wb6Graph.Model;

namespace Wb6Graph.Seeds;

/// <summary>The outcome of reading a seed directory: the graph, the gap templates, and every error found.</summary>
public sealed record SeedLoadResult(SeedGraph Graph, IReadOnlyList<GapTemplate> Templates, IReadOnlyList<ValidationError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads graph-seeds/: every *.yaml outside templates/ holds sources, entities and relations; templates/ holds gap templates.
/// All errors are collected in one pass, each with file:line:column.
/// </summary>
public static class SeedLoader
{
    private static readonly string[] TopKeys = ["sources", "entities", "relations"];
    private static readonly string[] SourceKeys = ["id", "title", "publisher", "published", "url", "document", "kind", "retrieved"];
    private static readonly string[] EntityKeys = ["id", "kind", "name", "aliases", "country", "description", "attributes", "validFrom", "validTo", "sources"];
    private static readonly string[] RelationKeys = ["id", "type", "from", "to", "validFrom", "validTo", "date", "role", "confidence", "attributes", "sources", "retracted"];
    private static readonly string[] RetractionKeys = ["reason", "at", "sources"];

    public static SeedLoadResult LoadDirectory(string directory)
    {
        var errors = new List<ValidationError>();
        if (!Directory.Exists(directory))
            return new(SeedGraph.Empty, [], [new(directory, null, "seed directory does not exist")]);

        var reader = new Collector(errors);
        var templateDir = Path.Combine(directory, "templates");
        var templateFiles = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            if (IsUnder(file, templateDir)) templateFiles.Add(file);
            else if (Parse(file, errors) is { } root) reader.Read(DisplayPath(file), root);
        }

        var graph = reader.Validate();
        var templates = new List<GapTemplate>();
        foreach (var file in templateFiles)
            if (Parse(file, errors) is { } root && TemplateReader.Read(DisplayPath(file), root, reader, errors) is { } template)
                templates.Add(template);
        foreach (var dup in templates.GroupBy(t => t.Id).Where(g => g.Count() > 1))
            errors.Add(new(templateDir, dup.Key, "two templates share this id"));

        return new(errors.Count == 0 ? graph : SeedGraph.Empty, templates, errors);
    }

    /// <summary>Reads one YAML text (for tests and for small imports); <paramref name="name"/> stands for the file in locations.</summary>
    public static SeedLoadResult LoadText(string name, string yaml)
    {
        var errors = new List<ValidationError>();
        var reader = new Collector(errors);
        if (ParseText(name, new StringReader(yaml), errors) is { } root) reader.Read(name, root);
        var graph = reader.Validate();
        return new(errors.Count == 0 ? graph : SeedGraph.Empty, [], errors);
    }

    private static YamlMappingNode? Parse(string file, List<ValidationError> errors)
    {
        using var text = File.OpenText(file);
        return ParseText(DisplayPath(file), text, errors);
    }

    private static YamlMappingNode? ParseText(string name, TextReader text, List<ValidationError> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(text);
        }
        catch (YamlException e)
        {
            errors.Add(new($"{name}:{e.Start.Line}:{e.Start.Column}", null, $"not valid YAML: {e.InnerException?.Message ?? e.Message}"));
            return null;
        }
        if (stream.Documents.Count == 0) return null;
        if (stream.Documents[0].RootNode is YamlMappingNode map) return map;
        var node = stream.Documents[0].RootNode;
        errors.Add(new($"{name}:{node.Start.Line}:{node.Start.Column}", null, "a seed file must be a mapping with 'sources', 'entities' and/or 'relations'"));
        return null;
    }

    private static bool IsUnder(string file, string dir) =>
        Path.GetFullPath(file).StartsWith(Path.GetFullPath(dir) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    internal static string DisplayPath(string file)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, file);
        return relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(file) : relative;
    }

    /// <summary>Gathers facts across files, remembering where each field was written, then checks them together.</summary>
    internal sealed class Collector(List<ValidationError> errors) : IFactContext
    {
        private readonly List<(Source Fact, YamlFields At)> _sources = [];
        private readonly List<(Entity Fact, YamlFields At)> _entities = [];
        private readonly List<(Relation Fact, YamlFields At)> _relations = [];
        private readonly Dictionary<string, EntityKind> _kinds = new(StringComparer.Ordinal);
        private readonly HashSet<string> _sourceIds = new(StringComparer.Ordinal);

        public EntityKind? KindOf(string entityId) => _kinds.TryGetValue(entityId, out var k) ? k : null;

        public bool SourceExists(string sourceId) => _sourceIds.Contains(sourceId);

        public void Read(string file, YamlMappingNode root)
        {
            var top = new YamlFields(file, root, TopKeys, errors);
            foreach (var node in top.Mappings("sources"))
            {
                var f = new YamlFields(file, node, SourceKeys, errors);
                _sources.Add((ReadSource(f), f));
            }
            foreach (var node in top.Mappings("entities"))
            {
                var f = new YamlFields(file, node, EntityKeys, errors);
                _entities.Add((ReadEntity(f), f));
            }
            foreach (var node in top.Mappings("relations"))
            {
                var f = new YamlFields(file, node, RelationKeys, errors);
                _relations.Add((ReadRelation(f), f));
            }
        }

        public SeedGraph Validate()
        {
            var firstSeen = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (s, at) in _sources)
            {
                if (!_sourceIds.Add(s.Id)) errors.Add(new(at.Where("id"), s.Id, $"duplicate source id (first defined at {firstSeen[s.Id]})"));
                else firstSeen[s.Id] = at.Where("id");
            }
            firstSeen.Clear();
            foreach (var (e, at) in _entities)
            {
                if (!_kinds.TryAdd(e.Id, e.Kind)) errors.Add(new(at.Where("id"), e.Id, $"duplicate entity id (first defined at {firstSeen[e.Id]})"));
                else firstSeen[e.Id] = at.Where("id");
            }
            firstSeen.Clear();
            foreach (var (r, at) in _relations)
            {
                if (firstSeen.TryGetValue(r.Id, out var first))
                    errors.Add(new(at.Where("id"), r.Id, $"duplicate relation id (first defined at {first}); give one of them an explicit id"));
                else firstSeen[r.Id] = at.Where("id");
            }

            foreach (var (s, at) in _sources) FactRules.CheckSource(s, at.Where, errors);
            foreach (var (e, at) in _entities) FactRules.CheckEntity(e, this, at.Where, errors);
            foreach (var (r, at) in _relations) FactRules.CheckRelation(r, this, at.Where, errors);

            return new(
                _sources.Select(x => x.Fact).OrderBy(s => s.Id, StringComparer.Ordinal).ToList(),
                _entities.Select(x => x.Fact).OrderBy(e => e.Id, StringComparer.Ordinal).ToList(),
                _relations.Select(x => x.Fact).OrderBy(r => r.Id, StringComparer.Ordinal).ToList());
        }

        private Source ReadSource(YamlFields f) => new(
            f.Text("id", required: true) ?? "",
            f.Text("title", required: true) ?? "",
            f.Text("publisher"),
            f.Date("published"),
            f.Text("url"),
            f.Text("document"),
            f.Enum("kind", ParseSourceKind, "source kind (official, secondary or press)", required: true) ?? SourceKind.Secondary,
            f.Date("retrieved"));

        private Entity ReadEntity(YamlFields f) => new(
            f.Text("id", required: true) ?? "",
            f.Enum("kind", t => (Vocabulary.TryParseKind(t, out var k), k), "entity kind (see graph-seeds/README.md)", required: true) ?? EntityKind.NonProfit,
            f.Text("name", required: true) ?? "",
            f.List("aliases").Select(a => a.Value).ToList(),
            f.Text("country"),
            f.Text("description"),
            f.Attributes("attributes"),
            f.Date("validFrom"),
            f.Date("validTo"),
            f.List("sources").Select(s => s.Value).ToList());

        private Relation ReadRelation(YamlFields f)
        {
            var type = f.Enum("type", t => (Vocabulary.TryParseType(t, out var r), r), "relation type (see graph-seeds/README.md)", required: true);
            var from = f.Text("from", required: true) ?? "";
            var to = f.Text("to", required: true) ?? "";
            var validFrom = f.Date("validFrom");
            var date = f.Date("date");
            if (f.Has("date") && f.Has("validFrom"))
                errors.Add(new(f.Where("date"), null, "give either 'date' (a one-off act) or 'validFrom', not both"));
            var id = f.Text("id") ?? DefaultRelationId(from, type, to);
            Retraction? retracted = null;
            if (f.Mapping("retracted") is { } node)
            {
                var r = new YamlFields(f.File, node, RetractionKeys, errors);
                var at = r.Date("at");
                retracted = new Retraction(
                    r.Text("reason", required: true) ?? "",
                    at is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.UnixEpoch,
                    r.List("sources").Select(s => s.Value).ToList());
            }
            return new Relation(
                id,
                type ?? RelationType.COOPERATES_WITH,
                from,
                to,
                validFrom ?? date,
                f.Date("validTo"),
                f.Text("role"),
                f.Enum("confidence", t => (Enum.TryParse<Confidence>(t, false, out var c) && t.Length == 1, c), "confidence (H, M or L)", required: true) ?? Confidence.L,
                f.Attributes("attributes"),
                f.List("sources").Select(s => s.Value).ToList(),
                retracted);
        }

        private static (bool, SourceKind) ParseSourceKind(string text) => text switch
        {
            "official" => (true, SourceKind.Official),
            "secondary" => (true, SourceKind.Secondary),
            "press" => (true, SourceKind.Press),
            _ => (false, default),
        };
    }

    /// <summary>The id a relation gets when the seed gives none: from-type-to, e.g. fr-founded-wb3c.</summary>
    public static string DefaultRelationId(string from, RelationType? type, string to) =>
        $"{from}-{(type?.ToString() ?? "relation").ToLowerInvariant().Replace('_', '-')}-{to}";
}
