namespace Fever.AppHost.Dashboard.Pages;

/// <summary>The dashboard's sections, one per link of its navigation.</summary>
internal enum DashboardSection
{
    Resources,
    Console,
    StructuredLogs,
    Traces,
    Metrics,
}
