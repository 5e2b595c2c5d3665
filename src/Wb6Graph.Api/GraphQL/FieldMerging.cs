using GraphQLParser.AST;

namespace Wb6Graph.Api.GraphQL;

/// <summary>
/// The spec's "field selections can be merged" rule (OverlappingFieldsCanBeMerged), in time linear in the document.
/// GraphQL.NET compares every pair of fields that share a response key, and reports every pair that differs: 660
/// fields <c>centrality(limit: 1) ... centrality(limit: 660)</c> gave 217,470 errors and a 74 MB answer. Our schema
/// has no interfaces or unions, so every field of one merged selection set belongs to one object type, and the rule
/// comes down to: fields of one response key are the same field with the same arguments, and their selections merge
/// in turn. That is an equivalence, so each field is compared with the first of its key only, and the check stops
/// after a few conflicts.
/// </summary>
internal static class FieldMerging
{
    public static List<string> Conflicts(GraphQLDocument document, GraphQLOperationDefinition operation, int maxErrors)
    {
        var errors = new List<string>();
        var fragments = DocumentCost.Fragments(document);
        // Fragments that spread themselves, through others or under a field, would expand for ever (the fuzzer found it:
        // a stack overflow). Such a document is invalid anyway: the spec's NoFragmentCycles rule, which runs next, says why.
        if (HasCycle(fragments)) return errors;
        Check([operation.SelectionSet]);
        return errors;

        void Check(List<GraphQLSelectionSet> sets)
        {
            var groups = new Dictionary<string, (GraphQLField First, List<GraphQLSelectionSet> Children)>(StringComparer.Ordinal);
            var conflicting = new HashSet<string>(StringComparer.Ordinal);
            var spread = new HashSet<string>(StringComparer.Ordinal); // a fragment spread twice in one set adds nothing new
            foreach (var set in sets) Collect(set);
            foreach (var (key, group) in groups)
            {
                if (errors.Count >= maxErrors) return;
                if (group.Children.Count > 0 && !conflicting.Contains(key)) Check(group.Children);
            }

            void Collect(GraphQLSelectionSet set)
            {
                foreach (var selection in set.Selections)
                {
                    if (errors.Count >= maxErrors) return;
                    switch (selection)
                    {
                        case GraphQLField field:
                            var key = (field.Alias?.Name ?? field.Name).StringValue;
                            if (!groups.TryGetValue(key, out var group))
                            {
                                groups[key] = group = (field, []);
                            }
                            else if (!conflicting.Contains(key) && Difference(group.First, field) is { } why)
                            {
                                conflicting.Add(key);
                                errors.Add($"Fields '{key}' conflict because {why} ({Where(document, group.First)} and {Where(document, field)}): " +
                                    "give them different aliases to fetch both.");
                            }
                            if (field.SelectionSet is { } children) group.Children.Add(children);
                            break;
                        case GraphQLInlineFragment inline:
                            Collect(inline.SelectionSet);
                            break;
                        case GraphQLFragmentSpread fragmentSpread when spread.Add(fragmentSpread.FragmentName.Name.StringValue):
                            if (fragments.GetValueOrDefault(fragmentSpread.FragmentName.Name.StringValue) is { } fragment) Collect(fragment.SelectionSet);
                            break;
                    }
                }
            }
        }
    }

    private static bool HasCycle(Dictionary<string, GraphQLFragmentDefinition> fragments)
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: being visited, true: done
        foreach (var name in fragments.Keys)
            if (Visit(name)) return true;
        return false;

        bool Visit(string name)
        {
            if (state.TryGetValue(name, out var done)) return !done;
            if (!fragments.TryGetValue(name, out var fragment)) return false;
            state[name] = false;
            foreach (var spread in Spreads(fragment.SelectionSet))
                if (Visit(spread)) return true;
            state[name] = true;
            return false;
        }
    }

    /// <summary>The names of the fragments a selection set spreads, at any depth (without following the spreads).</summary>
    private static IEnumerable<string> Spreads(GraphQLSelectionSet set)
    {
        var pending = new Stack<GraphQLSelectionSet>([set]);
        while (pending.TryPop(out var current))
            foreach (var selection in current.Selections)
                switch (selection)
                {
                    case GraphQLFragmentSpread spread:
                        yield return spread.FragmentName.Name.StringValue;
                        break;
                    case GraphQLInlineFragment inline:
                        pending.Push(inline.SelectionSet);
                        break;
                    case GraphQLField { SelectionSet: { } children }:
                        pending.Push(children);
                        break;
                }
    }

    private static string? Difference(GraphQLField a, GraphQLField b)
    {
        if (a.Name.StringValue != b.Name.StringValue) return $"'{a.Name.StringValue}' and '{b.Name.StringValue}' are different fields";
        var left = a.Arguments?.Items ?? [];
        var right = b.Arguments?.Items ?? [];
        if (left.Count != right.Count) return "they have differing arguments";
        foreach (var argument in left)
        {
            var other = right.FirstOrDefault(x => x.Name.StringValue == argument.Name.StringValue);
            if (other is null || !Same(argument.Value, other.Value)) return "they have differing arguments";
        }
        return null;
    }

    private static bool Same(GraphQLValue a, GraphQLValue b) => (a, b) switch
    {
        (GraphQLVariable x, GraphQLVariable y) => x.Name.StringValue == y.Name.StringValue,
        (GraphQLIntValue x, GraphQLIntValue y) => x.Value == y.Value,
        (GraphQLFloatValue x, GraphQLFloatValue y) => x.Value == y.Value,
        (GraphQLStringValue x, GraphQLStringValue y) => x.Value == y.Value,
        (GraphQLBooleanValue x, GraphQLBooleanValue y) => x.BoolValue == y.BoolValue,
        (GraphQLEnumValue x, GraphQLEnumValue y) => x.Name.StringValue == y.Name.StringValue,
        (GraphQLNullValue, GraphQLNullValue) => true,
        (GraphQLListValue x, GraphQLListValue y) => (x.Values?.Count ?? 0) == (y.Values?.Count ?? 0)
            && (x.Values ?? []).Zip(y.Values ?? []).All(p => Same(p.First, p.Second)),
        (GraphQLObjectValue x, GraphQLObjectValue y) => (x.Fields?.Count ?? 0) == (y.Fields?.Count ?? 0)
            && (x.Fields ?? []).All(f => y.Fields!.FirstOrDefault(g => g.Name.StringValue == f.Name.StringValue) is { } g && Same(f.Value, g.Value)),
        _ => false,
    };

    /// <summary>"line L, column C" of a node, from the document's text.</summary>
    internal static string Where(GraphQLDocument document, ASTNode node)
    {
        var text = document.Source.Span;
        var end = Math.Min(node.Location.Start, text.Length);
        int line = 1, start = 0;
        for (var i = 0; i < end; i++)
            if (text[i] == '\n')
            {
                line++;
                start = i + 1;
            }
        return $"line {line}, column {end - start + 1}";
    }
}
