using Platform.AuditWriter;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapServiceInfo("/api/audit");
app.MapServiceInfo("/api/usage");
app.MapAuditApis();

app.Run();
