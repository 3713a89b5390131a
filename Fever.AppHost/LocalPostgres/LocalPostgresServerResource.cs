namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// PostgreSQL run from the machine's own server binaries (Debian's <c>postgresql</c> package), for machines without a
/// container runtime: an executable whose connection string is built like <c>Aspire.Hosting.PostgreSQL</c>'s, over its
/// endpoint and a secret password parameter.
/// </summary>
public sealed class LocalPostgresServerResource(string name, ParameterResource password, PostgresCluster cluster)
    // The server is given its data folder by path, so its working directory does not matter.
    : ExecutableResource(name, cluster.Command, "/"), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";
    public const string UserName = "postgres";

    private readonly Dictionary<string, string> _databases = new(StringComparer.OrdinalIgnoreCase);

    public EndpointReference PrimaryEndpoint => field ??= new(this, PrimaryEndpointName);

    public ParameterResource PasswordParameter { get; } = password;

    /// <summary>The folder of the cluster's files, its binaries and the user it runs as.</summary>
    public PostgresCluster Cluster { get; } = cluster;

    /// <summary>Resource name → database name of the databases declared with AddDatabase.</summary>
    public IReadOnlyDictionary<string, string> Databases => _databases;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={PasswordParameter}");

    /// <summary>Set once the cluster was prepared for its first start of this run (a fresh start deletes it only then).</summary>
    internal bool Prepared { get; set; }

    internal void AddDatabase(string name, string databaseName) => _databases.TryAdd(name, databaseName);
}
