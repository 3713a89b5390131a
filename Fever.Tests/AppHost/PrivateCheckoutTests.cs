using Fever.Testing;
using Fever.Tests.Infrastructure;

namespace Fever.Tests.AppHost;

/// <summary>
/// A checkout in a folder only its owner may enter (as /root is, mode 700): as root, PostgreSQL runs as the postgres
/// user from a folder that user can reach, the app works, and stopping it leaves no process behind.
/// </summary>
[Collection(LifecycleCollection.Name)]
public sealed class PrivateCheckoutTests
{
    [Fact]
    public async Task The_app_runs_from_a_private_folder_and_stopping_it_leaves_no_process()
    {
        var checkout = TempFolder.Create(worldReadable: false);
        var wanted = Path.Combine(checkout.FullName, "postgres");
        var fever = await FeverApp.StartAsync(state: checkout);
        string? dataDirectory = null;
        try
        {
            using var http = fever.CreateHttpClient("api");
            await Eventually.WaitUntilAsync(async () => (await FeverApp.SearchIdsAsync(http)).Length == 3, TimeSpan.FromSeconds(90));
            dataDirectory = (string?)fever.Snapshot("postgres").Properties.Single(p => p.Name == "fever.data.directory").Value;
            if (Posix.IsRoot)
                Assert.StartsWith("/var/lib/fever/postgres-", dataDirectory);
            else
                Assert.Equal(wanted, dataDirectory);

            var processes = ProcessesOf(fever);
            // DCP's controllers start the resources; its API server starts the controllers.
            var controllers = ResourceProcesses.ParentOf(processes[0].Pid);
            processes.Add(("dcp run-controllers", controllers));
            processes.Add(("dcp start-apiserver", ResourceProcesses.ParentOf(controllers)));
            Assert.All(processes.TakeLast(2), p => Assert.Contains("/dcp", CommandLine(p.Pid), StringComparison.Ordinal));

            await fever.DisposeAsync();

            await Eventually.WaitUntilAsync(() => Task.FromResult(processes.All(p => !Posix.IsAlive(p.Pid))), TimeSpan.FromSeconds(60));
        }
        finally
        {
            await fever.DisposeAsync();
            if (dataDirectory is not null && dataDirectory != wanted)
                TempFolder.Delete(new DirectoryInfo(dataDirectory));
        }
    }

    /// <summary>Every process of the app's resources: PostgreSQL, and each project's <c>dotnet run</c> and service.</summary>
    private static List<(string Resource, int Pid)> ProcessesOf(FeverApp fever) =>
        new[] { "postgres", "provider", "sync", "api" }
            .Select(name => (Resource: name, Pid: (int)fever.Snapshot(name).Properties.Single(p => p.Name == "executable.pid").Value!))
            .SelectMany(p => p.Resource == "postgres" ? new[] { p } : [p, (p.Resource, ResourceProcesses.ChildOf(p.Pid))])
            .ToList();

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LifecycleCollection
{
    public const string Name = "apphost-lifecycle";
}
