using Wb6Graph.Model;

namespace Wb6Graph.Seeds;

/// <summary>
/// The seed rules applied to a graph that did not come from YAML (a JSON export, a test graph): locations are
/// record paths such as <c>export.json: relations[12].to</c>.
/// </summary>
public static class GraphValidator
{
    public static IReadOnlyList<ValidationError> Validate(SeedGraph graph, string origin)
    {
        var errors = new List<ValidationError>();
        var context = new Context(graph);
        Duplicates(graph.Sources.Select(s => s.Id), "sources", origin, errors);
        Duplicates(graph.Entities.Select(e => e.Id), "entities", origin, errors);
        Duplicates(graph.Relations.Select(r => r.Id), "relations", origin, errors);
        Duplicates(graph.Absences.Select(a => a.Id), "absences", origin, errors);
        for (var i = 0; i < graph.Sources.Count; i++)
            FactRules.CheckSource(graph.Sources[i], f => $"{origin}: sources[{i}].{f}", errors);
        for (var i = 0; i < graph.Entities.Count; i++)
            FactRules.CheckEntity(graph.Entities[i], context, f => $"{origin}: entities[{i}].{f}", errors);
        for (var i = 0; i < graph.Relations.Count; i++)
            FactRules.CheckRelation(graph.Relations[i], context, f => $"{origin}: relations[{i}].{f}", errors);
        for (var i = 0; i < graph.Absences.Count; i++)
            FactRules.CheckAbsence(graph.Absences[i], context, f => $"{origin}: absences[{i}].{f}", errors);
        var index = graph.Absences.Select((a, i) => (a.Id, i)).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        foreach (var (absence, message) in FactRules.Conflicts(graph.Absences, graph.Relations, context))
            errors.Add(new($"{origin}: absences[{index[absence.Id]}].id", absence.Id, message));
        return errors;
    }

    private static void Duplicates(IEnumerable<string> ids, string list, string origin, List<ValidationError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var id in ids)
        {
            if (!seen.Add(id)) errors.Add(new($"{origin}: {list}[{i}].id", id, $"duplicate id in {list}"));
            i++;
        }
    }

    private sealed class Context(SeedGraph graph) : IFactContext
    {
        private readonly Dictionary<string, Entity> _entities = graph.Entities.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        private readonly HashSet<string> _sources = graph.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);

        public EntityKind? KindOf(string entityId) => _entities.TryGetValue(entityId, out var e) ? e.Kind : null;

        public Entity? EntityOf(string entityId) => _entities.GetValueOrDefault(entityId);

        public bool SourceExists(string sourceId) => _sources.Contains(sourceId);
    }
}
