namespace Wb6Graph.Model;

/// <summary>A publication that facts cite.</summary>
public sealed record Source(
    string Id,
    string Title,
    string? Publisher,
    PartialDate? Published,
    string? Url,
    string? Document,
    SourceKind Kind,
    DateOnly? Retrieved = null,
    Origin Origin = Origin.Seed)
{
    /// <summary>The language the source is written in (ISO 639-1: en, sq, sr, mk, ...).</summary>
    public string? Language { get; init; }
}

/// <summary>
/// A fact's reference to a source: which source, where in it (article, section, page) and, in our own words, what it
/// says that supports the fact. A bare id converts to a citation without locator or note.
/// </summary>
public sealed record Citation(string Source, string? Locator = null, string? Note = null)
{
    public static implicit operator Citation(string source) => new(source);
}

/// <summary>An institution, country, person, event or document of the graph.</summary>
public sealed record Entity(
    string Id,
    EntityKind Kind,
    string Name,
    IReadOnlyList<string> Aliases,
    string? Country,
    string? Description,
    IReadOnlyList<AttributeValue> Attributes,
    PartialDate? ValidFrom,
    PartialDate? ValidTo,
    IReadOnlyList<Citation> Sources,
    Origin Origin = Origin.Seed)
{
    /// <summary>Whether the entity may exist on the day (a start known to the year counts from that year's first day).</summary>
    public bool IsValidOn(DateOnly day) => Validity.Holds(ValidFrom, ValidTo, day);

    /// <summary>Whether it had begun by the day: an entity that has since ended still stands in the history of its acts.</summary>
    public bool HasBegunBy(DateOnly day) => ValidFrom is null || ValidFrom.Value.First <= day;
}

/// <summary>Why and on whose word a relation was withdrawn; the relation itself is kept.</summary>
public sealed record Retraction(string Reason, DateTimeOffset At, IReadOnlyList<Citation> Sources);

/// <summary>How far a national law carries an EU act over: fully, in part, or only in a draft not yet adopted.</summary>
public enum Alignment : byte
{
    Full,
    Partial,
    Draft,
}

/// <summary>
/// A dated, sourced statement "From Type To". Its type says whether it is an <em>act</em> (it happened on
/// <see cref="OccurredOn"/> and stays history from then on) or a <em>state</em> (it holds from
/// <see cref="ValidFrom"/> until <see cref="ValidTo"/>, exclusive, while both its ends exist). A state whose start is not
/// known holds from <see cref="AttestedOn"/>, the earliest date a source attests it.
/// </summary>
public sealed record Relation(
    string Id,
    RelationType Type,
    string From,
    string To,
    PartialDate? ValidFrom,
    PartialDate? ValidTo,
    string? Role,
    Confidence Confidence,
    IReadOnlyList<AttributeValue> Attributes,
    IReadOnlyList<Citation> Sources,
    Retraction? Retracted = null,
    Origin Origin = Origin.Seed)
{
    /// <summary>The day (month, year) an act happened; null for a state.</summary>
    public PartialDate? OccurredOn { get; init; }

    /// <summary>For an undated act or a state without a known start: the earliest date a source attests it, from which it counts.</summary>
    public PartialDate? AttestedOn { get; init; }

    /// <summary>For ALIGNS_WITH: how fully the law carries the EU act over.</summary>
    public Alignment? Alignment { get; init; }

    public bool IsAct => Vocabulary.Info(Type).IsAct;

    /// <summary>When the fact begins to count: an act's date, a state's start, or else the date a source attests it by.</summary>
    public PartialDate? Start => (IsAct ? OccurredOn : ValidFrom) ?? AttestedOn;

    /// <summary>When it stops counting: never for an act, a state's end otherwise.</summary>
    public PartialDate? End => IsAct ? null : ValidTo;

    /// <summary>True when the sources do not date the act or the state's start: it counts from its attestation, or always.</summary>
    public bool StartUnknown => (IsAct ? OccurredOn : ValidFrom) is null;

    /// <summary>Whether the fact (its ends aside) possibly holds on the day.</summary>
    public bool IsValidOn(DateOnly day) => Validity.Holds(Start, End, day);

    /// <summary>Whether it holds on the day only as far as an imprecise date allows (a start known to the year, in that year).</summary>
    public bool IsUncertainOn(DateOnly day) => Validity.Uncertain(Start, End, day);
}

/// <summary>
/// A documented absence, like Wikidata's "no value": a source says that there is no relation of <see cref="Type"/> from
/// <see cref="From"/> (or into <see cref="To"/>) over the interval. One end may be open, optionally narrowed to a
/// <see cref="Kind"/>: "Bosnia and Herzegovina has no state-level national CSIRT" is <c>ba DESIGNATED_AS *</c>,
/// "Kosovo has no competent authority" is <c>* COMPETENT_AUTHORITY_OF xk</c>, "KOS-CERT is not in FIRST" names both ends.
/// Gap reports call an expected link MISSING only on such evidence; without it the link is UNKNOWN.
/// </summary>
public sealed record Absence(
    string Id,
    string? From,
    RelationType Type,
    string? To,
    EntityKind? Kind,
    PartialDate? ValidFrom,
    PartialDate? ValidTo,
    Confidence Confidence,
    IReadOnlyList<Citation> Sources,
    string? Note = null,
    Origin Origin = Origin.Seed)
{
    /// <summary>The role the absent relation would have ("national CSIRT"): a government CSIRT does not contradict it.</summary>
    public string? Role { get; init; }

    public bool IsValidOn(DateOnly day) => Validity.Holds(ValidFrom, ValidTo, day);

    /// <summary>Whether the relation (whose open end is of <paramref name="openEndKind"/>) is one the absence says does not exist.</summary>
    public bool Denies(Relation r, EntityKind openEndKind) =>
        r.Type == Type && (From is null || r.From == From) && (To is null || r.To == To) && (Kind is null || Kind == openEndKind)
        && (Role is null || string.Equals(r.Role, Role, StringComparison.OrdinalIgnoreCase));

    /// <summary>The end left open, if one is: "to" when only From is named, "from" when only To is.</summary>
    public bool OpenEndIsTo => To is null;
}

/// <summary>The type of an attribute value, inferred from the seed text or given by an API client.</summary>
public enum AttributeType : byte
{
    String,
    Integer,
    Number,
    Boolean,
    Date,
    Url,
}

/// <summary>A typed attribute: the text as written plus the type it was read as.</summary>
public sealed record AttributeValue(string Key, AttributeType Type, string Value)
{
    public static AttributeValue Infer(string key, string text)
    {
        if (long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _))
            return new(key, AttributeType.Integer, text);
        if (decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
            return new(key, AttributeType.Number, text);
        if (text is "true" or "false")
            return new(key, AttributeType.Boolean, text);
        if (PartialDate.TryParse(text, out var date))
            return new(key, AttributeType.Date, date.ToString());
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            return new(key, AttributeType.Url, text);
        return new(key, AttributeType.String, text);
    }
}

/// <summary>Days as the API takes them (asOf and other exact days): YYYY-MM-DD, or YYYY-MM / YYYY for the first day of that month or year.</summary>
public static class Dates
{
    public static bool TryParse(string? text, out DateOnly day)
    {
        day = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var style = System.Globalization.DateTimeStyles.None;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", inv, style, out day)
            || (text.Length == 7 && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", inv, style, out day))
            || (text.Length == 4 && DateOnly.TryParseExact(text + "-01-01", "yyyy-MM-dd", inv, style, out day));
    }

    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
