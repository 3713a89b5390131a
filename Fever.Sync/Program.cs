using Fever.Sync;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddSyncWorker();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
