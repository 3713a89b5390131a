using Fever.ProviderSimulator;
using Fever.ProviderSimulator.Apis;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddProviderSimulator();

var app = builder.Build();

app.MapProviderSimulator();
app.MapDefaultEndpoints();

app.Run();
