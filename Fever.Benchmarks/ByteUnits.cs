namespace Fever.Benchmarks;

/// <summary>
/// The two megabytes of the reports: sizes and throughput in MB (10^6 bytes, as network and disk figures are
/// given), memory in MiB (2^20 bytes, as the kernel and <c>top</c> count it).
/// </summary>
public static class ByteUnits
{
    public static double Megabytes(long bytes) => bytes / 1_000_000d;

    public static double Mebibytes(long bytes) => bytes / 1_048_576d;

    /// <summary>Whole MiB, or <c>n/a</c> for a size that could not be measured.</summary>
    public static string FormatMebibytes(long? bytes) => bytes is { } known ? $"{Mebibytes(known):0}" : "n/a";
}
