namespace Fever.Api.BananaCakePop;

/// <summary>
/// <c>bcp-config.json</c>, which Banana Cake Pop 18 fetches from beside its index.html: the preset of every new
/// document (endpoint, and optionally httpHeaders, includeCookies, useGet, sdlEndpoint) and of the app (title,
/// telemetry). What is not set here keeps the IDE's default: POST, no cookies, schema by introspection.
/// </summary>
public sealed record BananaCakePopConfig(string Title, string Endpoint)
{
    /// <summary>Otherwise the IDE reports usage to ChilliCream; our services send nothing but to their own OTLP collector.</summary>
    public bool DisableTelemetry => true;
}
