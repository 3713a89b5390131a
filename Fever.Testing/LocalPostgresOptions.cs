namespace Fever.Testing;

/// <summary>Where a local PostgreSQL cluster runs.</summary>
public sealed class LocalPostgresOptions
{
    /// <summary>
    /// The cluster's folder. Null: a throwaway cluster under the system's temp folder, deleted when stopped.
    /// Set: a cluster that outlives its server, created on first use and reused by the next start (for a test that
    /// stops PostgreSQL and starts it again on the same data).
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; set; }
}
