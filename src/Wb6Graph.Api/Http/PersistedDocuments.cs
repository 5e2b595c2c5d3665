using System.Security.Cryptography;
using System.Text;
using GraphQL.PersistedDocuments;
using Microsoft.Extensions.Options;
using Wb6Graph.Hosting;

namespace Wb6Graph.Api.Http;

/// <summary>
/// The persisted documents: every .graphql file of the configured folder, by the SHA-256 of its bytes, read at start.
/// GraphQL.NET's persisted-document handler asks it for "sha256" ids; the transport asks it too, by documentId or by the
/// hash of an automatic persisted query, to know the operation before it runs (a mutation over GET is refused).
/// </summary>
internal sealed class PersistedDocumentStore : IPersistedDocumentLoader
{
    private readonly Dictionary<string, string> _byHash = new(StringComparer.Ordinal);

    public PersistedDocumentStore(IOptions<ApiOptions> options, ILogger<PersistedDocumentStore> log)
    {
        var dir = RepoPaths.Resolve(options.Value.PersistedDocumentsDirectory);
        if (!Directory.Exists(dir)) return;
        foreach (var file in Directory.EnumerateFiles(dir, "*.graphql").Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            _byHash[hash] = Encoding.UTF8.GetString(bytes);
            log.LogInformation("persisted document {File}: sha256:{Hash}", Path.GetFileName(file), hash);
        }
    }

    public IReadOnlyDictionary<string, string> Documents => _byHash;

    public string? Find(string documentId) =>
        documentId.StartsWith("sha256:", StringComparison.Ordinal) && _byHash.TryGetValue(documentId[7..], out var text) ? text : null;

    /// <summary>The file whose bytes have this SHA-256 (64 lowercase hex digits), or null.</summary>
    public string? FindHash(string sha256) => _byHash.GetValueOrDefault(sha256);

    public ValueTask<string?> GetQueryAsync(string? documentIdPrefix, string documentIdPayload, CancellationToken cancellationToken) =>
        ValueTask.FromResult(documentIdPrefix == "sha256" && _byHash.TryGetValue(documentIdPayload, out var text) ? text : null);

    public static bool IsWellFormed(string documentId) =>
        documentId.Length == 71 && documentId.StartsWith("sha256:", StringComparison.Ordinal)
        && documentId.AsSpan(7).IndexOfAnyExcept("0123456789abcdef") < 0;
}
