namespace Wb6Graph.Model;

/// <summary>
/// The sources a write cites: stored sources by id (each with its locator and note, when given), and new sources given
/// inline, cited without them.
/// </summary>
public sealed record SourceRefs(IReadOnlyList<Citation> Ids, IReadOnlyList<Source> New)
{
    public static SourceRefs Of(params string[] ids) => new(ids.Select(id => new Citation(id)).ToList(), []);

    public bool IsEmpty => Ids.Count == 0 && New.Count == 0;
}

public sealed record EntityInput(
    string Id,
    string Kind,
    string Name,
    IReadOnlyList<string>? Aliases,
    string? Country,
    string? Description,
    IReadOnlyList<AttributeValue>? Attributes,
    PartialDate? ValidFrom,
    PartialDate? ValidTo,
    SourceRefs Sources);

public sealed record RelationInput(
    string? Id,
    string Type,
    string From,
    string To,
    PartialDate? ValidFrom,
    PartialDate? ValidTo,
    string? Role,
    string? Confidence,
    IReadOnlyList<AttributeValue>? Attributes,
    SourceRefs Sources)
{
    /// <summary>For an act: when it happened.</summary>
    public PartialDate? OccurredOn { get; init; }

    /// <summary>For a state without a known start: the earliest date a source attests it.</summary>
    public PartialDate? AttestedOn { get; init; }

    /// <summary>For ALIGNS_WITH: FULL, PARTIAL or DRAFT.</summary>
    public string? Alignment { get; init; }
}

/// <summary>One thing wrong with a write or a seed file: where (a field, or file:line:column), the bad value, and what is wrong.</summary>
public sealed record ValidationError(string Where, string? Value, string Message)
{
    /// <summary>`where: message (got 'value')`, without the value when the message already quotes it.</summary>
    public override string ToString() =>
        Value is null || (Value.Length > 0 && Message.Contains($"'{Value}'", StringComparison.Ordinal)) ? $"{Where}: {Message}" : $"{Where}: {Message} (got '{Value}')";
}

/// <summary>A write or load refused as a whole: nothing of it was stored.</summary>
public sealed class GraphValidationException(IReadOnlyList<ValidationError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}

/// <summary>A write or lookup named an id that does not exist.</summary>
public sealed class NotFoundException(string what, string id) : Exception($"{what} '{id}' does not exist")
{
    public string What { get; } = what;
    public string Id { get; } = id;
}
