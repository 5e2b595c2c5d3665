using System.Text.RegularExpressions;

namespace Wb6Graph.Model;

/// <summary>Ids are lower-kebab slugs: stable, readable, never database-internal.</summary>
public static partial class Ids
{
    public const int MaxLength = 120;

    public static bool IsValid(string? id) => id is { Length: > 0 and <= MaxLength } && SlugPattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
