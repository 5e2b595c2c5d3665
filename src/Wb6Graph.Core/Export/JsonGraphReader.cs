using System.Globalization;
using System.Text.Json;
using Wb6Graph.Model;

namespace Wb6Graph.Export;

/// <summary>Reads what <see cref="JsonGraphExporter"/> writes back into the records it was written from.</summary>
public static class JsonGraphReader
{
    private static readonly JsonSerializerOptions _options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <exception cref="InvalidDataException">The stream is not a graph export; the message says which record and field.</exception>
    public static async Task<SeedGraph> ReadAsync(Stream input, CancellationToken ct = default)
    {
        GraphDto? dto;
        try
        {
            dto = await JsonSerializer.DeserializeAsync<GraphDto>(input, _options, ct);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Not a graph export: {e.Message}", e);
        }
        if (dto is null) throw new InvalidDataException("Not a graph export: the document is null.");

        return new SeedGraph(
            [.. (dto.Sources ?? []).Select((s, i) => ToSource(s, $"sources[{i}]"))],
            [.. (dto.Entities ?? []).Select((e, i) => ToEntity(e, $"entities[{i}]"))],
            [.. (dto.Relations ?? []).Select((r, i) => ToRelation(r, $"relations[{i}]"))])
        {
            Absences = [.. (dto.Absences ?? []).Select((a, i) => ToAbsence(a, $"absences[{i}]"))],
        };
    }

    private static Entity ToEntity(EntityDto e, string at) => new(
        Required(e.Id, at, "id"),
        ParseEnum<EntityKind>(e.Kind, at, "kind"),
        Required(e.Name, at, "name"),
        e.Aliases ?? [],
        e.Country,
        e.Description,
        ToAttributes(e.Attributes, at),
        ParseDate(e.ValidFrom, at, "validFrom"),
        ParseDate(e.ValidTo, at, "validTo"),
        ToCitations(e.Sources, at, "sources"),
        ParseOrigin(e.Origin, at));

    private static Relation ToRelation(RelationDto r, string at) => new(
        Required(r.Id, at, "id"),
        ParseEnum<RelationType>(r.Type, at, "type"),
        Required(r.From, at, "from"),
        Required(r.To, at, "to"),
        ParseDate(r.ValidFrom, at, "validFrom"),
        ParseDate(r.ValidTo, at, "validTo"),
        r.Role,
        ParseEnum<Confidence>(r.Confidence, at, "confidence"),
        ToAttributes(r.Attributes, at),
        ToCitations(r.Sources, at, "sources"),
        r.Retracted is null ? null : new Retraction(
            Required(r.Retracted.Reason, at, "retracted.reason"),
            ParseTimestamp(r.Retracted.At, at),
            ToCitations(r.Retracted.Sources, at, "retracted.sources")),
        ParseOrigin(r.Origin, at))
    {
        OccurredOn = ParseDate(r.OccurredOn, at, "occurredOn"),
        AttestedOn = ParseDate(r.AttestedOn, at, "attestedOn"),
        Alignment = r.Alignment is null ? null : ParseEnum<Alignment>(r.Alignment, at, "alignment", ignoreCase: true),
    };

    private static Absence ToAbsence(AbsenceDto a, string at) => new(
        Required(a.Id, at, "id"),
        a.From,
        ParseEnum<RelationType>(a.Type, at, "type"),
        a.To,
        a.Kind is null ? null : ParseEnum<EntityKind>(a.Kind, at, "kind"),
        ParseDate(a.ValidFrom, at, "validFrom"),
        ParseDate(a.ValidTo, at, "validTo"),
        ParseEnum<Confidence>(a.Confidence, at, "confidence"),
        ToCitations(a.Sources, at, "sources"),
        a.Note,
        ParseOrigin(a.Origin, at))
    {
        Role = a.Role,
    };

    private static Source ToSource(SourceDto s, string at) => new(
        Required(s.Id, at, "id"),
        Required(s.Title, at, "title"),
        s.Publisher,
        ParseDate(s.Published, at, "published"),
        s.Url,
        s.Document,
        ParseEnum<SourceKind>(s.Kind, at, "kind", ignoreCase: true),
        ParseDay(s.Retrieved, at, "retrieved"),
        ParseOrigin(s.Origin, at))
    {
        Language = s.Language,
    };

