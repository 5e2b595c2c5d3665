namespace Wb6Graph.Api.Http;

/// <summary>
/// The browser IDE: GraphiQL, served from wwwroot/graphiql, whose assets `npm ci` copies from node_modules at build time
/// (no CDN at run time). Without them the page says how to install them.
/// </summary>
internal static class Ide
{
    public static async Task WriteAsync(HttpContext http, IWebHostEnvironment env)
    {
        var page = env.WebRootFileProvider.GetFileInfo("graphiql/index.html");
        var assets = env.WebRootFileProvider.GetFileInfo("graphiql/vendor/graphiql.min.js");
        http.Response.ContentType = "text/html; charset=utf-8";
        if (page.Exists && assets.Exists)
        {
            await using var stream = page.CreateReadStream();
            await stream.CopyToAsync(http.Response.Body);
            return;
        }
        http.Response.StatusCode = 503;
        await http.Response.WriteAsync("""
            <!doctype html><meta charset="utf-8"><title>Wb6Graph GraphQL</title>
            <h1>Wb6Graph GraphQL</h1>
            <p>The GraphiQL assets are not installed. They come from npm at build time:
            install Node.js and npm, then run <code>dotnet build src/Wb6Graph.Api</code> (it runs <code>npm ci</code>)
            and reload this page.</p>
            <p>The API itself works: POST a query to <code>/graphql</code>, or read the schema at
            <a href="/graphql/schema.graphql">/graphql/schema.graphql</a>.</p>
            """);
    }
}
