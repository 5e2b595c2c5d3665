using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Wb6Graph.Gaps;
using Wb6Graph.Model;

namespace Wb6Graph.Seeds;

/// <summary>The outcome of reading a seed directory: the graph, the gap templates, the research records, and every error found.</summary>
public sealed record SeedLoadResult(SeedGraph Graph, IReadOnlyList<GapTemplate> Templates, IReadOnlyList<ValidationError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>What was consulted for each gap item of each country, and what it came to.</summary>
    public IReadOnlyList<ResearchRecord> Research { get; init; } = [];
}

/// <summary>
/// Reads graph-seeds/: every *.yaml outside templates/ holds sources, entities, relations, absences and research records;
/// templates/ holds gap templates. All errors are collected in one pass, each with file:line:column.
/// </summary>
public static class SeedLoader
{
    private static readonly string[] TopKeys = ["sources", "entities", "relations", "absences", "research"];
    private static readonly string[] SourceKeys = ["id", "title", "publisher", "published", "url", "document", "kind", "language", "retrieved"];
    private static readonly string[] EntityKeys = ["id", "kind", "name", "aliases", "country", "description", "attributes", "validFrom", "validTo", "sources"];
    private static readonly string[] RelationKeys =
        ["id", "type", "from", "to", "occurredOn", "validFrom", "validTo", "attestedOn", "date", "role", "alignment", "confidence", "attributes", "sources", "retracted"];
    private static readonly string[] AbsenceKeys = ["id", "from", "type", "to", "kind", "role", "validFrom", "validTo", "confidence", "note", "sources"];
    private static readonly string[] ResearchKeys = ["country", "item", "checked", "status", "consulted", "conclusion"];
    private static readonly string[] StepKeys = ["source", "url", "query", "result"];
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
        reader.CheckDocuments(Path.Combine(directory, "documents"));
        var templates = new List<GapTemplate>();
        foreach (var file in templateFiles)
            if (Parse(file, errors) is { } root && TemplateReader.Read(DisplayPath(file), root, reader, errors) is { } template)
                templates.Add(template);
        foreach (var dup in templates.GroupBy(t => t.Id).Where(g => g.Count() > 1))
            errors.Add(new(templateDir, dup.Key, "two templates share this id"));
        var research = reader.CheckResearch(templates);

        return new(errors.Count == 0 ? graph : SeedGraph.Empty, templates, errors) { Research = errors.Count == 0 ? research : [] };
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
        try
        {
            using var text = new StreamReader(file, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true));
            return ParseText(DisplayPath(file), text, errors);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
        {
            // A file that cannot be read, or is not UTF-8, is an error of that file like any other.
            var what = e is System.Text.DecoderFallbackException ? "not UTF-8 text" : $"cannot be read: {e.Message}";
            errors.Add(new($"{DisplayPath(file)}:1:1", null, what));
            return null;
        }
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
        private readonly List<(Absence Fact, YamlFields At)> _absences = [];
        private readonly List<(ResearchRecord Record, YamlFields At)> _research = [];
        private readonly List<(Citation Citation, string Where, bool Detailed)> _citations = [];
        private readonly Dictionary<string, Entity> _byId = new(StringComparer.Ordinal);
        private readonly HashSet<string> _sourceIds = new(StringComparer.Ordinal);

        public EntityKind? KindOf(string entityId) => _byId.TryGetValue(entityId, out var e) ? e.Kind : null;

