using Wb6Graph.Api.GraphQL;
using Wb6Graph.Api.Http;
using Wb6Graph.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddGraphStore();
builder.AddWb6GraphQL();

var app = builder.Build();
app.UseCors();
app.UseDefaultFiles(); // `/` is the explorer, wwwroot/index.html
app.UseStaticFiles();
app.MapWb6Graph();
app.Run();

public partial class Program;
