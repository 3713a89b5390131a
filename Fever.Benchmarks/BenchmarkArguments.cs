using System.Diagnostics.CodeAnalysis;
using Fever.ProviderSimulator;

namespace Fever.Benchmarks;

/// <summary>
/// The command line: scenario names to run (none: all), the size of the generated feed (each scenario has its own
/// default size; a size given here overrides it in every scenario) and the length of a load run.
/// </summary>
public sealed class BenchmarkArguments
{
    public const int UsageError = 2;

    public const string Usage =
        "Usage: dotnet run -c Release --project Fever.Benchmarks -- [scenario...] [--base-plans N] [--plans N] [--zones N] [--duration S]\n" +
        "  scenarios: ingest, api, graphql, executor, telemetry (default: all)\n" +
        "  --base-plans N   base plans in the generated feed (default: ingest 5000, the others 1000)\n" +
        "  --plans N        plans per base plan (default: ingest 2, the others 10)\n" +
        "  --zones N        zones per plan (default: ingest 100, the others 4)\n" +
        "  --duration S     seconds of each measured wrk run of the api, graphql and telemetry scenarios (default 10; each follows a 3 s warm-up)";

    private int? _basePlans;
    private int? _plansPerBase;
    private int? _zonesPerPlan;

    public bool Help { get; private set; }

    public List<string> Scenarios { get; } = [];

    public TimeSpan LoadDuration { get; private set; } = TimeSpan.FromSeconds(10);

    /// <summary>A scenario's default feed with the sizes given on the command line instead of its own.</summary>
    public GeneratedFeedOptions Feed(GeneratedFeedOptions scenarioDefault) => new()
    {
        BasePlans = _basePlans ?? scenarioDefault.BasePlans,
        PlansPerBase = _plansPerBase ?? scenarioDefault.PlansPerBase,
        ZonesPerPlan = _zonesPerPlan ?? scenarioDefault.ZonesPerPlan,
    };

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
                "--base-plans" => n => parsed._basePlans = n,
                "--plans" => n => parsed._plansPerBase = n,
                "--zones" => n => parsed._zonesPerPlan = n,
                "--duration" => n => parsed.LoadDuration = TimeSpan.FromSeconds(n),
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
