using Platform.WebhookIngress;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapServiceInfo("/webhooks");
app.MapWebhookIngressEndpoints();

app.Run();
