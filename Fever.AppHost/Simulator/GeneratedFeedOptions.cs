namespace Fever.AppHost.Simulator;

/// <summary>Size of a generated feed: base plans × plans per base plan × zones per plan.</summary>
public sealed class GeneratedFeedOptions
{
    public int BasePlans { get; set; } = 1_000;

    public int PlansPerBase { get; set; } = 2;

    public int ZonesPerPlan { get; set; } = 10;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(BasePlans);
        ArgumentOutOfRangeException.ThrowIfNegative(PlansPerBase);
        ArgumentOutOfRangeException.ThrowIfNegative(ZonesPerPlan);
    }
}