        public Entity? EntityOf(string entityId) => _byId.GetValueOrDefault(entityId);

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
            foreach (var node in top.Mappings("absences"))
            {
                var f = new YamlFields(file, node, AbsenceKeys, errors);
                _absences.Add((ReadAbsence(f), f));
            }
            foreach (var node in top.Mappings("research"))
            {
                var f = new YamlFields(file, node, ResearchKeys, errors);
                _research.Add((ReadResearch(f), f));
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
                if (!_byId.TryAdd(e.Id, e)) errors.Add(new(at.Where("id"), e.Id, $"duplicate entity id (first defined at {firstSeen[e.Id]})"));
                else firstSeen[e.Id] = at.Where("id");
            }
            firstSeen.Clear();
            foreach (var (r, at) in _relations)
            {
                if (firstSeen.TryGetValue(r.Id, out var first))
                    errors.Add(new(at.Where("id"), r.Id, $"duplicate relation id (first defined at {first}); give one of them an explicit id"));
                else firstSeen[r.Id] = at.Where("id");
            }
            firstSeen.Clear();
            foreach (var (a, at) in _absences)
            {
                if (firstSeen.TryGetValue(a.Id, out var first))
                    errors.Add(new(at.Where("id"), a.Id, $"duplicate absence id (first defined at {first}); give one of them an explicit id"));
                else firstSeen[a.Id] = at.Where("id");
            }

            foreach (var (s, at) in _sources)
            {
                FactRules.CheckSource(s, at.Where, errors);
                // Provenance: a page is cited as it was on the day it was read.
                if (s.Url is not null && s.Retrieved is null)
                    errors.Add(new(at.Where("url"), s.Id, "a source with a url needs 'retrieved', the day it was read (YYYY-MM-DD)"));
            }
            foreach (var (e, at) in _entities) FactRules.CheckEntity(e, this, at.Where, errors);
            foreach (var (r, at) in _relations) FactRules.CheckRelation(r, this, at.Where, errors);
            foreach (var (a, at) in _absences) FactRules.CheckAbsence(a, this, at.Where, errors);
            // Every citation in a seed file says where in the source and what it says there.
            foreach (var (citation, where, detailed) in _citations)
            {
                if (!detailed)
                    errors.Add(new(where, citation.Source, "cite a source as {source, locator, note}: where in it (article, section, page) and what it says, in our own words"));
                else
                {
                    if (string.IsNullOrWhiteSpace(citation.Locator)) errors.Add(new(where, citation.Source, "this citation needs a 'locator' (article, section, page or paragraph)"));
                    if (string.IsNullOrWhiteSpace(citation.Note)) errors.Add(new(where, citation.Source, "this citation needs a 'note': one line, in our own words, of what the source says"));
                }
            }
            var relations = _relations.Select(x => x.Fact).ToList();
            foreach (var (conflict, at) in FactRules.Conflicts(_absences.Select(x => x.Fact).ToList(), relations, this).Select(c => (c, _absences.First(x => x.Fact.Id == c.Absence.Id).At)))
                errors.Add(new(at.Where("id"), conflict.Absence.Id, conflict.Message));

