using Platform.OAuthBroker;
using Platform.OAuthBroker.Apis;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapClientMetadataApi();
app.MapAuthorizationsApi();
app.MapTokensApi();
app.MapConnectApi();
app.MapCrashPointsApi();
app.MapServiceInfo("/oauth");
app.MapServiceInfo("/connect");

app.Run();
