using Fever.AppHost.Hosting;
using Fever.AppHost.Hosting.Testing;

namespace Fever.Tests.AppHost;

/// <summary>The model Fever.AppHost's Program.cs declares, read through the testing builder without starting anything.</summary>
public sealed class AppModelTests
{
    [Fact]
    public async Task Program_declares_postgres_its_database_the_provider_and_both_projects()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Fever_AppHost>();

        Assert.Equal(["postgres", "feverdb", "provider", "sync", "api"], builder.Resources.Select(r => r.Name));
        var database = Assert.IsType<PostgresDatabaseResource>(builder.Resources[1]);
        Assert.Same(builder.Resources[0], database.Parent);
        Assert.IsType<ProviderSimulatorResource>(builder.Resources[2]);

        var sync = Assert.IsType<ProjectResource>(builder.Resources[3]);
        var api = Assert.IsType<ProjectResource>(builder.Resources[4]);
        Assert.EndsWith("Fever.Sync.dll", sync.Project.AssemblyPath);
        Assert.EndsWith("Fever.Api.dll", api.Project.AssemblyPath);
        Assert.Equal([database], sync.WaitsFor);
        Assert.Equal([database], api.WaitsFor);
        Assert.Equal("/health", Assert.IsType<HttpHealthProbe>(api.HealthProbe).Path);
        Assert.Equal(5080, api.Port);
        Assert.Equal(1, api.Replicas);
    }

    [Fact]
    public async Task Parameters_on_the_command_line_change_the_model()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Fever_AppHost>(
            ["--Parameters:provider-url=https://provider.example.com", "--Parameters:api-replicas=3", "--Parameters:api-port=6000"]);

        var provider = Assert.IsType<ExternalServiceResource>(builder.Resources.Single(r => r.Name == "provider"));
        Assert.Equal(new Uri("https://provider.example.com"), provider.Url);
        var api = builder.CreateResourceBuilder<ProjectResource>("api").Resource;
        Assert.Equal(3, api.Replicas);
        Assert.Equal(6000, api.Port);
    }

    [Fact]
    public async Task A_bad_provider_url_is_refused_with_a_clear_message()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            DistributedApplicationTestingBuilder.CreateAsync<Projects.Fever_AppHost>(["--Parameters:provider-url=ftp://nowhere"]));
        Assert.Contains("absolute http(s) URL", error.Message);
    }

    [Fact]
    public void Resource_names_follow_aspires_rules()
    {
        Assert.Equal("api-2", ResourceName.Validate("api-2"));
        Assert.Throws<ArgumentException>(() => ResourceName.Validate("2api"));
        Assert.Throws<ArgumentException>(() => ResourceName.Validate("api_db"));
        Assert.Throws<ArgumentException>(() => ResourceName.Validate("api--db"));
    }
}
