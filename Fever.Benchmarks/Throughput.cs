namespace Fever.Benchmarks;

/// <summary>Bytes moved in a time.</summary>
public readonly record struct Throughput(long Bytes, TimeSpan Elapsed)
{
    /// <summary>MB (10^6 bytes) per second.</summary>
    public double MegabytesPerSecond => ByteUnits.Megabytes(Bytes) / Elapsed.TotalSeconds;
}
