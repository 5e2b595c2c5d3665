using Wb6Graph.Api;
using Wb6Graph.Api.GraphQL;
using Wb6Graph.Api.Http;
using Wb6Graph.Hosting;

var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));
builder.AddGraphStore();
builder.AddWb6GraphQL();
builder.AddStaticAssets();
builder.AddWarmUp();

var app = builder.Build();
app.UseCors();
app.UseStaticAssets();
app.MapWb6Graph();
app.Run();

public partial class Program;
