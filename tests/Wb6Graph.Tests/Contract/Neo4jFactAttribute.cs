using Xunit.Abstractions;
using Xunit.Sdk;

namespace Wb6Graph.Tests.Contract;

/// <summary>Where the tests find a real Neo4j: the WB6GRAPH_NEO4J_* environment variables, as the Neo4j .NET driver's own integration tests do.</summary>
internal static class Neo4jTestServer
{
    public const string SkipReason =
        "set WB6GRAPH_NEO4J_URL, WB6GRAPH_NEO4J_USER and WB6GRAPH_NEO4J_PASSWORD to run against a real Neo4j 5.26+ " +
        "(WB6GRAPH_NEO4J_DATABASE, default neo4j, is emptied by these tests)";

    public static string? Url => Environment.GetEnvironmentVariable("WB6GRAPH_NEO4J_URL");

    public static string? User => Environment.GetEnvironmentVariable("WB6GRAPH_NEO4J_USER");

    public static string? Password => Environment.GetEnvironmentVariable("WB6GRAPH_NEO4J_PASSWORD");

    public static string Database => Environment.GetEnvironmentVariable("WB6GRAPH_NEO4J_DATABASE") is { Length: > 0 } d ? d : "neo4j";

    public static bool IsConfigured => !string.IsNullOrWhiteSpace(Url) && !string.IsNullOrWhiteSpace(User) && !string.IsNullOrWhiteSpace(Password);
}

/// <summary>A test that needs a real Neo4j: reported as skipped, with the reason, when none is configured.</summary>
public sealed class Neo4jFactAttribute : FactAttribute
{
    public Neo4jFactAttribute()
    {
        if (!Neo4jTestServer.IsConfigured) Skip = Neo4jTestServer.SkipReason;
    }
}

/// <summary>Marks a contract test class whose backend is a real Neo4j.</summary>
public interface INeedsNeo4j;

/// <summary>
/// A test of the store contract, written once in the abstract class and run by every backend's subclass. In a subclass
/// that implements <see cref="INeedsNeo4j"/> it behaves as <see cref="Neo4jFactAttribute"/>: skipped without a server.
/// </summary>
[XunitTestCaseDiscoverer("Wb6Graph.Tests.Contract.ContractFactDiscoverer", "Wb6Graph.Tests")]
public sealed class ContractFactAttribute : FactAttribute;

public sealed class ContractFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        [new ContractTestCase(diagnostics, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod)];
}

public sealed class ContractTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ContractTestCase()
    {
    }

    public ContractTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod)
        : base(diagnostics, display, displayOptions, testMethod)
    {
    }

    // Computed from the class each time, so it holds after the runner de-serializes the case too.
    protected override string? GetSkipReason(IAttributeInfo factAttribute) =>
        typeof(INeedsNeo4j).IsAssignableFrom(TestMethod.TestClass.Class.ToRuntimeType()) && !Neo4jTestServer.IsConfigured
            ? Neo4jTestServer.SkipReason
            : base.GetSkipReason(factAttribute);
}
