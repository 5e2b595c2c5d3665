using YamlDotNet.RepresentationModel;
using Wb6Graph.Model;

namespace Wb6Graph.Seeds;

/// <summary>
/// Reads the fields of one YAML mapping and reports, with file:line:column, every field that is unknown,
/// missing or of the wrong shape. It never throws: a broken fact yields errors and defaults, so that one
/// run reports all problems at once.
/// </summary>
internal sealed class YamlFields
{
    private readonly string _file;
    private readonly YamlMappingNode _node;
    private readonly List<ValidationError> _errors;
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);

    public YamlFields(string file, YamlMappingNode node, IReadOnlyCollection<string> allowed, List<ValidationError> errors)
    {
        _file = file;
        _node = node;
        _errors = errors;
        foreach (var (keyNode, value) in node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(key))
                errors.Add(new(At(keyNode), key, $"unknown field; expected one of: {string.Join(", ", allowed)}"));
            else if (!_values.TryAdd(key, value))
                errors.Add(new(At(keyNode), key, "field given twice"));
        }
    }

    public string File => _file;

    public string At(YamlNode node) => $"{_file}:{node.Start.Line}:{node.Start.Column}";

    /// <summary>Where a field is, or where its mapping starts if the field is absent.</summary>
    public string Where(string field) => _values.TryGetValue(field, out var node) ? At(node) : At(_node);

    public bool Has(string field) => _values.ContainsKey(field);

    public string? Text(string field, bool required = false)
    {
        if (!_values.TryGetValue(field, out var node))
        {
            if (required) _errors.Add(new(At(_node), null, $"missing required field '{field}'"));
            return null;
        }
        if (node is YamlScalarNode { Value: var value })
        {
            if (string.IsNullOrWhiteSpace(value) && required)
                _errors.Add(new(At(node), value, $"field '{field}' must not be empty"));
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }
        _errors.Add(new(At(node), null, $"field '{field}' must be a plain value, not a list or mapping"));
        return null;
    }

    /// <summary>A date to the day, month or year, kept at the precision it is written with.</summary>
    public PartialDate? Date(string field)
    {
        var text = Text(field);
        if (text is null) return null;
        if (PartialDate.TryParse(text, out var date)) return date;
        _errors.Add(new(At(_values[field]), text, $"bad date in '{field}'; write YYYY-MM-DD, YYYY-MM or YYYY"));
        return null;
    }

    /// <summary>A date that must be a whole day (the day a page was read).</summary>
    public DateOnly? Day(string field)
    {
        var date = Date(field);
        if (date is { IsExact: false } d)
        {
            _errors.Add(new(At(_values[field]), d.ToString(), $"'{field}' must be a day, YYYY-MM-DD"));
            return null;
        }
        return date?.First;
    }

    /// <summary>
    /// The sources a fact cites: each item a source id, or a mapping {source, locator, note} that says where in the
    /// source and what it says. Returns each citation with where it was written.
    /// </summary>
    public IReadOnlyList<(Citation Citation, string Where, bool Detailed)> Citations(string field)
    {
        if (!_values.TryGetValue(field, out var node)) return [];
        var items = node switch
        {
            YamlSequenceNode seq => seq.Children,
            YamlScalarNode or YamlMappingNode => [node],
            _ => [],
        };
        var result = new List<(Citation, string, bool)>();
        foreach (var item in items)
        {
            switch (item)
            {
                case YamlScalarNode { Value: { Length: > 0 } id }:
                    result.Add((new Citation(id.Trim()), At(item), false));
                    break;
                case YamlMappingNode map:
                    var f = new YamlFields(_file, map, CitationKeys, _errors);
                    result.Add((new Citation(f.Text("source", required: true) ?? "", f.Text("locator"), f.Text("note")), At(item), true));
                    break;
                default:
                    _errors.Add(new(At(item), null, $"each item of '{field}' must be a source id or a mapping {{source, locator, note}}"));
                    break;
            }
        }
        return result;
    }

    private static readonly string[] CitationKeys = ["source", "locator", "note"];

    public bool? Bool(string field)
    {
        var text = Text(field);
        if (text is null) return null;
        if (text is "true" or "false") return text == "true";
        _errors.Add(new(At(_values[field]), text, $"field '{field}' must be true or false"));
        return null;
    }

    public TEnum? Enum<TEnum>(string field, Func<string, (bool Ok, TEnum Value)> parse, string what, bool required)
        where TEnum : struct
    {
        var text = Text(field, required);
        if (text is null) return null;
        var (ok, value) = parse(text);
        if (ok) return value;
        _errors.Add(new(At(_values[field]), text, $"unknown {what}"));
        return null;
    }

    /// <summary>A list of plain values; a single plain value is read as a list of one.</summary>
    public IReadOnlyList<(string Value, string Where)> List(string field)
    {
        if (!_values.TryGetValue(field, out var node)) return [];
        switch (node)
        {
            case YamlScalarNode { Value: { Length: > 0 } single }:
                return [(single.Trim(), At(node))];
            case YamlScalarNode:
                return [];
            case YamlSequenceNode seq:
                var items = new List<(string, string)>();
                foreach (var item in seq.Children)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } v }) items.Add((v.Trim(), At(item)));
                    else _errors.Add(new(At(item), null, $"each item of '{field}' must be a plain value"));
                }
                return items;
            default:
                _errors.Add(new(At(node), null, $"field '{field}' must be a list"));
                return [];
        }
    }

    public IReadOnlyList<AttributeValue> Attributes(string field)
    {
        if (!_values.TryGetValue(field, out var node)) return [];
        if (node is not YamlMappingNode map)
        {
            _errors.Add(new(At(node), null, $"field '{field}' must be a mapping of key: value"));
            return [];
        }
        var result = new List<AttributeValue>();
        foreach (var (k, v) in map.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            if (v is YamlScalarNode { Value: { } text }) result.Add(AttributeValue.Infer(key, text));
            else if (v is YamlSequenceNode seq && seq.Children.All(c => c is YamlScalarNode))
                result.Add(new(key, AttributeType.String, string.Join("; ", seq.Children.Cast<YamlScalarNode>().Select(c => c.Value))));
            else _errors.Add(new(At(v), key, "an attribute value must be a plain value or a list of plain values"));
        }
        return result;
    }

    public YamlMappingNode? Mapping(string field)
    {
        if (!_values.TryGetValue(field, out var node)) return null;
        if (node is YamlMappingNode map) return map;
        _errors.Add(new(At(node), null, $"field '{field}' must be a mapping"));
        return null;
    }

    /// <summary>A list of lists of mappings (the partial patterns of a gap item), each inner list in order.</summary>
    public IEnumerable<IReadOnlyList<YamlMappingNode>> Sequences(string field)
    {
        if (!_values.TryGetValue(field, out var node)) yield break;
        if (node is not YamlSequenceNode outer)
        {
            _errors.Add(new(At(node), null, $"'{field}' must be a list of patterns, each a list of steps"));
            yield break;
        }
        foreach (var item in outer.Children)
        {
            if (item is not YamlSequenceNode inner)
            {
                _errors.Add(new(At(item), null, $"each item of '{field}' must be a list of steps"));
                continue;
            }
            var steps = new List<YamlMappingNode>();
            foreach (var step in inner.Children)
            {
                if (step is YamlMappingNode map) steps.Add(map);
                else _errors.Add(new(At(step), null, "each step must be a mapping"));
            }
            yield return steps;
        }
    }

    public IEnumerable<YamlMappingNode> Mappings(string field)
    {
        if (!_values.TryGetValue(field, out var node)) yield break;
        if (node is not YamlSequenceNode seq)
        {
            _errors.Add(new(At(node), null, $"'{field}' must be a list"));
            yield break;
        }
        foreach (var item in seq.Children)
        {
            if (item is YamlMappingNode map) yield return map;
            else _errors.Add(new(At(item), null, $"each item of '{field}' must be a mapping"));
        }
    }
}
