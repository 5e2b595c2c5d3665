namespace Wb6Graph.Neo4j;

/// <summary>The <c>Neo4j</c> configuration section, read when <c>GraphStore:Backend</c> is <c>Neo4j</c>.</summary>
public sealed class Neo4jOptions
{
    public const string Section = "Neo4j";

    /// <summary>The server's HTTP address: http://localhost:7474, or https://&lt;host&gt;:443 for Aura (its neo4j+s:// host).</summary>
    public string? Url { get; set; }

    public string User { get; set; } = "neo4j";

    /// <summary>From the environment (<c>Neo4j__Password</c> or <c>WB6GRAPH_NEO4J_PASSWORD</c>), never from a checked-in file.</summary>
    public string? Password { get; set; }

    public string Database { get; set; } = "neo4j";

    /// <summary>
    /// The longest one attempt of a request may take; with the retries, a request gives up after three times this. Keep
    /// it above the server's <c>db.transaction.timeout</c> (docker-compose.yml sets 20 s): then a write the API gave up
    /// on has been rolled back by the server already, and holds no lock on the <c>:Meta</c> node.
    /// </summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Rows per <c>UNWIND</c> batch when seeds are loaded.</summary>
    public int SeedBatchSize { get; set; } = 500;

    /// <summary>How long to wait between attempts to reach a server that is down at start.</summary>
    public int StartRetrySeconds { get; set; } = 5;

    /// <summary>The problems with these settings, each naming its key; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Url))
            problems.Add("Neo4j:Url must be set when GraphStore:Backend is Neo4j (e.g. http://localhost:7474, or https://<host>:443 for Aura)");
        else if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            problems.Add($"Neo4j:Url must be an http:// or https:// address of the Query API, not '{Url}' (for neo4j+s://<host> use https://<host>:443)");
        if (string.IsNullOrWhiteSpace(User)) problems.Add("Neo4j:User must be set");
        if (string.IsNullOrEmpty(Password))
            problems.Add("Neo4j:Password must be set, from the environment: Neo4j__Password or WB6GRAPH_NEO4J_PASSWORD");
        if (string.IsNullOrWhiteSpace(Database) || Database.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')))
            problems.Add($"Neo4j:Database must be a database name (letters, digits, '.', '-', '_'), not '{Database}'");
        if (TimeoutSeconds < 1) problems.Add("Neo4j:TimeoutSeconds must be at least 1");
        if (SeedBatchSize < 1) problems.Add("Neo4j:SeedBatchSize must be at least 1");
        if (StartRetrySeconds < 1) problems.Add("Neo4j:StartRetrySeconds must be at least 1");
        return problems;
    }
}
