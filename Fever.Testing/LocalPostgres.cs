using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Npgsql;

namespace Fever.Testing;

/// <summary>
/// A PostgreSQL cluster in a folder, run from the machine's own binaries on a loopback port: created with
/// initdb on first use, started as a child process, stopped with a fast shutdown. PostgreSQL refuses to run as
/// root, so a root process runs initdb and postgres as the <c>postgres</c> user (setpriv) in a folder it owns.
/// A throwaway cluster (no <see cref="LocalPostgresOptions.DataDirectory"/>) is deleted when stopped; clusters
/// left behind by a process that died are stopped and removed the next time one starts.
/// </summary>
public sealed partial class LocalPostgres : IAsyncDisposable
{
    public const string Username = "postgres";
    private const string ServiceUser = "postgres";
    private static readonly string ThrowawayRoot = Path.Combine(Path.GetTempPath(), "fever-postgres");
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _server;
    private readonly bool _throwaway;
    private readonly ServerLog _log;
    private int _stopped;

    private LocalPostgres(string root, int port, string password, Process server, bool throwaway, ServerLog log)
    {
        RootDirectory = root;
        Port = port;
        Password = password;
        _server = server;
        _throwaway = throwaway;
        _log = log;
    }

    /// <summary>The cluster's folder: <c>data/</c> (PGDATA), <c>password</c>, <c>owner.pid</c>.</summary>
    public string RootDirectory { get; }

