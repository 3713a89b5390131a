namespace Fever.Tests.Dashboard;

/// <summary>
/// The dashboard's tests share one app. They run beside the other whole-app tests rather than after them: that app
/// mostly idles while a browser reads its pages.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardApp>
{
    public const string Name = "dashboard";
}
