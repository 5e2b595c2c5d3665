using Wb6Graph.Model;

namespace Wb6Graph.Seeds;

/// <summary>The checks of a write's cited sources, shared by both stores, over any lookup of stored sources.</summary>
internal static class WriteChecks
{
    /// <summary>Checks that cited sources exist or are valid new ones; returns the new ones to store.</summary>
    public static IReadOnlyList<Source> CheckSourceRefs(IReadOnlyDictionary<string, Source> stored, SourceRefs refs, string field, List<ValidationError> errors)
    {
        if (refs.IsEmpty) errors.Add(new(field, null, "at least one source is required: an existing source id or a new source"));
        for (var i = 0; i < refs.Ids.Count; i++)
            if (!stored.ContainsKey(refs.Ids[i])) errors.Add(new($"{field}.ids[{i}]", refs.Ids[i], "unknown source id"));
        var fresh = new List<Source>();
        for (var i = 0; i < refs.New.Count; i++)
        {
            var source = refs.New[i] with { Origin = Origin.User };
            var at = $"{field}.new[{i}]";
            FactRules.CheckSource(source, f => $"{at}.{f}", errors);
            if (stored.TryGetValue(source.Id, out var existing))
            {
                if (existing with { Origin = Origin.User } != source)
                    errors.Add(new($"{at}.id", source.Id, "a different source with this id exists; cite it by id or choose another id"));
            }
            else fresh.Add(source);
        }
        return fresh;
    }

    public static void ThrowIfAny(List<ValidationError> errors)
    {
        // A bad source id is found both by the source check and by the fact rules: report it once, where it was given.
        if (errors.Count > 0) throw new GraphValidationException(errors.DistinctBy(e => (e.Value, e.Message)).ToList());
    }
}
