using Fever.Tests.Infrastructure;

namespace Fever.Tests.Telemetry;

/// <summary>
/// Activity and meter listeners hear the whole process: these tests run on their own, after the parallel ones, so no
/// other test's runs or queries mix into what they record.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "telemetry";
}
