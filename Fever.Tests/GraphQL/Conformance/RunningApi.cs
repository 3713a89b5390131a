using Fever.Tests.Infrastructure;

namespace Fever.Tests.GraphQL.Conformance;

/// <summary>
/// The API process of the shared fixture, checked to be still running: a test that comes after a crash says so,
/// with the API's last output, instead of failing on a refused connection.
/// </summary>
public static class RunningApi
{
    public static HttpClient Of(SampleApiFixture fixture) =>
        fixture.Api.HasExited
            ? throw new InvalidOperationException($"The API process exited with {fixture.Api.ExitCode}; its last output:\n{fixture.Api.Output}")
            : fixture.Http;
}
