using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Fever.Testing;

/// <summary>
/// The real Aspire dashboard run on its own, as a test or a benchmark needs it: the binary the AppHost starts (from the
/// <c>Aspire.Dashboard.Sdk.{rid}</c> package in the NuGet packages folder) in standalone mode on loopback, OTLP/HTTP only,
/// its OTLP endpoint and its telemetry HTTP API each behind an API key, the frontend unsecured, nothing persisted.
/// </summary>
public sealed record StandaloneDashboard(Uri Frontend, Uri OtlpEndpoint, string OtlpApiKey, string ApiKey)
{
    /// <summary>The dashboard of Aspire.Hosting.AppHost 13.6.5, the version the AppHost restores.</summary>
    public const string Version = "13.6.5";

    /// <summary>Free loopback ports and fresh keys.</summary>
    public static StandaloneDashboard OnFreePorts() => new(
        new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/"), new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/"), NewKey(), NewKey());

    /// <summary>The dashboard's binary: <c>{NuGet packages}/aspire.dashboard.sdk.{rid}/{Version}/tools/Aspire.Dashboard</c>.</summary>
    public static string Locate()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var package = $"aspire.dashboard.sdk.{RuntimeInformation.RuntimeIdentifier}";
        var binary = Path.Combine(packages, package, Version, "tools", "Aspire.Dashboard");
        return File.Exists(binary)
            ? binary
            : throw new InvalidOperationException(
                $"The Aspire dashboard is not in the NuGet packages folder: {binary} is missing. It comes with the Aspire AppHost SDK " +
                $"(package {package} {Version}): restore the AppHost (dotnet restore Fever.AppHost), then try again.");
    }

    /// <summary>How to start it, with <paramref name="settings"/> (environment variables) on top of its own.</summary>
    public ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string>? settings = null)
    {
        var binary = Locate();
        var startInfo = new ProcessStartInfo(binary) { WorkingDirectory = Path.GetDirectoryName(binary)! };
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = Frontend.GetLeftPart(UriPartial.Authority),
            ["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = OtlpEndpoint.GetLeftPart(UriPartial.Authority),
            ["ASPIRE_DASHBOARD_PERSISTENCE_MODE"] = "None",
            ["Dashboard__Otlp__AuthMode"] = "ApiKey",
            ["Dashboard__Otlp__PrimaryApiKey"] = OtlpApiKey,
            ["Dashboard__Frontend__AuthMode"] = "Unsecured",
            ["Dashboard__Api__Enabled"] = "true",
            ["Dashboard__Api__AuthMode"] = "ApiKey",
            ["Dashboard__Api__PrimaryApiKey"] = ApiKey,
        })
            startInfo.Environment[name] = value;
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            startInfo.Environment[name] = value;
        return startInfo;
    }

    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