    public int Port { get; }
    public string Password { get; }
    public int ProcessId => _server.Id;

    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Username,
        Password = Password,
        Database = database,
    }.ConnectionString;

    public static async Task<LocalPostgres> StartAsync(LocalPostgresOptions options, CancellationToken cancellationToken = default)
    {
        var binaries = PostgresBinaries.Find();
        var throwaway = options.DataDirectory is null;
        if (throwaway)
            RemoveAbandonedThrowawayClusters();

        var root = Path.GetFullPath(options.DataDirectory ?? Path.Combine(ThrowawayRoot, $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..20]));

        var serverLog = new ServerLog();
        try
        {
            var password = await EnsureClusterAsync(binaries, root, fastAndUnsafe: throwaway, serverLog, cancellationToken);
            StopLeftoverServer(root);
            await File.WriteAllTextAsync(Path.Combine(root, "owner.pid"), Environment.ProcessId.ToString(), cancellationToken);

            for (var attempt = 1; ; attempt++)
            {
                var port = options.Port != 0 ? options.Port : LoopbackPort.Free();
                var server = StartServer(binaries, root, port, throwaway, serverLog);
                var instance = new LocalPostgres(root, port, password, server, throwaway, serverLog);
                try
                {
                    await instance.WaitUntilReadyAsync(StartTimeout, cancellationToken);
                    return instance;
                }
                catch (PortTakenException) when (options.Port == 0 && attempt < 5)
                {
                    await instance.StopServerAsync();
                }
                catch
                {
                    await instance.DisposeAsync();
                    throw;
                }
            }
        }
        catch when (throwaway)
        {
            TryDelete(root);
            throw;
        }
    }

    /// <summary>
    /// Creates the database unless it exists and returns its connection string. Names are plain identifiers (letters,
    /// digits, underscores).
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!DatabaseName().IsMatch(name))
            throw new ArgumentException($"'{name}' is not a plain database name (letters, digits, underscores; 63 at most).", nameof(name));

        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new() { Value = name });
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        return ConnectionString(name);
    }

    /// <summary>Stops the server (fast shutdown: open transactions roll back, then a clean checkpoint).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
            return;
        await StopServerAsync();
        NpgsqlConnection.ClearAllPools();
        if (_throwaway)
            TryDelete(RootDirectory);
        else
            TryDeleteFile(Path.Combine(RootDirectory, "owner.pid"));
    }

    private async Task StopServerAsync()
    {
        if (!_server.HasExited)
        {
            Posix.Signal(_server.Id, Posix.SigInt);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _server.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _server.Kill(entireProcessTree: true);
                await _server.WaitForExitAsync();
            }
        }
        _server.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        var probe = new NpgsqlConnectionStringBuilder(ConnectionString()) { Timeout = 2, Pooling = false }.ConnectionString;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_server.HasExited)
            {
                await _server.WaitForExitAsync(cancellationToken); // drain the log
                var message = $"PostgreSQL exited with code {_server.ExitCode} while starting on port {Port}:\n{string.Join('\n', _log.Recent.TakeLast(15))}";
                throw _log.Recent.Any(line => line.Contains("could not bind", StringComparison.Ordinal))
                    ? new PortTakenException(message)
                    : new InvalidOperationException(message);
            }
            var notReady = PostmasterReportsReady() ? await TryConnectAsync(probe, cancellationToken) : "it has not reported ready";
            if (notReady is null)
                return;
            if (deadline.Elapsed > timeout)
                throw new TimeoutException($"PostgreSQL did not accept connections on port {Port} within {timeout}: {notReady}");
            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>Null when a connection opens; otherwise why not.</summary>
    private static async Task<string?> TryConnectAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            return null;
        }
        catch (Exception exception) when (exception is NpgsqlException or SocketException or TimeoutException)
        {
            return exception.Message;
        }
    }

    /// <summary>
    /// Our postmaster (line 1) writes its status on line 8 of <c>postmaster.pid</c>, as pg_ctl reads it; connecting
    /// before it says <c>ready</c> only makes the server log a FATAL "starting up" line.
    /// </summary>
    private bool PostmasterReportsReady()
    {
        try
        {
            var lines = File.ReadAllLines(Path.Combine(RootDirectory, "data", "postmaster.pid"));
            return lines.Length >= 8 && lines[0].Trim() == _server.Id.ToString() && lines[7].Trim() == "ready";
        }
        catch (IOException)
        {
            return false; // not written yet
        }
        catch (UnauthorizedAccessException)
        {
            return true; // not ours to read: the connection probe decides alone
        }
    }

    private static async Task<string> EnsureClusterAsync(
        PostgresBinaries binaries, string root, bool fastAndUnsafe, ServerLog log, CancellationToken cancellationToken)
    {
        var data = Path.Combine(root, "data");
        var passwordFile = Path.Combine(root, "password");
        if (File.Exists(Path.Combine(data, "PG_VERSION")) && File.Exists(passwordFile))
            return (await File.ReadAllTextAsync(passwordFile, cancellationToken)).Trim();

        if (Directory.Exists(data))
            Directory.Delete(data, recursive: true); // an initdb that never finished
        Directory.CreateDirectory(root);
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (Posix.IsRoot)
            await RunToEndAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", root], root, cancellationToken);

        string[] initDbArguments =
        [
            "-D", data, "-U", Username, "--pwfile", passwordFile, "--auth=scram-sha-256",
            "-E", "UTF8", "--no-locale", .. fastAndUnsafe ? ["--no-sync"] : Array.Empty<string>(),
        ];
        var output = await RunToEndAsync(binaries.InitDb, initDbArguments, root, cancellationToken);
        log.Add($"initdb: cluster created in {data}");
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
            throw new InvalidOperationException($"initdb did not create a cluster in {data}:\n{output}");
        return password;
    }

    private static Process StartServer(PostgresBinaries binaries, string root, int port, bool fastAndUnsafe, ServerLog log)
    {
        var serverSettings = new Dictionary<string, string>
        {
            ["listen_addresses"] = "127.0.0.1",
            ["unix_socket_directories"] = "",
            ["max_connections"] = "200",
        };
        if (fastAndUnsafe)
        {
            // Throwaway clusters trade durability for speed; those in a DataDirectory keep PostgreSQL's defaults.
            serverSettings["fsync"] = "off";
            serverSettings["synchronous_commit"] = "off";
            serverSettings["full_page_writes"] = "off";
        }

        string[] arguments = ["-D", Path.Combine(root, "data"), "-p", port.ToString(), .. serverSettings.SelectMany(s => new[] { "-c", $"{s.Key}={s.Value}" })];
        var process = new Process { StartInfo = ChildProcess.InOwnSession(AsServiceUser(binaries.Postgres, arguments, root)), EnableRaisingEvents = true };
        process.StartInfo.RedirectStandardError = true;
        process.StartInfo.RedirectStandardOutput = true;
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        process.OutputDataReceived += (_, e) => log.Add(e.Data);
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    /// <summary>Runs a program to its end as the service user when we are root; throws with its output if it fails.</summary>
    private static async Task<string> RunToEndAsync(string program, string[] arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var startInfo = program == "chown" ? Plain(program, arguments, workingDirectory) : AsServiceUser(program, arguments, workingDirectory);
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = (await stdout) + (await stderr);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed with exit code {process.ExitCode}:\n{output}");
        return output;
    }

    private static ProcessStartInfo AsServiceUser(string program, string[] arguments, string workingDirectory) =>
        Posix.IsRoot
            ? Plain("setpriv", ["--reuid", ServiceUser, "--regid", ServiceUser, "--init-groups", "--", program, .. arguments], workingDirectory)
            : Plain(program, arguments, workingDirectory);

    private static ProcessStartInfo Plain(string program, string[] arguments, string workingDirectory)
    {
        var startInfo = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        startInfo.Environment["LC_ALL"] = "C.UTF-8";
        return startInfo;
    }

    /// <summary>A server still running on this folder whose owner died (e.g. a killed test run) is stopped.</summary>
    private static void StopLeftoverServer(string root)
    {
        var postmasterPid = ReadPid(Path.Combine(root, "data", "postmaster.pid"));
        if (postmasterPid is not { } pid || !Posix.IsAlive(pid))
            return;
        if (ReadPid(Path.Combine(root, "owner.pid")) is { } owner && owner != Environment.ProcessId && Posix.IsAlive(owner))
            throw new InvalidOperationException(
                $"PostgreSQL (pid {pid}) already runs on {root}, started by the live process {owner}. Stop that one first.");

        Posix.Signal(pid, Posix.SigInt);
        for (var waited = 0; Posix.IsAlive(pid) && waited < 200; waited++)
            Thread.Sleep(50);
        if (Posix.IsAlive(pid))
            Posix.Signal(pid, Posix.SigKill);
    }

    private static void RemoveAbandonedThrowawayClusters()
    {
        if (!Directory.Exists(ThrowawayRoot))
            return;
        foreach (var root in Directory.GetDirectories(ThrowawayRoot))
        {
            var owner = ReadPid(Path.Combine(root, "owner.pid"));
            var created = Directory.GetCreationTimeUtc(root);
            var orphaned = owner is { } pid ? !Posix.IsAlive(pid) : DateTime.UtcNow - created > TimeSpan.FromMinutes(10);
            if (!orphaned)
                continue;
            try
            {
                StopLeftoverServer(root);
                TryDelete(root);
            }
            catch (InvalidOperationException)
            {
                // Owned by a live process after all: leave it.
            }
        }
    }

    private static int? ReadPid(string path)
    {
        try
        {
            var firstLine = File.ReadLines(path).FirstOrDefault();
            return int.TryParse(firstLine, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void TryDeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();

    private sealed class PortTakenException(string message) : InvalidOperationException(message);
}
