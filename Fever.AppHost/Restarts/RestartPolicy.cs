namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// How a crashed resource is started again: after <see cref="FirstDelay"/>, doubling up to <see cref="MaxDelay"/> while
/// it keeps crashing within <see cref="StableAfter"/> of its start, and not at all after <see cref="MaxCrashesInARow"/>
/// such crashes (a broken configuration does not heal by itself; the dashboard's Start tries again).
/// </summary>
public sealed record RestartPolicy
{
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(30);
    public int MaxCrashesInARow { get; init; } = 5;

    public TimeSpan DelayAfter(int crashesInARow) =>
        TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks << Math.Min(crashesInARow - 1, 20)));
}