            return new(
                _sources.Select(x => x.Fact).OrderBy(s => s.Id, StringComparer.Ordinal).ToList(),
                _entities.Select(x => x.Fact).OrderBy(e => e.Id, StringComparer.Ordinal).ToList(),
                relations.OrderBy(r => r.Id, StringComparer.Ordinal).ToList())
            {
                Absences = _absences.Select(x => x.Fact).OrderBy(a => a.Id, StringComparer.Ordinal).ToList(),
            };
        }

        /// <summary>A source that is a document names a file shipped in the seeds' documents/ folder.</summary>
        public void CheckDocuments(string folder)
        {
            foreach (var (s, at) in _sources)
                if (s.Document is { } name && (name.Contains('/') || name.Contains('\\') || !File.Exists(Path.Combine(folder, name))))
                    errors.Add(new(at.Where("document"), name, $"no such file in {DisplayPath(folder)}; a document source names a file kept there"));
        }

        /// <summary>Checks the research records against the countries and the templates' items; returns them.</summary>
        public IReadOnlyList<ResearchRecord> CheckResearch(IReadOnlyList<GapTemplate> templates)
        {
            var items = templates.SelectMany(t => t.Items.Select(i => i.Id)).ToHashSet(StringComparer.Ordinal);
            var seen = new Dictionary<(string, string), string>();
            foreach (var (r, at) in _research)
            {
                if (KindOf(r.Country) != EntityKind.Country) errors.Add(new(at.Where("country"), r.Country, "not a Country entity of the seeds"));
                if (!items.Contains(r.Item)) errors.Add(new(at.Where("item"), r.Item, "no gap template has this item"));
                if (seen.TryGetValue((r.Country, r.Item), out var first))
                    errors.Add(new(at.Where("item"), r.Item, $"a research record for this country and item exists (at {first}); extend it"));
                else seen[(r.Country, r.Item)] = at.Where("item");
                if (r.Consulted.Count == 0) errors.Add(new(at.Where("consulted"), null, "say what was consulted: at least one source, address or search"));
                foreach (var step in r.Consulted)
                    if (step.Source is { } id && !SourceExists(id)) errors.Add(new(at.Where("consulted"), id, "unknown source id"));
            }
            return _research.Select(x => x.Record).ToList();
        }

        private Source ReadSource(YamlFields f) => new(
            f.Text("id", required: true) ?? "",
            f.Text("title", required: true) ?? "",
            f.Text("publisher"),
            f.Date("published"),
            f.Text("url"),
            f.Text("document"),
            f.Enum("kind", ParseSourceKind, "source kind (official, primary, secondary or press)", required: true) ?? SourceKind.Secondary,
            f.Day("retrieved"))
        {
            Language = f.Text("language"),
        };

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
            Cite(f, "sources"));

        private Relation ReadRelation(YamlFields f)
        {
            var type = f.Enum("type", t => (Vocabulary.TryParseType(t, out var r), r), "relation type (see graph-seeds/README.md)", required: true);
            var from = f.Text("from", required: true) ?? "";
            var to = f.Text("to", required: true) ?? "";
            var id = f.Text("id") ?? DefaultRelationId(from, type, to);
            var dates = ReadDates(f, type);
            Alignment? alignment = null;
            if (f.Text("alignment") is { } text)
            {
                if (Enum.TryParse<Alignment>(text, true, out var a) && text.All(char.IsLetter)) alignment = a;
                else errors.Add(new(f.Where("alignment"), text, "alignment must be FULL, PARTIAL or DRAFT"));
            }
            Retraction? retracted = null;
            if (f.Mapping("retracted") is { } node)
            {
                var r = new YamlFields(f.File, node, RetractionKeys, errors);
                var at = r.Day("at");
                retracted = new Retraction(
                    r.Text("reason", required: true) ?? "",
                    at is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.UnixEpoch,
                    Cite(r, "sources"));
            }
            return new Relation(
                id,
                type ?? RelationType.COOPERATES_WITH,
                from,
                to,
                dates.ValidFrom,
                dates.ValidTo,
                f.Text("role"),
                ReadConfidence(f),
                f.Attributes("attributes"),
                Cite(f, "sources"),
                retracted)
            {
                OccurredOn = dates.OccurredOn,
                AttestedOn = dates.AttestedOn,
                Alignment = alignment,
            };
        }

        /// <summary>
        /// The dates of a relation by its type: an act takes occurredOn, a state validFrom/validTo; an older file's
        /// 'date' (or an act's lone 'validFrom') means whichever the type has.
        /// </summary>
        private (PartialDate? OccurredOn, PartialDate? ValidFrom, PartialDate? ValidTo, PartialDate? AttestedOn) ReadDates(YamlFields f, RelationType? type)
        {
            var occurred = f.Date("occurredOn");
            var validFrom = f.Date("validFrom");
            var validTo = f.Date("validTo");
            var date = f.Date("date");
            var attested = f.Date("attestedOn");
            if (f.Has("date") && (f.Has("validFrom") || f.Has("occurredOn")))
                errors.Add(new(f.Where("date"), null, "'date' is the older name of occurredOn (an act) or validFrom (a state): give one date field, not both"));
            if (type is not { } t) return (occurred, validFrom, validTo, attested);
            var name = t.ToString();
            if (Vocabulary.Info(t).IsAct)
            {
                if (f.Has("validTo"))
                    errors.Add(new(f.Where("validTo"), validTo?.ToString(), $"{name} is an act: it happened on a date (occurredOn) and has no end; a period belongs to a state (APPLIES, PARTY_TO, MEMBER_OF, ...)"));
                if (f.Has("validFrom") && f.Has("occurredOn"))
                    errors.Add(new(f.Where("validFrom"), validFrom?.ToString(), $"{name} is an act: give its date as occurredOn only"));
                return (occurred ?? date ?? validFrom, null, null, attested);
            }
            if (f.Has("occurredOn"))
                errors.Add(new(f.Where("occurredOn"), occurred?.ToString(), $"{name} is a state: it holds from validFrom until validTo; occurredOn is for acts"));
            return (null, validFrom ?? date, validTo, attested);
        }

        private Absence ReadAbsence(YamlFields f)
        {
            var type = f.Enum("type", t => (Vocabulary.TryParseType(t, out var r), r), "relation type (see graph-seeds/README.md)", required: true);
            var from = f.Text("from");
            var to = f.Text("to");
            EntityKind? kind = f.Enum("kind", t => (Vocabulary.TryParseKind(t, out var k), k), "entity kind", required: false);
            if (from is null && to is null) errors.Add(new(f.Where("type"), null, "an absence names its subject ('from'), its object ('to'), or both"));
            var id = f.Text("id") ?? $"no-{DefaultRelationId(from ?? "any", type, to ?? "any")}";
            return new Absence(id, from, type ?? RelationType.COOPERATES_WITH, to, kind, f.Date("validFrom"), f.Date("validTo"),
                ReadConfidence(f), Cite(f, "sources"), f.Text("note")) { Role = f.Text("role") };
        }

        private ResearchRecord ReadResearch(YamlFields f)
        {
            var outcome = f.Enum("status", ParseOutcome, "research status (found, absence-documented or not-found)", required: true) ?? ResearchOutcome.NotFound;
            var steps = new List<ResearchStep>();
            foreach (var node in f.Mappings("consulted"))
            {
                var s = new YamlFields(f.File, node, StepKeys, errors);
                var step = new ResearchStep(s.Text("source"), s.Text("url"), s.Text("query"), s.Text("result", required: true) ?? "");
                if (step.Source is null && step.Url is null && step.Query is null)
                    errors.Add(new(s.Where("result"), null, "say what was consulted: 'source' (an id), 'url' or 'query'"));
                steps.Add(step);
            }
            var checkedOn = f.Day("checked");
            if (checkedOn is null && !f.Has("checked")) errors.Add(new(f.Where("country"), null, "missing required field 'checked' (the day the research was done)"));
            return new ResearchRecord(f.Text("country", required: true) ?? "", f.Text("item", required: true) ?? "", checkedOn ?? default,
                outcome, steps, f.Text("conclusion", required: true) ?? "");
        }

        private List<Citation> Cite(YamlFields f, string field)
        {
            var cited = f.Citations(field);
            _citations.AddRange(cited);
            return cited.Select(c => c.Citation).ToList();
        }

        private static Confidence ReadConfidence(YamlFields f) =>
            f.Enum("confidence", t => (Enum.TryParse<Confidence>(t, false, out var c) && t.Length == 1, c), "confidence (H, M or L)", required: true) ?? Confidence.L;

        private static (bool, SourceKind) ParseSourceKind(string text) => text switch
        {
            "official" => (true, SourceKind.Official),
            "primary" => (true, SourceKind.Primary),
            "secondary" => (true, SourceKind.Secondary),
            "press" => (true, SourceKind.Press),
            _ => (false, default),
        };

        private static (bool, ResearchOutcome) ParseOutcome(string text) => text switch
        {
            "found" => (true, ResearchOutcome.Found),
            "absence-documented" => (true, ResearchOutcome.AbsenceDocumented),
            "not-found" => (true, ResearchOutcome.NotFound),
            _ => (false, default),
        };
    }

    /// <summary>The id a relation gets when the seed gives none: from-type-to, e.g. fr-founded-wb3c.</summary>
    public static string DefaultRelationId(string from, RelationType? type, string to) =>
        $"{from}-{(type?.ToString() ?? "relation").ToLowerInvariant().Replace('_', '-')}-{to}";
}
