using GraphQL.Types;

namespace Wb6Graph.Api.GraphQL;

/// <summary>The Wb6Graph schema: the types only call the store and the engine, which live outside it.</summary>
internal sealed class Wb6Schema : Schema
{
    public Wb6Schema(IServiceProvider services, QueryType query, MutationType mutation)
        : base(services)
    {
        Description = "Wb6Graph: the knowledge graph of EU cyber-institution alignment in the Western Balkans Six.";
        Query = query;
        Mutation = mutation;
    }
}
