using System.Net;
using System.Text.RegularExpressions;

namespace Wb6Graph.Neo4j;

/// <summary>A failure reported by Neo4j or on the way to it, with Neo4j's error code and a message that names the setting or fact at fault.</summary>
public sealed partial class Neo4jException : Exception
{
    /// <summary>Our code for a server that cannot be reached (connection refused, timeout, 503).</summary>
    public const string UnavailableCode = "Wb6Graph.Neo4j.Unavailable";

    /// <summary>Our code for a write that other writers kept overtaking: nothing was written, and trying again is the remedy.</summary>
    public const string WriteConflictCode = "Wb6Graph.Neo4j.WriteConflict";

    /// <summary>Our code for an answer that does not follow the Query API's shape.</summary>
    public const string ProtocolError = "Wb6Graph.Neo4j.Protocol";

    public Neo4jException(string code, string message, Exception? inner = null)
        : base(message, inner) => Code = code;

    /// <summary>Neo4j's status code (Neo.ClientError.Statement.SyntaxError, ...) or one of ours.</summary>
    public string Code { get; }

    /// <summary>The id that a uniqueness constraint refused, when that is what failed.</summary>
    public string? FactId { get; init; }

    /// <summary>Worth trying again later: the server is down, starting, or reported a transient error.</summary>
    public bool IsTransient => Code is UnavailableCode or WriteConflictCode || Code.StartsWith("Neo.TransientError.", StringComparison.Ordinal);

    internal static Neo4jException Unavailable(string url, string detail, Exception? inner = null) =>
        new(UnavailableCode, $"Neo4j is unavailable at {url}: {detail}", inner);

    internal static Neo4jException FromStatus(string url, Neo4jOptions options, HttpStatusCode status, string body) => status switch
    {
        HttpStatusCode.Unauthorized => FromError(url, options, (int)status, "Neo.ClientError.Security.Unauthorized", body),
        HttpStatusCode.Forbidden => FromError(url, options, (int)status, "Neo.ClientError.Security.Forbidden", body),
        HttpStatusCode.NotFound => new("Wb6Graph.Neo4j.NotFound",
            $"Neo4j at {url} has no Query API for database '{options.Database}' (404): check Neo4j:Url (the HTTP port, 7474, or https://<host>:443 for Aura) and Neo4j:Database; the Query API needs Neo4j 5.26 or later"),
        HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout or HttpStatusCode.TooManyRequests =>
            Unavailable(url, $"{(int)status} {status}"),
        _ => new($"Wb6Graph.Neo4j.Http{(int)status}", $"Neo4j at {url} answered {(int)status} {status}: {body}"),
    };

    internal static Neo4jException FromError(string url, Neo4jOptions options, int status, string code, string message)
    {
        if (code.StartsWith("Neo.ClientError.Security.", StringComparison.Ordinal) && code is not "Neo.ClientError.Security.Forbidden")
            return new(code, $"Neo4j at {url} refused the credentials of user '{options.User}' ({code}): check Neo4j:User and Neo4j:Password (Neo4j__Password or WB6GRAPH_NEO4J_PASSWORD); " +
                "with docker compose, NEO4J_PASSWORD reaches Neo4j only when its data volume is created, so a changed one must be changed in Neo4j too (docs/neo4j.md)");
        if (code == "Neo.ClientError.Security.Forbidden")
            return new(code, $"Neo4j at {url} does not allow user '{options.User}' to do this on database '{options.Database}' ({code}): {message}; check Neo4j:User's roles");
        if (code == "Neo.ClientError.Database.DatabaseNotFound")
            return new(code, $"Neo4j at {url} has no database '{options.Database}': check Neo4j:Database ({message})");
        if (code == "Neo.ClientError.Statement.SyntaxError")
            return new(code, $"Neo4j rejected a statement as invalid Cypher ({code}): {message}");
        if (code == "Neo.ClientError.Schema.ConstraintValidationFailed")
        {
            var id = QuotedValue().Match(message) is { Success: true } m ? m.Groups[1].Value : null;
            return new(code, id is null
                ? $"Neo4j refused a write that would duplicate a fact ({code}): {message}"
                : $"the fact '{id}' already exists in Neo4j; a uniqueness constraint refused to write it twice ({code})")
            { FactId = id };
        }
        if (code.StartsWith("Neo.TransientError.", StringComparison.Ordinal) || status == 503)
            return new(code.Length > 0 ? code : UnavailableCode, $"Neo4j is unavailable at {url} ({code}): {message}");
        return new(code.Length > 0 ? code : $"Wb6Graph.Neo4j.Http{status}", $"Neo4j at {url} failed ({code}, status {status}): {message}");
    }

    [GeneratedRegex(@"property `id` = '((?:[^'\\]|\\.)*)'", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedValue();
}
