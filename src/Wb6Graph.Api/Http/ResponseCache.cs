using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Wb6Graph.Api.Http;

/// <summary>
/// Serialized answers to GET requests, by ETag. The ETag holds the store's data version, the day and the whole request,
/// so an entry is right for as long as anyone can ask for it; a write makes every entry unreachable, and the first
/// answer of the new version clears them. Bounded by Api:ResponseCacheBytes; when full, it starts over.
/// </summary>
internal sealed class ResponseCache(IOptions<ApiOptions> options)
{
    private readonly ConcurrentDictionary<string, byte[]> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _version = -1;
    private long _bytes;

    /// <summary>How many answers are kept.</summary>
    public int Count => _entries.Count;

    public byte[]? Find(string etag) => _entries.TryGetValue(etag, out var body) ? body : null;

    public void Add(long version, string etag, byte[] body)
    {
        var max = options.Value.ResponseCacheBytes;
        if (body.Length > max / 8) return; // a few huge answers must not push out every dashboard's
        lock (_gate)
        {
            // A slow answer from an older version must not clear the newer entries.
            if (version < _version) return;
            if (version != _version || _bytes + body.Length > max)
            {
                _entries.Clear();
                _bytes = 0;
                _version = version;
            }
            if (_entries.TryAdd(etag, body)) _bytes += body.Length;
        }
    }
}
