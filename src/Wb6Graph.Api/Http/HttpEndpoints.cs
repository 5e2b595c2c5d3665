using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Wb6Graph.Hosting;

namespace Wb6Graph.Api.Http;

internal static class HttpEndpoints
{
    private const string Allowed = "GET, HEAD, POST, OPTIONS";

    /// <summary>GraphQL at /graphql (GET and POST), the IDE for browsers, the SDL, and the health probes.</summary>
    public static WebApplication MapWb6Graph(this WebApplication app)
    {
        app.MapMethods("/graphql", [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post], async (HttpContext http, GraphQLHttp graphql, IWebHostEnvironment env) =>
        {
            if (!HttpMethods.IsPost(http.Request.Method) && http.Request.Query.Count == 0 && AcceptsHtml(http.Request))
            {
                await Ide.WriteAsync(http, env);
                return;
            }
            await graphql.HandleAsync(http);
        });
        // A CORS preflight never gets here: UseCors answers it. A plain OPTIONS asks what the endpoint allows; any other
        // method gets routing's 405, whose Allow lists the methods mapped here.
        app.MapMethods("/graphql", [HttpMethods.Options], (HttpContext http) =>
        {
            http.Response.Headers.Allow = Allowed;
            return Results.NoContent();
        });
        app.MapGet("/graphql/schema.graphql", (HttpContext http, ISchema schema, Microsoft.Extensions.Options.IOptions<ApiOptions> options) =>
        {
            // The SDL is a read: where reads need a key, so does it.
            if (options.Value.RequireKeyForReads && !GraphQLHttp.Authorized(http.Request, options.Value))
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return Results.Text("This server needs an API key for reads: send 'Authorization: Bearer <key>'.", "text/plain; charset=utf-8", statusCode: 401);
            }
            return Results.Text(schema.Print(new PrintOptions { IncludeDescriptions = true }), "text/plain; charset=utf-8");
        });
        app.MapGet("/health/live", () => Results.Json(new { status = "live" }));
        app.MapGet("/health/ready", (GraphStoreReadiness readiness) => readiness.IsReady
            ? Results.Json(new { status = "ready" })
            : Results.Json(new { status = "not ready", reason = readiness.Reason }, statusCode: 503));
        return app;
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
