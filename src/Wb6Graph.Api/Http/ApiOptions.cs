namespace Wb6Graph.Api.Http;

/// <summary>The <c>Api</c> configuration section: keys, limits, caching, CORS, persisted documents.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Keys that may write (Authorization: Bearer &lt;key&gt;). None in the repo: set Api__ApiKeys__0 or WB6GRAPH_API_KEYS.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>When set, reads need a key too.</summary>
    public bool RequireKeyForReads { get; set; }

    public int MaxBodyBytes { get; set; } = 100_000;

    public int MaxDocumentLength { get; set; } = 20_000;

    public int MaxPageSize { get; set; } = 200;

    public int MaxDepth { get; set; } = 20; // GraphiQL's introspection query needs 15

    public int MaxComplexity { get; set; } = 250_000;

    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Refuse GET requests without a GraphQL-Require-Preflight header (CSRF protection for cookie-bearing deployments).</summary>
    public bool RequirePreflightForGet { get; set; }

    /// <summary>Origins allowed to call the API from a browser (dashboards); empty: same origin only.</summary>
    public List<string> CorsOrigins { get; set; } = [];

    /// <summary>A folder of .graphql files; each is served as documentId "sha256:&lt;hex of its bytes&gt;".</summary>
    public string PersistedDocumentsDirectory { get; set; } = "src/Wb6Graph.Api/persisted-documents";

    /// <summary>Accept only persisted documents (documentId), no free-form queries.</summary>
    public bool OnlyPersistedDocuments { get; set; }

    /// <summary>How long a client may reuse a GET response before revalidating it with If-None-Match.</summary>
    public int GetMaxAgeSeconds { get; set; }

    /// <summary>Memory for serialized GET answers, reused until the data changes; 0 turns the cache off.</summary>
    public long ResponseCacheBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Once listening and ready, visit the explorer once, so that its first visitor finds the code paths compiled.</summary>
    public bool WarmUp { get; set; } = true;
}
