using Fever.Data;

namespace Fever.Tests.Data;

public sealed class EventIdentityTests
{
    [Theory]
    // Expected values from Python's uuid.uuid5(uuid.NAMESPACE_URL, name), an independent RFC implementation.
    [InlineData(291, 291, "93207718-9d10-5b43-9fa5-325546d3df38")]
    public void Is_the_version_5_uuid_of_the_plan_key_in_the_url_namespace(long basePlanId, long planId, string expected)
    {
        Assert.Equal(Guid.Parse(expected), EventIdentity.For(basePlanId, planId));
    }

    [Fact]
    public void Matches_the_rfc_example_and_sets_version_and_variant()
    {
        // RFC 9562 appendix A.4 uses the DNS namespace and "www.example.com".
        var dns = Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.Equal(Guid.Parse("2ed6657d-e927-568b-95e1-2665a8aea6a2"), EventIdentity.NameBasedUuid(dns, "www.example.com"));

        var id = EventIdentity.For(322, 1642);
        Assert.Equal(5, id.Version);
        Assert.Contains(id.ToString()[19], "89ab"); // RFC variant bits 10xx
    }

    [Fact]
    public void Tells_apart_plans_sharing_a_plan_id_under_different_base_plans()
    {
        Assert.NotEqual(EventIdentity.For(322, 1642), EventIdentity.For(1591, 1642));
        Assert.Equal(EventIdentity.For(322, 1642), EventIdentity.For(322, 1642));
    }
}
