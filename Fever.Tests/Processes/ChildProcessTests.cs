using System.Diagnostics;
using Fever.Testing;
using Fever.Tests.Infrastructure;

namespace Fever.Tests.Processes;

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
}
