using System.Runtime.InteropServices;
using Fever.AppHost;

// Until the orchestrator lands, the AppHost hosts the infrastructure the worker needs:
// a persistent local PostgreSQL with the feverdb database, and the provider simulator.
var configuration = new ConfigurationBuilder().AddCommandLine(args).AddEnvironmentVariables().Build();
await using var infrastructure = await DevInfrastructure.StartAsync(configuration);

Console.WriteLine(infrastructure.Describe());
await infrastructure.WriteEnvironmentFileAsync();

using var stop = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
Console.WriteLine("Stopping the provider simulator and PostgreSQL…");

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
