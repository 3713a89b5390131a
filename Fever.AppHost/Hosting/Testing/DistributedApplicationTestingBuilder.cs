using System.Reflection;

namespace Fever.AppHost.Hosting.Testing;

/// <summary>
/// Builds the app of an AppHost's Program.cs for a test, as Aspire.Hosting.Testing does: the entry point runs up
/// to <c>builder.Build()</c>, with free ports, no kept data and a quiet console, plus the test's
/// <c>args</c> (e.g. <c>--Simulator:FailEvery=3</c>). The test may change resources, then builds and starts the app.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    /// <param name="args">Configuration as on the AppHost's command line.</param>
    /// <typeparam name="TEntryPoint">A type of the AppHost assembly, or its generated <c>Projects.Fever_AppHost</c>.</typeparam>
    public static async Task<DistributedApplicationBuilder> CreateAsync<TEntryPoint>(string[]? args = null, CancellationToken cancellationToken = default)
        where TEntryPoint : class
    {
        var entryPoint = AppHostAssembly(typeof(TEntryPoint)).EntryPoint
            ?? throw new InvalidOperationException($"{typeof(TEntryPoint).Assembly.GetName().Name} has no entry point.");
        var hook = new TestingHook(args ?? []);
        _ = Task.Run(() => RunEntryPointAsync(entryPoint, hook), cancellationToken);
        return await hook.Captured.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
    }

    private static async Task RunEntryPointAsync(MethodInfo entryPoint, TestingHook hook)
    {
        TestingHook.Activate(hook);
        try
        {
            var result = entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? [] : [Array.Empty<string>()]);
            if (result is Task task)
                await task;
            hook.EntryPointEnded(null);
        }
        catch (Exception exception)
        {
            hook.EntryPointEnded(exception is TargetInvocationException { InnerException: { } inner } ? inner : exception);
        }
    }

    private static Assembly AppHostAssembly(Type entryPoint) =>
        typeof(IProjectMetadata).IsAssignableFrom(entryPoint) && Activator.CreateInstance(entryPoint) is IProjectMetadata project
            ? Assembly.Load(Path.GetFileNameWithoutExtension(project.AssemblyPath))
            : entryPoint.Assembly;
}
