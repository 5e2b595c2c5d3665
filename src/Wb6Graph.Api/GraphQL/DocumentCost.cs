using System.Globalization;
using System.Numerics;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Wb6Graph.Api.GraphQL;

/// <summary>What running an operation may cost: its complexity, its depth, and whether it asks the engine a question.</summary>
internal readonly record struct OperationCost(double Complexity, int Depth, bool AsksEngine);

/// <summary>
/// Prices an operation before anything else looks at it, in time linear in the document: each fragment is priced once
/// (per the few ways it can be reached) and its price multiplied where it is spread, so a document of fragments each
/// spreading the one before twice is priced in microseconds, however large it would grow if written out. A field costs
/// one, times how many of its parent the answer holds; a list multiplies its children by its size
/// (<see cref="ComplexitySizes"/>), a connection by its page. Introspection fields cost one each, unmultiplied.
/// </summary>
internal sealed class DocumentCost
{
    private const double Ceiling = 1e18; // prices above anything a limit can be; keeps the arithmetic finite

    /// <summary>Root fields that run an engine question (traversals, rankings): their work is not their answer's size.</summary>
    private static readonly HashSet<string> EngineQuestions = ["shortestPath", "paths", "neighbourhood", "centrality", "suggestedLinks", "gaps", "gapMatrix"];

    private readonly GraphQLOperationDefinition _operation;
    private readonly ISchema _schema;
    private readonly Inputs? _variables;
    private readonly GraphFigures _figures;
    private readonly int _maxPageSize;
    private readonly Dictionary<(string Fragment, bool Single, double Page), OperationCost> _fragments = [];
    private readonly HashSet<string> _entered = [];
    private readonly Dictionary<string, GraphQLFragmentDefinition> _definitions;

    private DocumentCost(GraphQLDocument document, GraphQLOperationDefinition operation, ISchema schema, Inputs? variables, GraphFigures figures, int maxPageSize)
    {
        _operation = operation;
        _schema = schema;
        _variables = variables;
        _figures = figures;
        _maxPageSize = maxPageSize;
        _definitions = Fragments(document);
    }

