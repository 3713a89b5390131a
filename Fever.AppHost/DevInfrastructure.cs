using Fever.AppHost.Postgres;
using Fever.AppHost.Simulator;

namespace Fever.AppHost;

/// <summary>PostgreSQL (persistent, in <c>.fever/postgres</c>) with the feverdb database, and the provider simulator.</summary>
public sealed class DevInfrastructure : IAsyncDisposable
{
    public const string DatabaseName = "feverdb";

    private DevInfrastructure(LocalPostgres postgres, ProviderSimulator provider)
    {
        Postgres = postgres;
        Provider = provider;
    }

    public LocalPostgres Postgres { get; }
    public ProviderSimulator Provider { get; }
    public string ConnectionString => Postgres.ConnectionString(DatabaseName);

    /// <summary>The git-ignored <c>.fever/</c> of the repository (found above the working folder), else of the working folder.</summary>
    public static string StateDirectory { get; } = Path.Combine(RepositoryRoot.FindAbove(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory(), ".fever");

    /// <summary>Configuration: <c>Postgres:DataDirectory|Port|Fresh</c> and the <c>Simulator</c> section.</summary>
    public static async Task<DevInfrastructure> StartAsync(IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var postgresOptions = new LocalPostgresOptions { DataDirectory = Path.Combine(StateDirectory, "postgres"), Port = 15432 };
        configuration.GetSection("Postgres").Bind(postgresOptions);
        var simulatorOptions = new ProviderSimulatorOptions { Port = 5070 };
        configuration.GetSection(ProviderSimulatorOptions.SectionName).Bind(simulatorOptions);

        var postgres = await LocalPostgres.StartAsync(postgresOptions, line => Console.WriteLine($"[postgres] {line}"), cancellationToken);
        try
        {
            await postgres.CreateDatabaseAsync(DatabaseName, cancellationToken);
            var provider = await ProviderSimulator.StartAsync(simulatorOptions, cancellationToken);
            return new DevInfrastructure(postgres, provider);
        }
        catch
        {
            await postgres.DisposeAsync();
            throw;
        }
    }

    public string Describe() => $"""

        PostgreSQL  {ConnectionString}
                    data in {Postgres.RootDirectory}
        Provider    {Provider.FeedUrl}  (status: {new Uri(Provider.BaseAddress, "simulator/status")})

        Run the worker and the API against them in other terminals:  make worker  and  make api (http://localhost:5080/search, /docs)
        (or: set -a; . .fever/dev.env; dotnet run --project Fever.Sync)
        Ctrl+C stops both.

        """;

    /// <summary>Writes the worker's environment (Aspire's variable names) to <c>.fever/dev.env</c> for <c>make worker</c>.</summary>
    public async Task WriteEnvironmentFileAsync()
    {
        Directory.CreateDirectory(StateDirectory);
        await File.WriteAllTextAsync(Path.Combine(StateDirectory, "dev.env"), $"""
            ConnectionStrings__feverdb='{ConnectionString}'
            services__provider__http__0='{Provider.BaseAddress.ToString().TrimEnd('/')}'

            """);
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
