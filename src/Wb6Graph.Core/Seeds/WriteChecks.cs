using Wb6Graph.Model;

namespace Wb6Graph.Seeds;

/// <summary>The rules of the API's writes, shared by both stores: cited sources, relation inputs, ends and retractions.</summary>
internal static class WriteChecks
{
    /// <summary>Checks that cited sources exist or are valid new ones; returns the new ones to store.</summary>
    public static IReadOnlyList<Source> CheckSourceRefs(IReadOnlyDictionary<string, Source> stored, SourceRefs refs, string field, List<ValidationError> errors)
    {
        if (refs.IsEmpty) errors.Add(new(field, null, "at least one source is required: an existing source id or a new source"));
        for (var i = 0; i < refs.Ids.Count; i++)
            if (!stored.ContainsKey(refs.Ids[i].Source)) errors.Add(new($"{field}.ids[{i}]", refs.Ids[i].Source, "unknown source id"));
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

    /// <summary>The type and confidence of a relation input, each error named by its field.</summary>
    public static (bool TypeOk, RelationType Type, Confidence Confidence) ParseRelation(RelationInput input, List<ValidationError> errors)
    {
        var typeOk = Vocabulary.TryParseType(input.Type, out var type);
        if (!typeOk) errors.Add(new("input.type", input.Type, "unknown relation type"));
        var confidence = Confidence.M;
        if (input.Confidence is null) errors.Add(new("input.confidence", null, "confidence is required (H, M or L)"));
        else if (input.Confidence.Length != 1 || !Enum.TryParse(input.Confidence, false, out confidence))
            errors.Add(new("input.confidence", input.Confidence, "confidence must be H, M or L"));
        return (typeOk, type, confidence);
    }

    public static ValidationError RelationIdTaken(string id) =>
        new("input.id", id, "a relation with this id exists; give another id (relations are never overwritten: end or retract the old one)");

    /// <summary>The relation a user's input describes, citing its sources and the new ones it brings.</summary>
    public static Relation NewRelation(RelationInput input, string id, RelationType type, Confidence confidence, List<ValidationError> errors)
    {
        Alignment? alignment = null;
        if (input.Alignment is { } text)
        {
            if (Enum.TryParse<Alignment>(text, true, out var a) && text.All(char.IsLetter)) alignment = a;
            else errors.Add(new("input.alignment", text, "alignment must be FULL, PARTIAL or DRAFT"));
        }
        return new(id, type, input.From, input.To, input.ValidFrom, input.ValidTo, input.Role, confidence, input.Attributes ?? [],
            Cited(input.Sources), null, Origin.User)
        {
            OccurredOn = input.OccurredOn,
            AttestedOn = input.AttestedOn,
            Alignment = alignment,
        };
    }

    /// <summary>Ending brings the end forward (a strategy replaced early); it never extends a fact. Acts do not end.</summary>
    public static void CheckEnd(string id, Relation existing, PartialDate validTo, List<ValidationError> errors)
    {
        if (existing.Retracted is not null) errors.Add(new("id", id, "the relation is retracted; it cannot be ended"));
        if (existing.IsAct)
            errors.Add(new("id", id, $"{existing.Type} is an act: it happened and stays history; retract it if it was wrong"));
        if (existing.ValidTo is { } ended && validTo.First >= ended.First)
            errors.Add(new("validTo", validTo.ToString(), $"the relation already ends on {ended}; endRelation can only bring that date forward"));
        if ((existing.ValidFrom ?? existing.AttestedOn) is { } from && validTo.Last <= from.First)
            errors.Add(new("validTo", validTo.ToString(), $"validTo must be after the relation's start ({from})"));
    }

    public static Relation Ended(Relation existing, PartialDate validTo, SourceRefs sources) => existing with
    {
        ValidTo = validTo,
        Sources = existing.Sources.Concat(Cited(sources)).DistinctBy(c => c.Source).ToList(),
        Origin = Origin.User,
    };

    public static void CheckRetraction(string id, Relation existing, string reason, List<ValidationError> errors)
    {
        if (existing.Retracted is not null) errors.Add(new("id", id, "the relation is already retracted"));
        if (string.IsNullOrWhiteSpace(reason)) errors.Add(new("reason", reason, "a retraction needs a reason"));
    }

    public static Relation Retracted(Relation existing, string reason, SourceRefs sources) =>
        existing with { Retracted = new Retraction(reason.Trim(), DateTimeOffset.UtcNow, Cited(sources)), Origin = Origin.User };

    /// <summary>
    /// The ids a write cites: the stored sources it names and the new ones it brings, each once. A new source that is
    /// already stored as it is (the same MoU cited by a second write) is cited too; only a different one is an error.
    /// </summary>
    public static List<Citation> Cited(SourceRefs sources) =>
        sources.Ids.Concat(sources.New.Select(n => new Citation(n.Id))).DistinctBy(c => c.Source).ToList();

    public static void ThrowIfAny(List<ValidationError> errors)
    {
        // A bad source id is found both by the source check and by the fact rules: report it once, where it was given.
        if (errors.Count > 0) throw new GraphValidationException(errors.DistinctBy(e => (e.Value, e.Message)).ToList());
    }
}
