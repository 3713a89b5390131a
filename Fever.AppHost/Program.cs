using Fever.AppHost.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres", port: 15432).WithDataDirectory();
var feverdb = postgres.AddDatabase("feverdb");

IResourceBuilder<IResourceWithServiceDiscovery> provider = builder.Configuration["Parameters:provider-url"] is { Length: > 0 } providerUrl
    ? builder.AddExternalService("provider", providerUrl)
    : builder.AddProviderSimulator("provider");

builder.AddProject<Projects.Fever_Sync>("sync")
    .WithReference(feverdb)
    .WithReference(provider)
    .WaitFor(feverdb)
    .WithHttpHealthCheck("/health");

// The key GraphQL mutations (requestSync) need in X-Api-Key; a fresh one per run unless given.
var apiKey = builder.Configuration["Parameters:api-key"] is { Length: > 0 } givenKey
    ? givenKey
    : Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

builder.AddProject<Projects.Fever_Api>("api")
    .WithReference(feverdb)
    .WaitFor(feverdb)
    .WithHttpHealthCheck("/health")
    .WithHttpEndpoint(port: builder.Configuration.GetValue("Parameters:api-port", 5080))
    .WithReplicas(builder.Configuration.GetValue("Parameters:api-replicas", 1))
    .WithUrl("/search?starts_at=2021-01-01T00:00:00Z&ends_at=2021-12-31T23:59:59Z", "Search")
    .WithUrl("/docs", "API docs")
    .WithUrl("/graphql", "GraphQL")
    .WithEnvironment("Mutations__ApiKey", apiKey);

if (builder.Configuration["Parameters:api-key"] is not { Length: > 0 } && builder.Configuration.GetValue("AppHost:ConsoleLogs", true))
    Console.WriteLine($"GraphQL mutations take this run's API key in X-Api-Key: {apiKey} (set Parameters:api-key to choose one).");

builder.Build().Run();
