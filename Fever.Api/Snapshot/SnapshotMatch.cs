using System.IO.Pipelines;

namespace Fever.Api.Snapshot;

/// <summary>The result of <see cref="EventSnapshot.Find"/>: how many events match and how many bytes their JSON takes.</summary>
public readonly struct SnapshotMatch(EventSnapshot snapshot, int first, int end, long to, int count, int byteLength)
{
    public int Count => count;

    /// <summary>The length of the comma-separated elements <see cref="WriteToAsync"/> writes.</summary>
    public int ByteLength => byteLength;

    public ValueTask WriteToAsync(PipeWriter writer, CancellationToken cancellationToken) =>
        snapshot.WriteMatchesAsync(writer, first, end, to, allMatch: count == end - first, cancellationToken);
}
