namespace Fever.AppHost.Postgres;

/// <summary>Where and how a local PostgreSQL cluster runs.</summary>
public sealed class LocalPostgresOptions
{
    /// <summary>
    /// The cluster's folder. Null: a throwaway cluster under the system's temp folder, deleted when stopped.
    /// Set: a persistent cluster, created on first use and reused afterwards.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Folder of initdb/postgres; null finds the newest /usr/lib/postgresql/*/bin, then PATH.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>Delete a persistent cluster's folder before starting (start from nothing).</summary>
    public bool Fresh { get; set; }

    /// <summary>How long to wait for the server to accept connections.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Extra server settings (<c>-c name=value</c>), e.g. <c>max_connections</c>.</summary>
    public Dictionary<string, string> Settings { get; set; } = [];
}
