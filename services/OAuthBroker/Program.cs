using Platform.OAuthBroker;
using Platform.OAuthBroker.Apis;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapClientMetadataApi();
app.MapServiceInfo("/oauth");
app.MapServiceInfo("/connect");

app.Run();
