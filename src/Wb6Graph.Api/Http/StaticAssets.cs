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

    /// <summary>`/` is the explorer (wwwroot/index.html).</summary>
    public static WebApplication UseStaticAssets(this WebApplication app)
    {
        app.UseResponseCompression();
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = c => c.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        });
        return app;
    }
}
