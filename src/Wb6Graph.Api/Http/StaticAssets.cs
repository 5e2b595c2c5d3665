using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace Wb6Graph.Api.Http;

/// <summary>
/// The explorer's and the IDE's files (wwwroot): compressed, and revalidated on every use. Their names carry no
/// version, so a browser left to guess a lifetime from Last-Modified could run yesterday's module beside today's after
/// an upgrade; with <c>no-cache</c> it asks each time and gets a 304 while the file has not changed.
/// </summary>
internal static class StaticAssets
{
    // Only the page's own types: GraphQL answers keep their ETags and the answer cache, uncompressed.
    private static readonly string[] Compressed = ["text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml"];

    public static IHostApplicationBuilder AddStaticAssets(this IHostApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(o =>
        {
            o.MimeTypes = Compressed;
            // What these files hold is public and never mixed with a secret, so compression cannot leak one (BREACH).
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        // Cytoscape.js is 435 kB: at these levels Brotli and gzip bring it to 137-138 kB in about 10 ms (Fastest: 171-192 kB
        // in 5 ms). A repeat visit costs neither, its files coming back as 304s.
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return builder;
    }

    private static bool IsCompressed(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) && Compressed.Contains(type.MediaType.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>`/` is the explorer (wwwroot/index.html).</summary>
    public static WebApplication UseStaticAssets(this WebApplication app)
    {
        app.UseResponseCompression();
        // If-None-Match compares weakly (RFC 9110 13.1.2), the static files strongly: a browser sends the weak tag of
        // a file back (below), and would never get a 304 without this.
        app.Use((context, next) =>
        {
            var ifNoneMatch = context.Request.Headers.IfNoneMatch;
            if (ifNoneMatch.Count > 0 && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                && !context.Request.Path.StartsWithSegments("/graphql"))
                context.Request.Headers.IfNoneMatch = ifNoneMatch.ToString().Replace("W/\"", "\"", StringComparison.Ordinal);
            return next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = c =>
            {
                var response = c.Context.Response;
                response.Headers[HeaderNames.CacheControl] = "no-cache";
                // The compressed body is not the file's bytes, so it may not carry the file's strong ETag (RFC 9110
                // 8.8.3): one validator for two bodies would let a cache or a range request join bytes of both. Every
                // form of a file we may compress gets the weak tag, so that a 304 carries the tag its 200 carried.
                if (!IsCompressed(response.ContentType)) return;
                if (response.Headers.ETag is [{ } tag] && !tag.StartsWith("W/", StringComparison.Ordinal)) response.Headers.ETag = "W/" + tag;
                // Every form says that it depends on Accept-Encoding, the plain one and the 304s too, not only the
                // compressed one: a shared cache must not hand the plain body to a browser that asked for Brotli.
                response.Headers.Vary = HeaderNames.AcceptEncoding;
            },
        });
        return app;
    }
}
