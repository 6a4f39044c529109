using Platform.McpEdge;
using Platform.McpEdge.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddSdkMcpEndpoint();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapServiceInfo("/mcp");
if (app.Configuration[SdkMcpEndpoint.PathKey] != McpEndpoint.Path)
{
    app.MapMcpEndpoint();
}
app.MapSdkMcpEndpoint(app.Configuration);

app.Run();
