using Platform.McpEdge;
using Platform.McpEdge.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseMcpEndpoint();

app.MapDefaultEndpoints();
app.MapServiceInfo("/mcp");
app.MapMcpEndpoint();

app.Run();
