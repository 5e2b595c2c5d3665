namespace Wb6Graph.Tests.Clients;

/// <summary>
/// The GraphQL clients dashboards are built on get a dashboard's answers from the API as they expect them: the gap
/// matrix with variables, a paged entity list, and the errors they must surface (a field error beside data that still
/// answers, a document that does not validate or parse). The clients that speak automatic persisted queries go through
/// the protocol over GET: not found, registered, a cached answer with an ETag, and a 304.
/// </summary>
public sealed class ClientCompatibilityTests(ClientSuite suite) : IClassFixture<ClientSuite>
{
    public static TheoryData<string, string[]> Clients => new()
    {
        { "apollo", ["gapMatrix", "pagedList", "fieldError", "invalidDocument"] },
        { "apollo-persisted-get", ["persistedFlow", "gapMatrix", "pagedList", "fieldError", "invalidDocument"] },
        { "urql-get", ["gapMatrix", "pagedList", "fieldError", "invalidDocument"] },
        { "urql-post", ["gapMatrix", "pagedList", "fieldError", "invalidDocument"] },
        { "urql-persisted-get", ["persistedFlow", "gapMatrix", "pagedList", "fieldError", "invalidDocument"] },
        { "graphql-request", ["gapMatrix", "pagedList", "fieldError", "invalidDocument", "syntaxError"] },
        { "graphiql-fetcher", ["gapMatrix", "pagedList", "fieldError", "invalidDocument", "syntaxError", "introspection"] },
    };

    [NodeTheory]
    [MemberData(nameof(Clients))]
    public void The_client_gets_every_answer_and_error_a_dashboard_relies_on(string client, string[] checks)
    {
        var ran = suite.Checks.Where(c => c.Client == client).ToList();
        Assert.True(ran.Select(c => c.Name).SequenceEqual(checks), $"{client} ran [{string.Join(", ", ran.Select(c => c.Name))}]; {suite.Log}");
        var failed = ran.Where(c => !c.Ok).Select(c => $"{c.Name}: {c.Detail}").ToList();
        Assert.True(failed.Count == 0, $"{client} failed:\n{string.Join("\n", failed)}");
    }

    [NodeFact]
    public void The_suite_checks_no_client_this_class_does_not_name()
    {
        var named = Clients.Select(row => (string)row[0]).ToHashSet();
        Assert.Subset(named, suite.Checks.Select(c => c.Client).ToHashSet());
    }
}
