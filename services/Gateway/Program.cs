using Platform.Gateway;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseRequestBodyLimit();
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.MapServiceInfo("/gateway");
app.MapReverseProxy();
app.MapNotFound();

app.Run();