    /// <summary>Each citation is a source id or an object {source, locator, note}.</summary>
    private static List<Citation> ToCitations(List<JsonElement>? items, string at, string field)
    {
        var result = new List<Citation>();
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var item = items![i];
            if (item.ValueKind == JsonValueKind.String) result.Add(new Citation(item.GetString()!));
            else if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.String)
                result.Add(new Citation(source.GetString()!, Text(item, "locator"), Text(item, "note")));
            else throw new InvalidDataException($"{at}.{field}[{i}]: a citation is a source id or an object with 'source'");
        }
        return result;

        static string? Text(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }

    private static IReadOnlyList<AttributeValue> ToAttributes(List<AttributeDto>? attributes, string at) =>
        [.. (attributes ?? []).Select((a, i) => new AttributeValue(
            Required(a.Key, at, $"attributes[{i}].key"),
            ParseEnum<AttributeType>(a.Type, at, $"attributes[{i}].type"),
            a.Value ?? ""))];

    private static string Required(string? value, string at, string field) =>
        value ?? throw new InvalidDataException($"{at}.{field}: required");

    private static Origin ParseOrigin(string? text, string at) =>
        text is null ? Origin.Seed : ParseEnum<Origin>(text, at, "origin", ignoreCase: true);

    private static T ParseEnum<T>(string? text, string at, string field, bool ignoreCase = false)
        where T : struct, Enum
    {
        // Enum.TryParse also takes "3" and "1,2"; an export only ever holds names.
        if (text is { Length: > 0 } && char.IsLetter(text[0]) && !text.Contains(',')
            && Enum.TryParse<T>(text, ignoreCase, out var value) && Enum.IsDefined(value))
            return value;
        throw new InvalidDataException($"{at}.{field}: '{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}");
    }

    private static PartialDate? ParseDate(string? text, string at, string field)
    {
        if (text is null) return null;
        return PartialDate.TryParse(text, out var date)
            ? date
            : throw new InvalidDataException($"{at}.{field}: '{text}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
    }

    private static DateOnly? ParseDay(string? text, string at, string field)
    {
        if (text is null) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new InvalidDataException($"{at}.{field}: '{text}' is not a YYYY-MM-DD date");
    }

    private static DateTimeOffset ParseTimestamp(string? text, string at) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value)
            ? value
            : throw new InvalidDataException($"{at}.retracted.at: '{text}' is not an ISO 8601 timestamp");

    // Plain string fields so that a bad enum or date is reported with its record, not as a bare JsonException.
    private sealed record GraphDto(List<EntityDto>? Entities, List<RelationDto>? Relations, List<AbsenceDto>? Absences, List<SourceDto>? Sources);

    private sealed record EntityDto(
        string? Id, string? Kind, string? Name, List<string>? Aliases, string? Country, string? Description,
        List<AttributeDto>? Attributes, string? ValidFrom, string? ValidTo, List<JsonElement>? Sources, string? Origin);

    private sealed record RelationDto(
        string? Id, string? Type, string? From, string? To, string? OccurredOn, string? ValidFrom, string? ValidTo, string? AttestedOn,
        string? Role, string? Alignment, string? Confidence, List<AttributeDto>? Attributes, List<JsonElement>? Sources,
        RetractionDto? Retracted, string? Origin);

    private sealed record AbsenceDto(
        string? Id, string? From, string? Type, string? To, string? Kind, string? Role, string? ValidFrom, string? ValidTo, string? Confidence,
        string? Note, List<JsonElement>? Sources, string? Origin);

    private sealed record RetractionDto(string? Reason, string? At, List<JsonElement>? Sources);

    private sealed record SourceDto(
        string? Id, string? Title, string? Publisher, string? Published, string? Url, string? Document,
        string? Kind, string? Language, string? Retrieved, string? Origin);

    private sealed record AttributeDto(string? Key, string? Type, string? Value);
}