    /// <summary>The document's fragments by name (the first of a name; the validator refuses a second).</summary>
    internal static Dictionary<string, GraphQLFragmentDefinition> Fragments(GraphQLDocument document)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
            if (definition is GraphQLFragmentDefinition fragment) fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        return fragments;
    }

    public static OperationCost Measure(GraphQLDocument document, GraphQLOperationDefinition operation, ISchema schema, Inputs? variables, GraphFigures figures, int maxPageSize)
    {
        var root = operation.Operation switch
        {
            OperationType.Mutation => schema.Mutation,
            OperationType.Subscription => schema.Subscription,
            _ => schema.Query,
        };
        return new DocumentCost(document, operation, schema, variables, figures, maxPageSize).Walk(operation.SelectionSet, root, true, 0);
    }

    /// <summary>The cost of a selection set per item of its parent; single: the parent is one object, not items of a list.</summary>
    private OperationCost Walk(GraphQLSelectionSet? set, IGraphType? parent, bool single, double page)
    {
        if (set is null) return default;
        double cost = 0;
        var depth = 0;
        var engine = false;
        foreach (var selection in set.Selections)
        {
            if (LeftOut(selection)) continue;
            var part = selection switch
            {
                GraphQLField field => Field(field, parent as IComplexGraphType, single, page),
                GraphQLInlineFragment inline => Walk(inline.SelectionSet, inline.TypeCondition is { } t ? _schema.AllTypes[t.Type.Name.StringValue] : parent, single, page),
                GraphQLFragmentSpread spread => Spread(spread.FragmentName.Name.StringValue, single, page),
                _ => default,
            };
            cost = Math.Min(Ceiling, cost + part.Complexity);
            depth = Math.Max(depth, part.Depth);
            engine |= part.AsksEngine;
        }
        return new(cost, depth, engine);
    }

    private OperationCost Spread(string name, bool single, double page)
    {
        var key = (name, single, page);
        if (_fragments.TryGetValue(key, out var known)) return known;
        var fragment = _definitions.GetValueOrDefault(name);
        // An unknown fragment or a cycle is the validator's to report; it costs nothing here.
        if (fragment is null || !_entered.Add(name)) return default;
        var cost = Walk(fragment.SelectionSet, _schema.AllTypes[fragment.TypeCondition.Type.Name.StringValue], single, page);
        _entered.Remove(name);
        return _fragments[key] = cost;
    }

    private OperationCost Field(GraphQLField field, IComplexGraphType? parent, bool single, double page)
    {
        var name = field.Name.StringValue;
        var definition = name.StartsWith("__", StringComparison.Ordinal) ? null : parent?.GetField(field.Name);
        if (definition is null)
        {
            // Introspection (or a field the validator will refuse): one per field, never multiplied.
            var inner = Walk(field.SelectionSet, null, single, 0);
            return new(Math.Min(Ceiling, 1 + inner.Complexity), 1 + inner.Depth, inner.AsksEngine);
        }
        var type = Unwrap(definition.ResolvedType);
        double size = 1;
        if (type is ListGraphType list)
        {
            size = ListSize(field, definition, parent!.Name, name, single, page);
            type = Unwrap(list.ResolvedType);
        }
        var childPage = type?.Name.EndsWith("Connection", StringComparison.Ordinal) == true
            ? Math.Clamp(IntArgument(field, definition, "first") ?? 50, 0, _maxPageSize)
            : 0;
        var child = Walk(field.SelectionSet, type, single && size <= 1, childPage);
        var engine = child.AsksEngine || (parent == _schema.Query && EngineQuestions.Contains(name));
        return new(Math.Min(Ceiling, 1 + size * child.Complexity), 1 + child.Depth, engine);
    }

    private double ListSize(GraphQLField field, FieldType definition, string parent, string name, bool single, double page)
    {
        foreach (var argument in ComplexitySizes.SizeArguments)
            if (definition.Arguments?.Find(argument) is not null && IntArgument(field, definition, argument) is int n)
                return Math.Max(1, n);
        if (parent.EndsWith("Connection", StringComparison.Ordinal) && name is "nodes" or "edges") return page;
        if (name == "gaps" && Argument(field, "country") is { } country && country is not GraphQLNullValue) return 1;
        if (name == "entitiesByIds") return Math.Max(1, ListLength(field, "ids") ?? _maxPageSize);
        return ComplexitySizes.Of(_figures, parent, name, single);
    }

    private static IGraphType? Unwrap(IGraphType? type) => type is NonNullGraphType nonNull ? nonNull.ResolvedType : type;

    private static GraphQLValue? Argument(GraphQLField field, string name) =>
        field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == name)?.Value;

    /// <summary>An integer argument as this request gives it: a literal, a variable (or its default), or the argument's default.</summary>
    private int? IntArgument(GraphQLField field, FieldType definition, string name)
    {
        var value = Argument(field, name);
        if (value is GraphQLVariable variable)
        {
            var variableName = variable.Name.StringValue;
            if (_variables is not null && _variables.TryGetValue(variableName, out var given)) return Integer(given);
            value = _operation.Variables?.Items.FirstOrDefault(v => v.Variable.Name.StringValue == variableName)?.DefaultValue;
        }
        return value switch
        {
            GraphQLIntValue literal => Integer(literal.Value.ToString()),
            null => Integer(definition.Arguments?.Find(name)?.DefaultValue),
            _ => null,
        };
    }

    /// <summary>How many items a list argument holds as this request gives it (a literal list or a variable's value).</summary>
    private int? ListLength(GraphQLField field, string name) => Argument(field, name) switch
    {
        GraphQLListValue literal => literal.Values?.Count ?? 0,
        GraphQLVariable variable when _variables is not null && _variables.TryGetValue(variable.Name.StringValue, out var given) =>
            given is System.Collections.ICollection items ? items.Count : null,
        _ => null,
    };

    private static int? Integer(object? value) => value switch
    {
        int i => i,
        long l => (int)Math.Clamp(l, int.MinValue, int.MaxValue),
        BigInteger b => b > int.MaxValue ? int.MaxValue : b < int.MinValue ? int.MinValue : (int)b,
        double d when double.IsFinite(d) => (int)Math.Clamp(d, int.MinValue, int.MaxValue),
        decimal m => (int)Math.Clamp(m, int.MinValue, int.MaxValue),
        string s when BigInteger.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var b) => Integer(b),
        _ => null,
    };

    /// <summary>A selection under @skip(if: true) or @include(if: false); one whose condition is a variable counts.</summary>
    internal static bool LeftOut(ASTNode selection) =>
        selection is IHasDirectivesNode { Directives: { } directives } && directives.Items.Any(d =>
            d.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "if")?.Value is GraphQLBooleanValue condition
            && (d.Name.StringValue, condition.BoolValue) is ("skip", true) or ("include", false));
}
