using Fever.AppHost;

// Until the orchestrator lands, the AppHost hosts the infrastructure the worker needs:
// a persistent local PostgreSQL with the feverdb database, and the provider simulator.
var builder = WebApplication.CreateSlimBuilder(args);
var infrastructure = await DevInfrastructure.StartAsync(builder.Configuration);

Console.WriteLine(infrastructure.Describe());
await infrastructure.WriteEnvironmentFileAsync(".fever/dev.env");

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}

Console.WriteLine("Stopping the provider simulator and PostgreSQL…");
await infrastructure.DisposeAsync();
