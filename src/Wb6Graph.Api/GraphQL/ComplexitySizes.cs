using GraphQL.Types;
using GraphQL.Validation.Complexity;

namespace Wb6Graph.Api.GraphQL;

/// <summary>
/// How many items a list field returns, for the complexity analyzer. GraphQL.NET assumes the same size for every list
/// whose arguments do not say, so nested lists that are short by construction (a gap report's items, a path's steps)
/// multiplied into millions and a dashboard could not ask for gaps with their evidence in one query. These sizes come
/// from the model and the engine's bounds; lists sized by an argument (k, limit) use the argument.
/// </summary>
internal static class ComplexitySizes
{
    private static readonly Dictionary<(string Type, string Field), double> Typical = new()
    {
        [("Query", "gaps")] = 6, // the WB6; one with `country`
        [("GapReport", "items")] = 13, // the EU-alignment template
        [("GapItem", "evidence")] = 5, // Engine:GapEvidence
        [("Path", "entities")] = 4,
        [("Path", "steps")] = 3,
        [("Path", "relations")] = 4,
        [("PathStep", "relations")] = 2,
        [("Entity", "sources")] = 2,
        [("Relation", "sources")] = 2,
        [("Entity", "relations")] = 10,
        [("Entity", "neighbours")] = 10,
        [("Subgraph", "entities")] = 50,
        [("Subgraph", "relations")] = 100,
        [("LinkSuggestion", "sharedNeighbours")] = 5,
        [("GapCell", "via")] = 3,
    };

    private static readonly string[] SizeArguments = ["k", "limit"]; // `first` belongs to connections: GraphQL.NET already sizes their edges and nodes by it

    /// <summary>The impact of a list field we know, or null to leave it to GraphQL.NET's default.</summary>
    public static FieldComplexityResult? Of(FieldImpactContext f)
    {
        // Only a field that returns a list is as long as its argument; neighbourhood(limit) returns one subgraph.
        var type = f.FieldDefinition.ResolvedType is NonNullGraphType nonNull ? nonNull.ResolvedType : f.FieldDefinition.ResolvedType;
        if (type is ListGraphType)
            foreach (var name in SizeArguments)
                if (f.FieldDefinition.Arguments?.Find(name) is not null && f.GetArgument<int?>(name) is int n)
                    return new FieldComplexityResult(1, Math.Max(1, n));
        if (f.FieldDefinition.Name == "gaps" && f.GetArgument<string?>("country") is not null) return new FieldComplexityResult(1, 1);
        return Typical.TryGetValue((f.ParentType.Name, f.FieldDefinition.Name), out var size) ? new FieldComplexityResult(1, size) : null;
    }
}
