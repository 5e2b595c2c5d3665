using Wb6Graph.Model;

namespace Wb6Graph.Seeds;

/// <summary>What the rules need to know about the rest of the graph.</summary>
public interface IFactContext
{
    EntityKind? KindOf(string entityId);

    bool SourceExists(string sourceId);
}

/// <summary>
/// The rules every fact obeys, whether it comes from a seed file or an API write.
/// <paramref name="where"/> turns a field name into a location: file:line:column for seeds, an input path for the API.
/// </summary>
public static class FactRules
{
    public static void CheckSource(Source s, Func<string, string> where, List<ValidationError> errors)
    {
        CheckId(s.Id, where("id"), errors);
        if (string.IsNullOrWhiteSpace(s.Title)) errors.Add(new(where("title"), null, "a source needs a title"));
        if (string.IsNullOrWhiteSpace(s.Url) && string.IsNullOrWhiteSpace(s.Document))
            errors.Add(new(where("id"), s.Id, "a source needs a url or a document name"));
        if (s.Url is { Length: > 0 } url && !IsHttpUrl(url))
            errors.Add(new(where("url"), url, "a source url must be an absolute http or https address"));
    }

    public static void CheckEntity(Entity e, IFactContext ctx, Func<string, string> where, List<ValidationError> errors)
    {
        CheckId(e.Id, where("id"), errors);
        if (string.IsNullOrWhiteSpace(e.Name)) errors.Add(new(where("name"), null, "an entity needs a name"));
        if (e.Country is { } country)
        {
            var kind = ctx.KindOf(country);
            if (kind is null) errors.Add(new(where("country"), country, "unknown country id"));
            else if (kind != EntityKind.Country) errors.Add(new(where("country"), country, $"'{country}' is a {kind}, not a Country"));
        }
        CheckDates(e.ValidFrom, e.ValidTo, where, errors);
        CheckSources(e.Sources, ctx, where, errors, "an entity");
        CheckAttributes(e.Attributes, where, errors);
    }

    public static void CheckRelation(Relation r, IFactContext ctx, Func<string, string> where, List<ValidationError> errors)
    {
        CheckId(r.Id, where("id"), errors);
        if (ctx.KindOf(r.From) is null) errors.Add(new(where("from"), r.From, "unknown entity id"));
        if (ctx.KindOf(r.To) is null) errors.Add(new(where("to"), r.To, "unknown entity id"));
        if (r.From == r.To) errors.Add(new(where("to"), r.To, "a relation cannot link an entity to itself"));
        CheckDates(r.ValidFrom, r.ValidTo, where, errors);
        CheckSources(r.Sources, ctx, where, errors, "a relation");
        CheckAttributes(r.Attributes, where, errors);
        if (r.Retracted is { } retraction)
        {
            if (string.IsNullOrWhiteSpace(retraction.Reason)) errors.Add(new(where("retracted"), null, "a retraction needs a reason"));
            CheckSources(retraction.Sources, ctx, where, errors, "a retraction");
        }
    }

    public static void CheckId(string id, string where, List<ValidationError> errors)
    {
        if (!Ids.IsValid(id))
            errors.Add(new(where, id, $"an id must be a lower-kebab slug (a-z, 0-9, single hyphens, at most {Ids.MaxLength} characters)"));
    }

    private static void CheckDates(DateOnly? from, DateOnly? to, Func<string, string> where, List<ValidationError> errors)
    {
        if (from is { } f && to is { } t && t <= f)
            errors.Add(new(where("validTo"), Dates.Format(t), $"validTo must be after validFrom ({Dates.Format(f)})"));
    }

    private static void CheckSources(IReadOnlyList<string> sources, IFactContext ctx, Func<string, string> where, List<ValidationError> errors, string what)
    {
        if (sources.Count == 0) errors.Add(new(where("sources"), null, $"{what} needs at least one source"));
        foreach (var id in sources)
            if (!ctx.SourceExists(id)) errors.Add(new(where("sources"), id, "unknown source id"));
    }

    private static void CheckAttributes(IReadOnlyList<AttributeValue> attributes, Func<string, string> where, List<ValidationError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in attributes)
        {
            if (string.IsNullOrWhiteSpace(a.Key)) errors.Add(new(where("attributes"), a.Key, "an attribute needs a key"));
            else if (!seen.Add(a.Key)) errors.Add(new(where("attributes"), a.Key, "duplicate attribute key"));
        }
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
