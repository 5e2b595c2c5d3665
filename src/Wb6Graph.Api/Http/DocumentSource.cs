using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Options;

namespace Wb6Graph.Api.Http;

/// <summary>
/// The document a request runs: its <c>query</c>; a persisted document by <c>documentId</c> (the files on disk); or an
/// automatic persisted query (Apollo's protocol, spoken by Apollo Client's persisted-queries link, urql's persisted
/// exchange and others): <c>extensions.persistedQuery {version: 1, sha256Hash}</c> without a query is looked up among
/// the files and the registered documents, and with a query registers it once its hash is checked.
/// </summary>
internal sealed class DocumentSource(PersistedDocumentStore files, DocumentCache cache, IOptions<ApiOptions> options)
{
    /// <summary>
    /// The message and code the clients look for to resend the document: urql matches the message exactly, Apollo
    /// Client the message or the code.
    /// </summary>
    public const string NotFoundMessage = "PersistedQueryNotFound";

    public const string NotFoundCode = "PERSISTED_QUERY_NOT_FOUND";

    /// <summary>
    /// The text to run; or why there is none; or <paramref name="Unknown"/>, the hash of an automatic persisted query
    /// that names no document (the client is to resend it with its query). <paramref name="Register"/> is the hash to
    /// register the text under once the request is known to be one its sender may run.
    /// </summary>
    public readonly record struct Resolved(string? Text, string? Register, RequestError? Error, string? Unknown = null);

    public Resolved Resolve(GraphQLRequest request)
    {
        var o = options.Value;
        var text = request.Query;
        var (hash, invalid) = ReadPersistedQuery(request.Extensions);
        if (invalid is not null) return Refused(400, "PERSISTED_QUERY_INVALID", invalid);

        if (request.DocumentId is { } documentId)
        {
            if (text is not null) return Refused(400, "BAD_REQUEST", "Send either 'query' or 'documentId', not both.");
            if (hash is not null)
                return Refused(400, "BAD_REQUEST", "Send either 'documentId' or 'extensions.persistedQuery', not both: they are two ways to name a persisted document.");
            if (!PersistedDocumentStore.IsWellFormed(documentId))
                return Refused(400, "DOCUMENT_ID_INVALID", "documentId must be 'sha256:' followed by 64 lowercase hex digits.");
            return files.Find(documentId) is { } found
                ? new(found, null, null)
                : Refused(404, "DOCUMENT_NOT_FOUND", $"No persisted document has the id {documentId}.");
        }

        if (hash is not null)
        {
            if (text is null)
            {
                return (files.FindHash(hash) ?? cache.Registered(hash)) is { } found
                    ? new(found, null, null)
                    : new(null, null, null, hash);
            }
            var actual = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            if (actual != hash)
            {
                return Refused(400, "PERSISTED_QUERY_HASH_MISMATCH",
                    $"extensions.persistedQuery.sha256Hash is {hash}, but the SHA-256 of the query sent (its UTF-8 bytes, exactly as sent) is {actual}; nothing was registered.");
            }
            if (files.FindHash(hash) is not null) return new(text, null, null);
            if (o.OnlyPersistedDocuments)
            {
                return Refused(400, "PERSISTED_DOCUMENT_REQUIRED",
                    $"This server runs only the persisted documents on its disk (Api:OnlyPersistedDocuments), and {hash} is not one of them: it registers no documents over automatic persisted queries.");
            }
            return new(text, hash, null);
        }

        if (o.OnlyPersistedDocuments)
            return Refused(400, "PERSISTED_DOCUMENT_REQUIRED", "This server accepts only persisted documents: send documentId instead of query.");
        return new(text, null, null);
    }

    private static Resolved Refused(int status, string code, string message) => new(null, null, new(status, code, message));

    /// <summary>
    /// The hash of <c>extensions.persistedQuery</c> as 64 lowercase hex digits, null when there is none (null counts as
    /// absent), or what is wrong with it, naming the field.
    /// </summary>
    internal static (string? Hash, string? Error) ReadPersistedQuery(Inputs? extensions)
    {
        if (extensions is null || !extensions.TryGetValue("persistedQuery", out var value) || value is null) return (null, null);
        if (value is not IDictionary<string, object?> persisted)
            return (null, "extensions.persistedQuery must be an object: {\"version\": 1, \"sha256Hash\": \"<64 hex digits>\"}.");
        persisted.TryGetValue("version", out var version);
        if (version is not (1 or 1L))
            return (null, $"extensions.persistedQuery.version must be 1 (the only version of automatic persisted queries); it is {Shown(version)}.");
        persisted.TryGetValue("sha256Hash", out var sha256);
        if (sha256 is not string hex || hex.Length != 64 || hex.AsSpan().IndexOfAnyExcept("0123456789abcdefABCDEF") >= 0)
            return (null, $"extensions.persistedQuery.sha256Hash must be the SHA-256 of the document as 64 hex digits; it is {Shown(sha256)}.");
        return (hex.ToLowerInvariant(), null);
    }

    private static string Shown(object? value) => value switch
    {
        null => "missing",
        string s => $"\"{(s.Length > 80 ? s[..80] + "..." : s)}\"",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "?",
    };
}
