namespace Wb6Graph.Model;

/// <summary>A publication that facts cite.</summary>
public sealed record Source(
    string Id,
    string Title,
    string? Publisher,
    DateOnly? Published,
    string? Url,
    string? Document,
    SourceKind Kind,
    DateOnly? Retrieved = null,
    Origin Origin = Origin.Seed);

/// <summary>An institution, country, person, event or document of the graph.</summary>
public sealed record Entity(
    string Id,
    EntityKind Kind,
    string Name,
    IReadOnlyList<string> Aliases,
    string? Country,
    string? Description,
    IReadOnlyList<AttributeValue> Attributes,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    IReadOnlyList<string> Sources,
    Origin Origin = Origin.Seed)
{
    public bool IsValidOn(DateOnly day) => Validity.Holds(ValidFrom, ValidTo, day);
}

/// <summary>Why and on whose word a relation was withdrawn; the relation itself is kept.</summary>
public sealed record Retraction(string Reason, DateTimeOffset At, IReadOnlyList<string> Sources);

/// <summary>A dated, sourced statement "From Type To".</summary>
public sealed record Relation(
    string Id,
    RelationType Type,
    string From,
    string To,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? Role,
    Confidence Confidence,
    IReadOnlyList<AttributeValue> Attributes,
    IReadOnlyList<string> Sources,
    Retraction? Retracted = null,
    Origin Origin = Origin.Seed)
{
    public bool IsValidOn(DateOnly day) => Validity.Holds(ValidFrom, ValidTo, day);
}

/// <summary>Validity is a half-open interval: a fact holds from ValidFrom (inclusive) until ValidTo (exclusive).</summary>
public static class Validity
{
    public static bool Holds(DateOnly? from, DateOnly? to, DateOnly day) =>
        (from is null || from.Value <= day) && (to is null || day < to.Value);

    /// <summary>Days since 0001-01-01, the compact form the snapshot keeps; int.MinValue / int.MaxValue stand for open ends.</summary>
    public static int FromDay(DateOnly? from) => from?.DayNumber ?? int.MinValue;

    public static int ToDay(DateOnly? to) => to?.DayNumber ?? int.MaxValue;
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
        if (Dates.TryParse(text, out var day))
            return new(key, AttributeType.Date, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            return new(key, AttributeType.Url, text);
        return new(key, AttributeType.String, text);
    }
}

/// <summary>Dates as the seeds and the API write them: YYYY-MM-DD, or YYYY-MM / YYYY for the first day of that month or year.</summary>
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
