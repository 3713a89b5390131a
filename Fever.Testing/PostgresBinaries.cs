namespace Fever.Testing;

/// <summary>Finds the PostgreSQL server programs (Debian puts them in /usr/lib/postgresql/N/bin, off the PATH).</summary>
public sealed record PostgresBinaries(string InitDb, string Postgres)
{
    public const string InstallHint =
        "PostgreSQL's server is not installed. On Debian: sudo apt-get install -y postgresql (or run `make test`/`make run` as root, which installs it).";

    /// <summary>The newest /usr/lib/postgresql/*/bin, else the first folder of PATH that has both programs.</summary>
    public static PostgresBinaries Find()
    {
        var candidates = DebianBinDirectories().Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        foreach (var directory in candidates)
        {
            var initDb = Path.Combine(directory, "initdb");
            var postgres = Path.Combine(directory, "postgres");
            if (File.Exists(initDb) && File.Exists(postgres))
                return new PostgresBinaries(initDb, postgres);
        }
        throw new InvalidOperationException(InstallHint);
    }

    private static IEnumerable<string> DebianBinDirectories()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
            return [];
        return Directory.GetDirectories(root)
            .Select(path => (path, version: int.TryParse(Path.GetFileName(path), out var v) ? v : -1))
            .Where(x => x.version > 0)
            .OrderByDescending(x => x.version)
            .Select(x => Path.Combine(x.path, "bin"));
    }
}
