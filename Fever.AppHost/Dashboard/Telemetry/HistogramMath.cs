namespace Fever.AppHost.Dashboard.Telemetry;

internal static class HistogramMath
{
    /// <summary>
    /// The value below which <paramref name="quantile"/> of the measurements fall, interpolated linearly in its
    /// bucket. Bucket i holds values in (bounds[i-1], bounds[i]]; the first starts at 0, the last (unbounded)
    /// is taken at its lower bound.
    /// </summary>
    public static double Percentile(IReadOnlyList<ulong> buckets, IReadOnlyList<double> bounds, double quantile)
    {
        var total = 0d;
        foreach (var count in buckets)
            total += count;
        if (total == 0)
            return 0;
        var target = quantile * total;
        var seen = 0d;
        for (var i = 0; i < buckets.Count; i++)
        {
            if (buckets[i] == 0 || seen + buckets[i] < target)
            {
                seen += buckets[i];
                continue;
            }
            var lower = i == 0 ? Math.Min(0, bounds.Count > 0 ? bounds[0] : 0) : bounds[i - 1];
            if (i >= bounds.Count)
                return lower;
            return lower + (bounds[i] - lower) * ((target - seen) / buckets[i]);
        }
        return bounds.Count > 0 ? bounds[^1] : 0;
    }

    public static ulong[] Subtract(IReadOnlyList<ulong> current, IReadOnlyList<ulong> previous)
    {
        var difference = new ulong[current.Count];
        for (var i = 0; i < current.Count; i++)
            difference[i] = i < previous.Count && current[i] >= previous[i] ? current[i] - previous[i] : current[i];
        return difference;
    }
}
