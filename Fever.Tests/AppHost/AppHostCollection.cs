namespace Fever.Tests.AppHost;

/// <summary>
/// One whole app, with its dashboard, shared by the tests that only look at it or ask it for a sync; the tests of this
/// collection run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<FeverAppFixture>
{
    public const string Name = "apphost";
}

public sealed class FeverAppFixture : IAsyncLifetime
{
    public FeverApp Fever { get; private set; } = null!;

    public async Task InitializeAsync() => Fever = await FeverApp.StartAsync(withDashboard: true);

    public async Task DisposeAsync() => await Fever.DisposeAsync();
}
