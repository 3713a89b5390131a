namespace Fever.ProviderSimulator;

/// <summary>
/// Size of a generated feed: base plans × plans per base plan × zones per plan. Bound from <c>Simulator:Generated</c>.
/// </summary>
public sealed class GeneratedFeedOptions
{
    const string SectionName = $"{ProviderSimulatorOptions.SectionName}:Generated";

    public int BasePlans { get; set; } = 1_000;

    public int PlansPerBase { get; set; } = 2;

    public int ZonesPerPlan { get; set; } = 10;

    /// <summary>What is wrong with this size, one message per setting, named by its configuration key.</summary>
    public IEnumerable<string> Problems()
    {
        if (BasePlans < 0)
            yield return $"{SectionName}:{nameof(BasePlans)} cannot be negative ({BasePlans}).";
        if (PlansPerBase < 0)
            yield return $"{SectionName}:{nameof(PlansPerBase)} cannot be negative ({PlansPerBase}).";
        if (ZonesPerPlan < 0)
            yield return $"{SectionName}:{nameof(ZonesPerPlan)} cannot be negative ({ZonesPerPlan}).";
    }
}
