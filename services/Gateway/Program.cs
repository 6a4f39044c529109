using Platform.Gateway;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseRequestBodyLimit();
app.UseAsciiHeaderValues();
app.UseAuthentication();
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.MapServiceInfo("/gateway");
app.MapReverseProxy();
app.MapNotFound();

app.Run();
