using System.Diagnostics;
using Fever.Testing;
using Npgsql;

namespace Fever.Tests.Postgres;

public sealed class LocalPostgresTests
{
    [Fact]
    public async Task A_throwaway_cluster_serves_a_database_and_leaves_nothing_behind()
    {
        var server = await LocalPostgres.StartAsync(new LocalPostgresOptions());
        var (root, pid) = (server.RootDirectory, server.ProcessId);
        try
        {
            var shop = await server.CreateDatabaseAsync("shop");
            Assert.Equal(shop, await server.CreateDatabaseAsync("shop")); // idempotent
            Assert.Equal("shop", await ScalarAsync(shop, "SELECT current_database()"));
            Assert.Equal("127.0.0.1", await ScalarAsync(shop, "SELECT host(inet_server_addr())"));
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.False(IsRunning(pid));
        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public async Task A_cluster_in_a_data_directory_keeps_its_data_across_restarts()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"fever-persistent-{Guid.NewGuid():N}");
        try
        {
            await using (var first = await LocalPostgres.StartAsync(new LocalPostgresOptions { DataDirectory = folder }))
                await ScalarAsync(await first.CreateDatabaseAsync("keep"), "CREATE TABLE kept AS SELECT 42 AS answer");

            await using (var second = await LocalPostgres.StartAsync(new LocalPostgresOptions { DataDirectory = folder }))
                Assert.Equal(42, await ScalarAsync(second.ConnectionString("keep"), "SELECT answer FROM kept"));
            Assert.True(Directory.Exists(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_cluster_left_running_by_a_dead_process_is_stopped_and_removed_by_the_next_start()
    {
        var abandoned = await LocalPostgres.StartAsync(new LocalPostgresOptions());
        var deadPid = DeadProcessId();
        await File.WriteAllTextAsync(Path.Combine(abandoned.RootDirectory, "owner.pid"), deadPid.ToString());

        await using (await LocalPostgres.StartAsync(new LocalPostgresOptions()))
        {
            Assert.False(IsRunning(abandoned.ProcessId));
            Assert.False(Directory.Exists(abandoned.RootDirectory));
        }
        await abandoned.DisposeAsync();
    }

    [Fact]
    public async Task A_chosen_port_that_is_taken_fails_with_the_server_log()
    {
        await using var first = await LocalPostgres.StartAsync(new LocalPostgresOptions());
        var exception = await Assert.ThrowsAnyAsync<InvalidOperationException>(
            () => LocalPostgres.StartAsync(new LocalPostgresOptions { Port = first.Port }));
        Assert.Contains("could not bind", exception.Message);
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true"))!;
        process.WaitForExit();
        return process.Id;
    }
}
