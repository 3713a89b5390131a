using System.Diagnostics;
using Fever.AppHost;
using Fever.AppHost.Hosting;
using Fever.AppHost.Processes;
using Fever.Tests.Infrastructure;

namespace Fever.Tests.AppHost;

public sealed class ChildProcessTests
{
    [Fact]
    public async Task Stop_sends_sigterm_and_a_process_that_honours_it_exits_on_its_own()
    {
        await using var child = ChildProcess.Start(new ProcessStartInfo("sh") { ArgumentList = { "-c", "trap 'echo bye; exit 3' TERM; echo ready; while :; do sleep 0.05; done" } });
        await Eventually.WaitUntilAsync(() => Task.FromResult(child.RecentOutput.Contains("ready")), TimeSpan.FromSeconds(10));

        var exitCode = await child.StopAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(3, exitCode);
        Assert.Contains("bye", child.RecentOutput);
    }

    [Fact]
    public async Task Stop_kills_a_process_that_ignores_sigterm_after_the_grace_period()
    {
        await using var child = ChildProcess.Start(new ProcessStartInfo("sh") { ArgumentList = { "-c", "trap '' TERM; echo ready; while :; do sleep 0.05; done" } });
        await Eventually.WaitUntilAsync(() => Task.FromResult(child.RecentOutput.Contains("ready")), TimeSpan.FromSeconds(10));
        var clock = Stopwatch.StartNew();

        var exitCode = await child.StopAsync(TimeSpan.FromMilliseconds(500));

        Assert.Equal(128 + Posix.SigKill, exitCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(450), TimeSpan.FromSeconds(10));
        Assert.False(Posix.IsAlive(child.Id));
    }

    [Fact]
    public async Task A_child_in_its_own_session_does_not_share_the_terminals_process_group()
    {
        await using var child = ChildProcess.Start(ChildProcess.InOwnSession(new ProcessStartInfo("sh") { ArgumentList = { "-c", "echo $$; sleep 30" } }));
        await Eventually.WaitUntilAsync(() => Task.FromResult(child.RecentOutput.Length > 0), TimeSpan.FromSeconds(10));

        Assert.Equal(child.Id.ToString(), child.RecentOutput.Trim()); // setsid runs the program in its own process
        var stat = (await File.ReadAllTextAsync($"/proc/{child.Id}/stat")).Split(' ');
        Assert.Equal(child.Id.ToString(), stat[5]); // the session id is its own
    }

    [Fact]
    public void A_missing_assembly_is_reported_with_what_to_do()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ChildProcess.ForAssembly("/nowhere/Fever.Missing.dll"));
        Assert.Contains("make build", error.Message);
    }

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
