using GraphQL;
using Wb6Graph.Api.Http;

namespace Wb6Graph.Api.GraphQL;

internal static class GraphQLRegistration
{
    /// <summary>The schema, GraphQL.NET's engine with our limits, and our HTTP transport.</summary>
    public static IHostApplicationBuilder AddWb6GraphQL(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.Section)
            .PostConfigure(o =>
            {
                // Keys can come from the environment as a comma-separated list, so none need be in a file.
                var fromEnv = Environment.GetEnvironmentVariable("WB6GRAPH_API_KEYS");
                if (!string.IsNullOrWhiteSpace(fromEnv))
                    o.ApiKeys.AddRange(fromEnv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            })
            .Validate(o => o.MaxBodyBytes > 0, "Api:MaxBodyBytes must be positive")
            .Validate(o => o.MaxDocumentLength > 0, "Api:MaxDocumentLength must be positive")
            .Validate(o => o.MaxPageSize > 0, "Api:MaxPageSize must be positive")
            .Validate(o => o.MaxDepth > 0 && o.MaxComplexity > 0, "Api:MaxDepth and Api:MaxComplexity must be positive")
            .Validate(o => o.TimeoutSeconds > 0, "Api:TimeoutSeconds must be positive")
            .Validate(o => o.GetMaxAgeSeconds >= 0, "Api:GetMaxAgeSeconds must not be negative")
            .Validate(o => o.ResponseCacheBytes >= 0, "Api:ResponseCacheBytes must not be negative")
            .Validate(o => o.MaxErrors > 0, "Api:MaxErrors must be positive")
            .Validate(o => o.MaxAnswerBytes >= AnswerBudget.BytesPerNode, $"Api:MaxAnswerBytes must be at least {AnswerBudget.BytesPerNode}")
            .Validate(o => o.ExpensiveComplexity > 0, "Api:ExpensiveComplexity must be positive")
            .Validate(o => o.ExpensiveConcurrency > 0, "Api:ExpensiveConcurrency must be positive")
            .Validate(o => o.ExpensiveQueue >= 0 && o.ExpensiveWaitSeconds >= 0, "Api:ExpensiveQueue and Api:ExpensiveWaitSeconds must not be negative")
            .Validate(o => o.DocumentCacheBytes >= 0, "Api:DocumentCacheBytes must not be negative")
            .Validate(o => o.DocumentCacheEntries >= 0, "Api:DocumentCacheEntries must not be negative")
            .ValidateOnStart();
        builder.Services.AddSingleton<DocumentCache>();
        builder.Services.AddSingleton<PersistedDocumentStore>();
        builder.Services.AddSingleton<DocumentSource>();
        builder.Services.AddSingleton<GraphQLRequestReader>();
        builder.Services.AddSingleton<ResponseCache>();
        builder.Services.AddSingleton<GraphQLHttp>();
        builder.Services.AddSingleton<ComplexitySizes>();
        builder.Services.AddSingleton<ExpensiveRequests>();
        builder.Services.AddScoped<RequestLoaders>();
        builder.Services.AddGraphQL(b => b
            .AddSchema<Wb6Schema>()
            // Letters stay letters ("Tiranë", not "Tiran\u00EB"): only what JSON requires is escaped. Answers are
            // served as JSON, never inlined into HTML, so the HTML-safe escaping is not needed.
            .AddSystemTextJson(o => o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            // Our resolvers answer from memory without waiting: running fields one by one beats starting a task per field.
            // Both strategies charge the answer budget; the cost analysis (DocumentCost) replaces GraphQL.NET's complexity
            // analyzer, which walked every fragment spread anew (exponential in nested fragments).
            .AddExecutionStrategy<BudgetedExecutionStrategy>(GraphQLParser.AST.OperationType.Query)
            .AddExecutionStrategy<BudgetedExecutionStrategy>(GraphQLParser.AST.OperationType.Mutation)
            .AddGraphTypes(typeof(Wb6Schema).Assembly)
            .AddErrorInfoProvider(e =>
            {
                e.ExposeCode = true;
                e.ExposeData = true;
            })
            .UsePersistedDocuments<PersistedDocumentStore>(global::GraphQL.DI.ServiceLifetime.Singleton));
        var origins = builder.Configuration.GetSection($"{ApiOptions.Section}:CorsOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(c => c.AddDefaultPolicy(p =>
        {
            if (origins.Length > 0) p.WithOrigins(origins).WithMethods("GET", "POST").WithHeaders("Content-Type", "Authorization", "GraphQL-Require-Preflight", "If-None-Match").WithExposedHeaders("ETag");
        }));
        return builder;
    }
}
