namespace Fever.Benchmarks;

/// <summary>What a scenario is doing, on standard error, so that standard output holds only the report.</summary>
public static class Progress
{
    public static void Report(string scenario, string step) => Console.Error.WriteLine($"[{scenario}] {step}...");
}
