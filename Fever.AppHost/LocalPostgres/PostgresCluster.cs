using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Where a local PostgreSQL cluster lives and how its programs run. PostgreSQL refuses to run as root, so a root AppHost
/// runs initdb and the server as the <c>postgres</c> user (setpriv), in a folder that user can reach: the wanted one when
/// it can, else one under <c>/var/lib/fever</c> (a checkout in <c>/root</c>, mode 700, is out of its reach).
/// </summary>
public sealed class PostgresCluster
{
    public const string InstallHint = "PostgreSQL's server is not installed. On Debian: sudo apt-get install -y postgresql (make run does it when root).";
    private const string ServiceUser = "postgres";
    private const string FallbackParent = "/var/lib/fever";

    private readonly Lazy<(string Root, string? MovedFrom)> _location;

    private PostgresCluster(string wantedRoot, string? binDirectory, string? runAs)
    {
        BinDirectory = binDirectory;
        RunAs = runAs;
        _location = new(() => Locate(wantedRoot, runAs));
    }

    /// <summary>The cluster's folder, decided on first use (it may take a process to learn what the postgres user can reach); PGDATA is its <c>data</c> subfolder.</summary>
    public string Root => _location.Value.Root;

    public string DataDirectory => Path.Combine(Root, "data");

    /// <summary>Folder of initdb and postgres; null when the server is not installed.</summary>
    public string? BinDirectory { get; }

    /// <summary>The user the server runs as when the AppHost is root; null: as the AppHost's own user.</summary>
    public string? RunAs { get; }

    /// <summary>The wanted folder, when the postgres user could not reach it and <see cref="Root"/> is elsewhere.</summary>
    public string? MovedFrom => _location.Value.MovedFrom;

    /// <summary>The program DCP starts: setpriv when the server runs as another user, else postgres itself.</summary>
    public string Command => RunAs is null ? PostgresProgram : "setpriv";

    private string PostgresProgram => Path.Combine(BinDirectory ?? "/usr/lib/postgresql/bin", "postgres");

    public static PostgresCluster At(string wantedRoot) =>
        new(wantedRoot, FindBinDirectory(), Environment.IsPrivilegedProcess ? ServiceUser : null);

    private static (string Root, string? MovedFrom) Locate(string wantedRoot, string? runAs)
    {
        if (runAs is null)
            return (wantedRoot, null);
        var parent = Path.GetDirectoryName(wantedRoot)!;
        Directory.CreateDirectory(parent);
        if (RunsToSuccess(Plain("setpriv", [.. AsServiceUser, "test", "-x", parent])))
            return (wantedRoot, null);
        var checkout = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(wantedRoot)))[..12];
        return (Path.Combine(FallbackParent, $"{Path.GetFileName(wantedRoot)}-{checkout}"), wantedRoot);
    }

    /// <summary>The command line after <see cref="Command"/> that runs the server.</summary>
    public IEnumerable<object> ServerArguments(object port)
    {
        if (RunAs is not null)
            foreach (var argument in (string[])[.. AsServiceUser, PostgresProgram])
                yield return argument;
        foreach (var argument in (string[])["-D", DataDirectory, "-p"])
            yield return argument;
        yield return port;
        foreach (var argument in (string[])["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"])
            yield return argument;
    }

    /// <summary>
    /// Makes the cluster ready to start: deletes it first when <paramref name="fresh"/>, creates it with initdb when
    /// missing, and sets the superuser's password to this run's (in single-user mode, before the server listens).
    /// </summary>
    public async Task PrepareAsync(string password, bool fresh, Action<string> log, CancellationToken cancellationToken)
    {
        if (BinDirectory is null)
            throw new InvalidOperationException(InstallHint);
        if (ReadPostmasterPid() is { } running && IsAlive(running))
            throw new InvalidOperationException($"PostgreSQL (pid {running}) already runs on {DataDirectory}; stop it first (kill -INT {running}).");

        if (fresh && Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
            log($"Deleted {Root} (fresh start).");
        }
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
            await InitializeAsync(log, cancellationToken);

        var sql = $"ALTER ROLE {LocalPostgresServerResource.UserName} PASSWORD '{password.Replace("'", "''")}';\n";
        await RunAsync(Path.Combine(BinDirectory, "postgres"), ["--single", "-D", DataDirectory, "-c", "unix_socket_directories=", "postgres"], sql, cancellationToken);
    }

    private async Task InitializeAsync(Action<string> log, CancellationToken cancellationToken)
    {
        if (Directory.Exists(DataDirectory))
            Directory.Delete(DataDirectory, recursive: true); // an initdb that never finished
        Directory.CreateDirectory(Root);
        // initdb wants a first password for scram-sha-256; PrepareAsync replaces it with the run's at every start.
        var passwordFile = Path.Combine(Root, "initdb-password");
        await File.WriteAllTextAsync(passwordFile, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), cancellationToken);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            if (RunAs is not null)
                await RunAsync("chown", ["-R", $"{RunAs}:{RunAs}", Root], stdin: null, cancellationToken, asServiceUser: false);
            // Connections come over TCP with a password only: the server has no Unix socket.
            await RunAsync(Path.Combine(BinDirectory!, "initdb"),
                ["-D", DataDirectory, "-U", LocalPostgresServerResource.UserName, "--pwfile", passwordFile, "--auth=scram-sha-256", "-E", "UTF8", "--no-locale"],
                stdin: null, cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
        log($"initdb: cluster created in {DataDirectory}");
    }

    private async Task RunAsync(string program, string[] arguments, string? stdin, CancellationToken cancellationToken, bool asServiceUser = true)
    {
        var startInfo = asServiceUser && RunAs is not null ? Plain("setpriv", [.. AsServiceUser, program, .. arguments]) : Plain(program, arguments);
        startInfo.RedirectStandardInput = true;
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (stdin is not null)
            await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed with exit code {process.ExitCode}: {await stdout}{await stderr}".Trim());
    }

    private static string[] AsServiceUser => ["--reuid", ServiceUser, "--regid", ServiceUser, "--init-groups", "--"];

    private static ProcessStartInfo Plain(string program, string[] arguments)
    {
        var startInfo = new ProcessStartInfo(program, arguments)
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/",
        };
        startInfo.Environment["LC_ALL"] = "C.UTF-8";
        return startInfo;
    }

    private static bool RunsToSuccess(ProcessStartInfo startInfo)
    {
        try
        {
            using var process = Process.Start(startInfo)!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private int? ReadPostmasterPid()
    {
        try
        {
            return int.TryParse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).FirstOrDefault(), out var pid) ? pid : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    /// <summary>The newest /usr/lib/postgresql/N/bin with initdb and postgres, then PATH.</summary>
    private static string? FindBinDirectory()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : -1).Select(d => Path.Combine(d, "bin"))
            : [];
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        return debian.Concat(path).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "postgres")));
    }
}
