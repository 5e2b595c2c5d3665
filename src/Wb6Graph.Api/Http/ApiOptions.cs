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

    /// <summary>Covers parsing, validation, execution and writing the answer; the request's work is cancelled when it runs out.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>At most this many errors in one response; the rest are counted in a last error.</summary>
    public int MaxErrors { get; set; } = 100;

    /// <summary>Memory one answer may take while it is built and written, estimated from its result nodes; past it the request is refused.</summary>
    public long MaxAnswerBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>A request of at least this complexity, or one that asks the engine a question (paths, gaps, rankings), is expensive.</summary>
    public int ExpensiveComplexity { get; set; } = 5_000;

    /// <summary>How many expensive requests run at once; the others wait their turn (cheap ones never wait).</summary>
    public int ExpensiveConcurrency { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>How many expensive requests may wait for a turn; past it they get 429 with Retry-After.</summary>
    public int ExpensiveQueue { get; set; } = 64;

    /// <summary>How long an expensive request may wait for a turn before it gets 429 with Retry-After.</summary>
    public int ExpensiveWaitSeconds { get; set; } = 5;

    /// <summary>
    /// Memory for parsed documents and for documents registered over automatic persisted queries, estimated from their
    /// text; when full, the cache starts over.
    /// </summary>
    public long DocumentCacheBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>How many parsed and registered documents are kept at most; past it, the cache starts over.</summary>
    public int DocumentCacheEntries { get; set; } = 10_000;

    /// <summary>Refuse GET requests without a GraphQL-Require-Preflight header (CSRF protection for cookie-bearing deployments).</summary>
    public bool RequirePreflightForGet { get; set; }

    /// <summary>Origins allowed to call the API from a browser (dashboards); empty: same origin only.</summary>
    public List<string> CorsOrigins { get; set; } = [];

    /// <summary>A folder of .graphql files; each is served as documentId "sha256:&lt;hex of its bytes&gt;".</summary>
    public string PersistedDocumentsDirectory { get; set; } = "src/Wb6Graph.Api/persisted-documents";

    /// <summary>
    /// Accept only persisted documents (documentId, or an automatic persisted query by the hash of a file): no free-form
    /// queries, and no registration of new documents over automatic persisted queries.
    /// </summary>
    public bool OnlyPersistedDocuments { get; set; }

    /// <summary>How long a client may reuse a GET response before revalidating it with If-None-Match.</summary>
    public int GetMaxAgeSeconds { get; set; }

    /// <summary>Memory for serialized GET answers, reused until the data changes; 0 turns the cache off.</summary>
    public long ResponseCacheBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Once listening and ready, visit the explorer once, so that its first visitor finds the code paths compiled.</summary>
    public bool WarmUp { get; set; } = true;
}
