var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL from the machine's binaries, its cluster kept in .fever/postgres; Parameters:postgres-runtime=container
// takes Aspire's container instead, on machines that have a container runtime.
var feverdb = builder.UsesPostgresContainer()
    ? builder.AddPostgres("postgres", port: builder.PostgresPort()).WithDataVolume().AddDatabase("feverdb").AsConnectionString()
    : builder.AddLocalPostgres("postgres", builder.PostgresDataDirectory(), builder.PostgresPort(), builder.FreshStart())
        .AddDatabase("feverdb").AsConnectionString();

var migrations = builder.AddProject<Projects.Fever_MigrationService>("migrations")
    .WithReference(feverdb)
    .WaitFor(feverdb);

var sync = builder.AddProject<Projects.Fever_Sync>("sync")
    .WithReference(feverdb)
    .WaitForCompletion(migrations)
    .WithHttpEndpoint(name: "http")
    .WithHttpHealthCheck("/health")
    .WithRestartOnCrash()
    .WithSyncNowCommand(feverdb);

// The partner's feed: the real one when Parameters:provider-url is set, else the simulator.
if (builder.ProviderUrl() is { } providerUrl)
    sync.WithReference(builder.AddExternalService("provider", providerUrl));
else
    sync.WithReference(builder.AddProviderSimulator("provider"));

// The key that GraphQL mutations (requestSync) need in X-Api-Key: generated once, kept in the AppHost's user secrets.
var apiKey = builder.AddParameter("api-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

builder.AddProject<Projects.Fever_Api>("api")
    .WithReference(feverdb)
    .WaitForCompletion(migrations)
    .WithEnvironment("Mutations__ApiKey", apiKey)
    .WithHttpEndpoint(port: builder.ApiPort(), name: "http")
    .WithReplicas(builder.ApiReplicas())
    .WithHttpHealthCheck("/health")
    .WithRestartOnCrash()
    .WithRelativeUrl("/search?starts_at=2021-01-01T00:00:00Z&ends_at=2021-12-31T23:59:59Z", "Search")
    .WithRelativeUrl("/docs", "API docs")
    .WithRelativeUrl("/graphql", "GraphQL");

builder.Build().Run();
