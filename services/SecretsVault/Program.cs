using Platform.SecretsVault;
using Platform.SecretsVault.Apis;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapServiceInfo("/api/vault");
app.MapSecretsApi();
app.MapKeysApi();

app.Run();
