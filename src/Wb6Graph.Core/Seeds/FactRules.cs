using Wb6Graph.Model;

namespace Wb6Graph.Seeds;

/// <summary>What the rules need to know about the rest of the graph.</summary>
public interface IFactContext
{
    EntityKind? KindOf(string entityId);

    /// <summary>The entity with its dates, for the rules that check an act against its parties' lives.</summary>
    Entity? EntityOf(string entityId);

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
        if (s.Language is { } language && !IsLanguageCode(language))
            errors.Add(new(where("language"), language, "language is an ISO 639-1 code in lower case (en, sq, sr, mk, bs, ...)"));
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
        CheckInterval(e.ValidFrom, e.ValidTo, where, errors);
        CheckSources(e.Sources, ctx, where, errors, "an entity");
        CheckAttributes(e.Attributes, where, errors);
    }

    public static void CheckRelation(Relation r, IFactContext ctx, Func<string, string> where, List<ValidationError> errors)
    {
        CheckId(r.Id, where("id"), errors);
        var info = Vocabulary.Info(r.Type);
        var fromKind = ctx.KindOf(r.From);
        var toKind = ctx.KindOf(r.To);
        if (fromKind is null) errors.Add(new(where("from"), r.From, "unknown entity id"));
        else if (!info.Domain.Contains(fromKind.Value))
            errors.Add(new(where("from"), r.From, $"'{r.From}' is a {fromKind}; {r.Type} goes from {KindList(info.Domain)}"));
        if (toKind is null) errors.Add(new(where("to"), r.To, "unknown entity id"));
        else if (!info.Range.Contains(toKind.Value))
            errors.Add(new(where("to"), r.To, $"'{r.To}' is a {toKind}; {r.Type} goes to {KindList(info.Range)}"));
        if (fromKind is { } fk && toKind is { } tk && info.Excluded.Contains((fk, tk)))
            errors.Add(new(where("to"), r.To, $"a {fk} is not {r.Type} a {tk}"));
        if (r.From == r.To) errors.Add(new(where("to"), r.To, "a relation cannot link an entity to itself"));

        if (info.IsAct)
        {
            if (r.ValidFrom is not null || r.ValidTo is not null)
                errors.Add(new(where(r.ValidTo is not null ? "validTo" : "validFrom"), null,
                    $"{r.Type} is an act: it happened on a date (occurredOn) and has no validity period"));
            if (r.OccurredOn is { } on && fromKind is not null && toKind is not null) CheckActDate(r, on, info, ctx, where, errors);
        }
        else
        {
            if (r.OccurredOn is not null) errors.Add(new(where("occurredOn"), r.OccurredOn.ToString(), $"{r.Type} is a state: it holds from validFrom until validTo; occurredOn is for acts"));
            CheckInterval(r.ValidFrom ?? r.AttestedOn, r.ValidTo, where, errors);
        }
        if (r.Alignment is not null && r.Type != RelationType.ALIGNS_WITH)
            errors.Add(new(where("alignment"), r.Alignment.ToString(), "alignment (FULL, PARTIAL, DRAFT) belongs to ALIGNS_WITH only"));
        CheckSources(r.Sources, ctx, where, errors, "a relation");
        CheckAttributes(r.Attributes, where, errors);
        if (r.Retracted is { } retraction)
        {
            if (string.IsNullOrWhiteSpace(retraction.Reason)) errors.Add(new(where("retracted"), null, "a retraction needs a reason"));
            CheckSources(retraction.Sources, ctx, where, errors, "a retraction");
        }
    }

    public static void CheckAbsence(Absence a, IFactContext ctx, Func<string, string> where, List<ValidationError> errors)
    {
        CheckId(a.Id, where("id"), errors);
        var info = Vocabulary.Info(a.Type);
        if (a.From is { } from)
        {
            var kind = ctx.KindOf(from);
            if (kind is null) errors.Add(new(where("from"), from, "unknown entity id"));
            else if (!info.Domain.Contains(kind.Value)) errors.Add(new(where("from"), from, $"'{from}' is a {kind}; {a.Type} goes from {KindList(info.Domain)}"));
        }
        if (a.To is { } to)
        {
            var kind = ctx.KindOf(to);
            if (kind is null) errors.Add(new(where("to"), to, "unknown entity id"));
            else if (!info.Range.Contains(kind.Value)) errors.Add(new(where("to"), to, $"'{to}' is a {kind}; {a.Type} goes to {KindList(info.Range)}"));
            else if (a.From is { } f && ctx.KindOf(f) is { } fk && info.Excluded.Contains((fk, kind.Value)))
                errors.Add(new(where("to"), to, $"a {fk} is not {a.Type} a {kind}: the absence says nothing"));
        }
        if (a.Kind is { } k)
        {
            if (a.From is not null && a.To is not null) errors.Add(new(where("kind"), k.ToString(), "'kind' narrows the open end; this absence names both ends"));
            else if (!(a.From is null ? info.Domain : info.Range).Contains(k))
                errors.Add(new(where("kind"), k.ToString(), $"{a.Type} never has a {k} at that end"));
        }
        if (a.ValidFrom is null) errors.Add(new(where("validFrom"), null, "an absence needs validFrom: the date from which the source documents it"));
        CheckInterval(a.ValidFrom, a.ValidTo, where, errors);
        CheckSources(a.Sources, ctx, where, errors, "an absence");
    }

    /// <summary>
    /// Documented absences that a stated relation contradicts on some day: both cannot be true, and neither is
    /// silently preferred. Each is reported with the relation and the days they share.
    /// </summary>
    public static IEnumerable<(Absence Absence, string Message)> Conflicts(IReadOnlyList<Absence> absences, IReadOnlyList<Relation> relations, IFactContext ctx)
    {
        if (absences.Count == 0) yield break;
        var byType = relations.Where(r => r.Retracted is null).ToLookup(r => r.Type);
        foreach (var a in absences)
        {
            foreach (var r in byType[a.Type])
            {
                var open = a.OpenEndIsTo ? r.To : r.From;
                if (ctx.KindOf(open) is not { } kind || !a.Denies(r, kind)) continue;
                if (SharedDay(a.ValidFrom, a.ValidTo, r.Start, r.End) is { } day)
                    yield return (a, $"documented absence contradicted by relation '{r.Id}' (both hold on {Dates.Format(day)}): end the absence (validTo) before the relation starts, or retract one of them");
            }
        }
    }

    public static void CheckId(string id, string where, List<ValidationError> errors)
    {
        if (!Ids.IsValid(id))
            errors.Add(new(where, id, $"an id must be a lower-kebab slug (a-z, 0-9, single hyphens, at most {Ids.MaxLength} characters)"));
    }

    /// <summary>An act happens while its parties exist; a transition ends its subject on the act's date.</summary>
    private static void CheckActDate(Relation r, PartialDate on, RelationTypeInfo info, IFactContext ctx, Func<string, string> where, List<ValidationError> errors)
    {
        if (ctx.EntityOf(r.From) is not { } from || ctx.EntityOf(r.To) is not { } to) return;
        if (info.Temporality == Temporality.Transition)
        {
            if (from.ValidTo is not { } end)
                errors.Add(new(where("from"), r.From, $"{r.Type} ends its subject: give '{r.From}' validTo {on} (the act's date)"));
            else if (!end.Overlaps(on))
                errors.Add(new(where("occurredOn"), on.ToString(), $"{r.Type} ends its subject on the act's date, but '{r.From}' ends on {end}"));
            if (to.ValidFrom is { } begun && begun.First > on.Last)
                errors.Add(new(where("occurredOn"), on.ToString(), $"'{r.To}' only begins on {begun}, after the act"));
            return;
        }
        foreach (var (party, field) in new[] { (from, "from"), (to, "to") })
        {
            if (party.ValidFrom is { } begun && begun.First > on.Last)
                errors.Add(new(where("occurredOn"), on.ToString(), $"the act is dated {on}, before '{party.Id}' begins ({begun})"));
            else if (party.ValidTo is { } ended && ended.Last <= on.First)
                errors.Add(new(where("occurredOn"), on.ToString(), $"the act is dated {on}, after '{party.Id}' ended ({ended})"));
        }
    }

    /// <summary>A period must end after it starts: its end's last possible day after its start's first.</summary>
    private static void CheckInterval(PartialDate? from, PartialDate? to, Func<string, string> where, List<ValidationError> errors)
    {
        if (from is { } f && to is { } t && t.Last <= f.First)
            errors.Add(new(where("validTo"), t.ToString(), $"validTo must be after validFrom ({f})"));
    }

    /// <summary>A day on which both possibly-holding intervals hold, or null.</summary>
    private static DateOnly? SharedDay(PartialDate? aFrom, PartialDate? aTo, PartialDate? bFrom, PartialDate? bTo)
    {
        var start = Max(aFrom?.First, bFrom?.First) ?? DateOnly.MinValue;
        var end = Min(aTo?.Last, bTo?.Last) ?? DateOnly.MaxValue;
        return start < end ? start : null;
    }

    private static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateOnly? Min(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static void CheckSources(IReadOnlyList<Citation> sources, IFactContext ctx, Func<string, string> where, List<ValidationError> errors, string what)
    {
        if (sources.Count == 0) errors.Add(new(where("sources"), null, $"{what} needs at least one source"));
        foreach (var c in sources)
            if (!ctx.SourceExists(c.Source)) errors.Add(new(where("sources"), c.Source, "unknown source id"));
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

    private static string KindList(IReadOnlySet<EntityKind> kinds) =>
        kinds.Count == Enum.GetValues<EntityKind>().Length ? "any kind" : string.Join(", ", kinds.Order());

    private static bool IsLanguageCode(string code) => code.Length == 2 && code.All(c => c is >= 'a' and <= 'z');

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
