using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Fever.Tests.Infrastructure;

namespace Fever.Tests.AppHost;

/// <summary>A project that keeps crashing at start is restarted with backoff, then left Finished, as the policy says.</summary>
[Collection(LifecycleCollection.Name)]
public sealed class RestartPolicyTests
{
    [Fact]
    public async Task A_worker_that_keeps_crashing_is_restarted_the_policys_number_of_times_then_left_finished()
    {
        var policy = new RestartPolicy { FirstDelay = TimeSpan.FromMilliseconds(200), MaxCrashesInARow = 2 };
        await using var fever = await FeverApp.StartAsync(
            configure: builder => builder.Project("sync")
                .WithEnvironment("Provider__Url", "not-a-url") // refused by the worker's option validation at start
                .WithAnnotation(new RestartOnCrashAnnotation(policy), ResourceAnnotationMutationBehavior.Replace),
            waitFor: ["api"]);

        await Eventually.WaitUntilAsync(() => Task.FromResult(Restarts(fever) == 2 && IsCrashed(fever.Snapshot("sync"))), TimeSpan.FromSeconds(90));
        await Task.Delay(policy.FirstDelay * 20); // well past the next delay the policy would have waited

        var sync = fever.Snapshot("sync");
        Assert.True(IsCrashed(sync), $"sync is {sync.State?.Text} with exit code {sync.ExitCode}");
        Assert.Equal(2, Restarts(fever));
    }

    private static bool IsCrashed(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.Finished && snapshot.ExitCode is not (null or 0);

    private static int Restarts(FeverApp fever) =>
        fever.Snapshot("sync").Properties.FirstOrDefault(p => p.Name == "fever.restarts")?.Value is int restarts ? restarts : 0;
}
