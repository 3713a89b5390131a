using Fever.AppHost.Dashboard.Telemetry;

namespace Fever.AppHost.Dashboard;

/// <summary>The dashboard's settings, section <c>Dashboard</c>, named after Aspire's dashboard settings.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    public FrontendOptions Frontend { get; set; } = new();

    public TelemetryLimits TelemetryLimits { get; set; } = new();
}

public sealed class FrontendOptions
{
    /// <summary>
    /// When set, the dashboard may listen on any address (<c>AppHost:DashboardUrl</c>), and a browser must first
    /// open <c>/login?t=TOKEN</c>; the AppHost prints that link. When empty, it listens on loopback only.
    /// </summary>
    public string? BrowserToken { get; set; }
}
