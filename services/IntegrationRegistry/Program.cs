using Platform.IntegrationRegistry;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapServiceInfo("/api/registry");
app.MapRegistryApis();

app.Run();
