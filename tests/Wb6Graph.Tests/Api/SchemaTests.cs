using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;
using Wb6Graph.Tests.Support;

namespace Wb6Graph.Tests.Api;

public sealed class SchemaTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>
    /// Dashboards embed this schema: a change to it must be deliberate. To accept one, run the tests with
    /// WB6GRAPH_UPDATE_SCHEMA=1 and review the diff of src/Wb6Graph.Api/schema.graphql.
    /// </summary>
    [Fact]
    public void The_printed_schema_matches_the_checked_in_schema_graphql()
    {
        var schema = api.Services.GetRequiredService<ISchema>();
        var printed = schema.Print(new PrintOptions { IncludeDescriptions = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = Repo.Path("src/Wb6Graph.Api/schema.graphql");
        if (Environment.GetEnvironmentVariable("WB6GRAPH_UPDATE_SCHEMA") == "1") File.WriteAllText(path, printed);
        Assert.Equal(File.ReadAllText(path), printed);
    }

    [Fact]
    public void Every_type_field_and_argument_of_ours_has_a_description()
    {
        var schema = api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var missing = new List<string>();
        foreach (var type in schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t is not ScalarGraphType || t.Name == "Date"))
        {
            if (string.IsNullOrWhiteSpace(type.Description)) missing.Add(type.Name);
            if (type is IComplexGraphType complex)
                foreach (var field in complex.Fields)
                {
                    if (string.IsNullOrWhiteSpace(field.Description)) missing.Add($"{type.Name}.{field.Name}");
                    foreach (var arg in field.Arguments ?? [])
                        if (string.IsNullOrWhiteSpace(arg.Description)) missing.Add($"{type.Name}.{field.Name}({arg.Name})");
                }
        }
        Assert.Empty(missing);
    }
}
