namespace Fever.Tests.AppHost;

/// <summary>The tests that start the whole app run one after another: each runs PostgreSQL and three .NET processes.</summary>
[CollectionDefinition(Name)]
public sealed class AppHostCollection
{
    public const string Name = "apphost";
}
