using Fever.Data;
using Fever.MigrationService;

var builder = Host.CreateApplicationBuilder(args);

builder.AddServiceDefaults();
builder.AddFeverData();
builder.Services.AddHostedService<MigrationWorker>();

builder.Build().Run();
