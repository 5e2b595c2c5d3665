using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Wb6Graph.Hosting;

namespace Wb6Graph.Api.Http;

internal static class HttpEndpoints
{
    /// <summary>GraphQL at /graphql (GET and POST), the IDE for browsers, the SDL, and the health probes.</summary>
    public static WebApplication MapWb6Graph(this WebApplication app)
    {
        app.MapMethods("/graphql", [HttpMethods.Get, HttpMethods.Post], async (HttpContext http, GraphQLHttp graphql, IWebHostEnvironment env) =>
        {
            if (http.Request.Method == HttpMethods.Get && http.Request.Query.Count == 0 && AcceptsHtml(http.Request))
            {
                await Ide.WriteAsync(http, env);
                return;
            }
            await graphql.HandleAsync(http);
        });
        app.MapMethods("/graphql", [HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch, HttpMethods.Head], (HttpContext http) =>
        {
            http.Response.Headers.Allow = "GET, POST";
            return Results.StatusCode(405);
        });
        app.MapGet("/graphql/schema.graphql", (ISchema schema) => Results.Text(schema.Print(new PrintOptions { IncludeDescriptions = true }), "text/plain; charset=utf-8"));
        app.MapGet("/health/live", () => Results.Json(new { status = "live" }));
        app.MapGet("/health/ready", (GraphStoreReadiness readiness) => readiness.IsReady
            ? Results.Json(new { status = "ready" })
            : Results.Json(new { status = "not ready", reason = readiness.Reason }, statusCode: 503));
        return app;
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Value == "text/html");
}
