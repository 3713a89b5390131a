using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fever.Tests.AppHost;

/// <summary>The model Fever.AppHost's Program.cs declares, read through the testing builder without starting anything.</summary>
public sealed class AppModelTests
{
    [Fact]
    public async Task Program_declares_local_postgres_the_migrations_the_simulator_and_both_services()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Fever_AppHost>();

        var postgres = Assert.IsType<LocalPostgresServerResource>(Resource(builder, "postgres"));
        var feverdb = Assert.IsType<LocalPostgresDatabaseResource>(Resource(builder, "feverdb"));
        Assert.Same(postgres, feverdb.Parent);
        Assert.True(postgres.PasswordParameter.Secret);
        Assert.EndsWith(Path.Combine(".fever", "postgres"), postgres.Cluster.Root.TrimEnd('/'), StringComparison.Ordinal);

        var migrations = Assert.IsType<ProjectResource>(Resource(builder, "migrations"));
        var sync = Assert.IsType<ProjectResource>(Resource(builder, "sync"));
        var api = Assert.IsType<ProjectResource>(Resource(builder, "api"));
        Assert.IsType<ProjectResource>(Resource(builder, "provider"));
        Assert.Contains(migrations.Annotations.OfType<WaitAnnotation>(), w => w.Resource == feverdb && w.WaitType == WaitType.WaitUntilHealthy);
        foreach (var service in new[] { sync, api })
        {
            Assert.Contains(service.Annotations.OfType<WaitAnnotation>(), w => w.Resource == migrations && w.WaitType == WaitType.WaitForCompletion);
            Assert.Single(service.Annotations.OfType<RestartOnCrashAnnotation>());
        }
        Assert.Contains(sync.Annotations.OfType<ResourceCommandAnnotation>(), c => c.Name == SyncNowCommand.Name && c.DisplayName == "Sync now");
        Assert.Equal(5080, api.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http").Port);
        Assert.Equal(1, api.Annotations.OfType<ReplicaAnnotation>().Single().Replicas);
    }

    [Fact]
    public async Task With_a_container_runtime_one_parameter_takes_aspires_postgres_and_the_services_get_its_connection_string()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Fever_AppHost>(
            ["--Parameters:postgres-runtime=container"]);

        var postgres = Assert.IsType<PostgresServerResource>(Resource(builder, "postgres"));
        Assert.True(postgres.TryGetLastAnnotation<ContainerImageAnnotation>(out var image));
        Assert.Equal("postgres", image.Image.Split('/').Last());
        Assert.Contains(postgres.Annotations.OfType<ContainerMountAnnotation>(), m => m.Target.StartsWith("/var/lib/postgresql", StringComparison.Ordinal) && m.Type == ContainerMountType.Volume);
        var feverdb = Assert.IsType<PostgresDatabaseResource>(Resource(builder, "feverdb"));
        Assert.Equal("feverdb", feverdb.DatabaseName);
        Assert.Equal(15432, postgres.Annotations.OfType<EndpointAnnotation>().Single().Port);

        // What each service is given, as the manifest writes it: the database's connection string, whatever serves it.
        foreach (var name in new[] { "migrations", "sync", "api" })
        {
            var environment = await PublishedEnvironmentAsync(Resource(builder, name));
            Assert.Equal("{feverdb.connectionString}", environment["ConnectionStrings__feverdb"]);
        }
        Assert.Equal(
            "{postgres.connectionString};Database=feverdb",
            feverdb.ConnectionStringExpression.ValueExpression);
        Assert.Contains("Host={postgres.bindings.tcp.host};Port={postgres.bindings.tcp.port};Username=postgres;Password={postgres-password.value}",
            postgres.ConnectionStringExpression.ValueExpression);
    }

    [Fact]
    public async Task Parameters_on_the_command_line_change_the_model()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Fever_AppHost>(
            ["--Parameters:provider-url=https://provider.example.com", "--Parameters:api-replicas=3", "--Parameters:api-port=6000"]);

        var provider = Assert.IsType<ExternalServiceResource>(Resource(builder, "provider"));
        Assert.Equal(new Uri("https://provider.example.com"), provider.Uri);
        var api = Resource(builder, "api");
        Assert.Equal(3, api.Annotations.OfType<ReplicaAnnotation>().Single().Replicas);
        Assert.Equal(6000, api.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http").Port);
        var environment = await PublishedEnvironmentAsync(Resource(builder, "sync"));
        Assert.Contains(environment, e => e.Key.StartsWith("services__provider__", StringComparison.Ordinal));
    }

    /// <summary>The environment the resource is given, as the manifest writes it (references as <c>{name.property}</c>).</summary>
    private static async Task<IReadOnlyDictionary<string, string>> PublishedEnvironmentAsync(IResource resource)
    {
        var configuration = await ExecutionConfigurationBuilder.Create(resource).WithEnvironmentVariablesConfig()
            .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), NullLogger.Instance, CancellationToken.None);
        return configuration.EnvironmentVariables.ToDictionary();
    }

    private static IResource Resource(IDistributedApplicationTestingBuilder builder, string name) => builder.Resources.Single(r => r.Name == name);
}
