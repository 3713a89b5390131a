using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Fever.AppHost.Hosting;

/// <summary>
/// The current snapshot of every resource instance, and waits on their changes: the source of the resource
/// service, of <c>WaitFor</c> and of the tests' <c>WaitForResourceHealthyAsync</c>.
/// </summary>
public sealed class ResourceNotificationService
{
    private readonly Lock _gate = new();
    private readonly List<ResourceSnapshot> _snapshots = [];
    private readonly List<ChannelWriter<ResourceSnapshot>> _watchers = [];
    private TaskCompletionSource _changed = NewSignal();

    public IReadOnlyList<ResourceSnapshot> GetSnapshots()
    {
        lock (_gate)
            return [.. _snapshots];
    }

    /// <summary>The instances of resource <paramref name="name"/>, or the one instance of that name.</summary>
    public IReadOnlyList<ResourceSnapshot> GetInstances(string name)
    {
        lock (_gate)
            return Select(name);
    }

    public void Register(ResourceSnapshot snapshot)
    {
        lock (_gate)
        {
            if (_snapshots.Any(s => s.Name == snapshot.Name))
                throw new InvalidOperationException($"A resource instance named '{snapshot.Name}' already exists.");
            _snapshots.Add(snapshot);
            Publish(snapshot);
        }
        Signal();
    }

    public ResourceSnapshot Update(string instanceName, Func<ResourceSnapshot, ResourceSnapshot> change)
    {
        ResourceSnapshot updated;
        lock (_gate)
        {
            var index = _snapshots.FindIndex(s => s.Name == instanceName);
            if (index < 0)
                throw new KeyNotFoundException($"No resource instance named '{instanceName}'.");
            updated = change(_snapshots[index]);
            if (updated == _snapshots[index])
                return updated;
            _snapshots[index] = updated;
            Publish(updated);
        }
        Signal();
        return updated;
    }

    /// <summary>
    /// Every snapshot registered or changed from now on, in order, as Aspire's <c>WatchAsync</c>: unlike the waits,
    /// which see the latest state, a watcher sees each state an instance goes through, however briefly.
    /// </summary>
    public async IAsyncEnumerable<ResourceSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var changes = Channel.CreateUnbounded<ResourceSnapshot>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
            _watchers.Add(changes.Writer);
        try
        {
            await foreach (var snapshot in changes.Reader.ReadAllAsync(cancellationToken))
                yield return snapshot;
        }
        finally
        {
            lock (_gate)
                _watchers.Remove(changes.Writer);
        }
    }

    /// <summary>Waits until every instance of <paramref name="name"/> satisfies <paramref name="predicate"/>.</summary>
    public async Task<IReadOnlyList<ResourceSnapshot>> WaitForResourceAsync(
        string name, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task changed;
            IReadOnlyList<ResourceSnapshot> instances;
            lock (_gate)
            {
                changed = _changed.Task;
                instances = Select(name);
            }
            if (instances.Count == 0)
                throw new InvalidOperationException($"There is no resource named '{name}'.");
            if (instances.All(predicate))
                return instances;
            await changed.WaitAsync(cancellationToken);
        }
    }

    public Task<IReadOnlyList<ResourceSnapshot>> WaitForResourceAsync(string name, string state, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(name, s => s.State == state, cancellationToken);

    /// <summary>Waits until every instance of <paramref name="name"/> is Running and Healthy; throws if one fails for good.</summary>
    public Task<IReadOnlyList<ResourceSnapshot>> WaitForResourceHealthyAsync(string name, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(name, snapshot => KnownResourceStates.IsTerminal(snapshot.State)
            ? throw new ResourceFailedException($"Stopped waiting for '{name}' to become healthy: {snapshot.Name} is {snapshot.State}. {snapshot.Message}")
            : snapshot.IsHealthy, cancellationToken);

    /// <summary>Called under the lock, so that every watcher sees the changes in the order they were made.</summary>
    private void Publish(ResourceSnapshot snapshot)
    {
        foreach (var watcher in _watchers)
            watcher.TryWrite(snapshot);
    }

    private List<ResourceSnapshot> Select(string name) =>
        _snapshots.Where(s => s.Name == name).ToList() is { Count: > 0 } exact ? exact : _snapshots.Where(s => s.DisplayName == name).ToList();

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = NewSignal();
        }
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public sealed class ResourceFailedException(string message) : Exception(message);
