using Platform.OAuthBroker;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapServiceInfo("/oauth");
app.MapServiceInfo("/connect");

app.Run();
