using Fever.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fever.Tests.GraphQL.Conformance;

/// <summary>
/// graphql-http's audits of the GraphQL-over-HTTP spec, run against the API process. Every MUST has to hold; so does
/// every SHOULD (our goal), in a test of its own so that the two kinds of failure stay apart. Every audit that does
/// not pass, MAYs included, is written to the test output.
/// </summary>
[Collection(SampleApiCollection.Name)]
public sealed class GraphQLOverHttpAuditTests(SampleApiFixture fixture, ITestOutputHelper output)
{
    private readonly HttpClient _api = RunningApi.Of(fixture);

    [Fact]
    public async Task Every_MUST_of_GraphQL_over_HTTP_holds() => AssertAllPass(await AuditAsync(), "MUST");

    [Fact]
    public async Task Every_SHOULD_of_GraphQL_over_HTTP_holds() => AssertAllPass(await AuditAsync(), "SHOULD");

    private async Task<IReadOnlyList<AuditResult>> AuditAsync()
    {
        var audits = await GraphQLJs.AuditAsync(new Uri(_api.BaseAddress!, "/graphql"));
        foreach (var audit in audits.Where(audit => !audit.Passed))
            output.WriteLine($"{audit.Status}: {audit}");
        return audits;
    }

    private static void AssertAllPass(IReadOnlyList<AuditResult> audits, string requirement)
    {
        var required = audits.Where(audit => audit.Requirement == requirement).ToList();
        var failed = required.Where(audit => !audit.Passed).ToList();

        Assert.NotEmpty(required);
        Assert.True(failed.Count == 0, $"{failed.Count} of {required.Count} {requirement} audits fail:\n{string.Join('\n', failed)}");
    }
}
