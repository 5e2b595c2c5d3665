using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Wb6Graph.Neo4j;

/// <summary>
/// Parameter values as Cypher literals, for scripts: a statement of <see cref="Neo4jWrites"/> with its parameters
/// written in runs as it would with them sent apart. Every string is a quoted, escaped literal, so no data can change
/// what a statement does; map keys are our own property names, never data.
/// </summary>
public static partial class CypherLiterals
{
    /// <summary>
    /// The statement with each <c>$name</c> replaced by its value. Every parameter the statement uses must be given and
    /// every one given must be used, as for a request. Our statements hold no '$' in a string or comment (the linter
    /// test checks that the parameters found this way are the ones Neo4j's grammar finds).
    /// </summary>
    public static string Inline(string cypher, IReadOnlyDictionary<string, object?> parameters)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var text = Parameter().Replace(cypher, m =>
        {
            var name = m.Groups[1].Value;
            if (!parameters.TryGetValue(name, out var value))
                throw new ArgumentException($"the statement uses ${name}, which is not given", nameof(parameters));
            used.Add(name);
            return Value(value);
        });
        if (parameters.Keys.FirstOrDefault(k => !used.Contains(k)) is { } unused)
            throw new ArgumentException($"the parameter {unused} is given but the statement does not use it", nameof(parameters));
        return text;
    }

    /// <summary>
    /// A single-quoted Cypher string literal. Backslash and quote are escaped, and every control character
    /// becomes an escape, so the literal is always one line and ends exactly where we close it.
    /// </summary>
    public static string Literal(string? value)
    {
        if (value is null) return "null";
        var sb = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '\'': sb.Append(@"\'"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                case '\t': sb.Append(@"\t"); break;
                case < ' ' or '\u2028' or '\u2029':
                    sb.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('\'').ToString();
    }

    /// <summary>A value as the Query API would receive it in JSON: strings, booleans, integers, lists and maps.</summary>
    public static string Value(object? value) => value switch
    {
        null => "null",
        string text => Literal(text),
        bool b => b ? "true" : "false",
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        IReadOnlyDictionary<string, object?> map => "{" + string.Join(", ", map.Select(p => $"{Key(p.Key)}: {Value(p.Value)}")) + "}",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Value)) + "]",
        _ => throw new ArgumentException($"no Cypher literal for {value.GetType().Name}", nameof(value)),
    };

    private static string Key(string key) =>
        KeyPattern().IsMatch(key) ? key : throw new ArgumentException($"'{key}' is not a property name of ours", nameof(key));

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Parameter();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex KeyPattern();
}
