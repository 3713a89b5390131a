using System.Diagnostics;
using Fever.AppHost;
using Fever.AppHost.Hosting;
using Fever.AppHost.Processes;

namespace Fever.Tests.AppHost;

public sealed class ProcessLedgerTests
{
    [Fact]
    public async Task The_ledger_stops_a_recorded_process_left_running_and_spares_a_reused_pid()
    {
        var folder = Directory.CreateTempSubdirectory("fever-ledger-");
        try
        {
            await using var leftover = ChildProcess.Start(new ProcessStartInfo("sleep") { ArgumentList = { "31" } });
            await using var bystander = ChildProcess.Start(new ProcessStartInfo("sleep") { ArgumentList = { "32" } });
            var ledger = new ProcessLedger(folder.FullName);
            ledger.Record("api", leftover.Id, "sleep 31");
            ledger.Record("sync", bystander.Id, "Fever.Sync.dll"); // the pid now runs something else

            var stopped = ledger.StopLeftovers(TimeSpan.FromSeconds(5));

            Assert.Equal(["api"], stopped);
            Assert.Equal(128 + Posix.SigTerm, await leftover.Exited.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.False(bystander.HasExited);
            Assert.Empty(Directory.GetFiles(folder.FullName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_ledger_refuses_a_second_apphost_while_the_first_runs_and_takes_over_from_a_dead_one()
    {
        var folder = Directory.CreateTempSubdirectory("fever-ledger-");
        try
        {
            // A live process whose command line names the AppHost, as the first AppHost's would.
            await using var firstAppHost = ChildProcess.Start(new ProcessStartInfo("sh") { ArgumentList = { "-c", "sleep 30", "Fever.AppHost" } });
            var ledger = new ProcessLedger(folder.FullName);
            ledger.Record("apphost", firstAppHost.Id, "Fever.AppHost");

            var refused = Assert.Throws<AppHostException>(ledger.Claim);
            Assert.Contains($"pid {firstAppHost.Id}", refused.Message);

            firstAppHost.Kill();
            await firstAppHost.Exited;
            ledger.Claim();
            Assert.Equal(Environment.ProcessId.ToString(), File.ReadAllLines(Path.Combine(folder.FullName, "apphost.pid"))[0]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
