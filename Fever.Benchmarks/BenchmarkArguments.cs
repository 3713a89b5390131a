using System.Diagnostics.CodeAnalysis;
using Fever.AppHost.Simulator;

namespace Fever.Benchmarks;

/// <summary>The command line: scenario names to run (none: all) and the size of the generated feed.</summary>
public sealed class BenchmarkArguments
{
    public const int UsageError = 2;

    public const string Usage =
        "Usage: dotnet run -c Release --project Fever.Benchmarks -- [scenario...] [--base-plans N] [--plans N] [--zones N]\n" +
        "  scenarios: ingest (default: all)\n" +
        "  --base-plans N   base plans in the generated feed (default 5000)\n" +
        "  --plans N        plans per base plan (default 2)\n" +
        "  --zones N        zones per plan (default 100)";

    public bool Help { get; private set; }

    public List<string> Scenarios { get; } = [];

    public GeneratedFeedOptions Feed { get; } = new() { BasePlans = 5_000, PlansPerBase = 2, ZonesPerPlan = 100 };

    public static bool TryParse(string[] args, [NotNullWhen(true)] out BenchmarkArguments? arguments, [NotNullWhen(false)] out string? error)
    {
        var parsed = new BenchmarkArguments();
        (arguments, error) = (null, null);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--help" or "-h")
            {
                parsed.Help = true;
                continue;
            }
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                parsed.Scenarios.Add(args[i]);
                continue;
            }

            Action<int>? set = args[i] switch
            {
                "--base-plans" => n => parsed.Feed.BasePlans = n,
                "--plans" => n => parsed.Feed.PlansPerBase = n,
                "--zones" => n => parsed.Feed.ZonesPerPlan = n,
                _ => null,
            };
            if (set is null)
            {
                error = $"Unknown option {args[i]}.";
                return false;
            }
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out var value) || value < 1)
            {
                error = $"{args[i]} needs a positive whole number.";
                return false;
            }
            set(value);
            i++;
        }

        arguments = parsed;
        return true;
    }
}
