using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Fever.Sync;

public static class ReadAhead
{
    /// <summary>
    /// Enumerates <paramref name="source"/> on another thread, up to <paramref name="capacity"/> items ahead of
    /// the consumer, so that producing (parsing XML) and consuming (writing COPY rows) use two cores. The
    /// source's exception surfaces to the consumer; a consumer that stops early stops the producer.
    /// </summary>
    public static async IAsyncEnumerable<T> WithReadAhead<T>(
        this IAsyncEnumerable<T> source, int capacity, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in source.WithCancellation(stop.Token))
                    await channel.Writer.WriteAsync(item, stop.Token);
                channel.Writer.Complete();
            }
            catch (Exception exception)
            {
                channel.Writer.Complete(exception);
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
                yield return item;
        }
        finally
        {
            stop.Cancel();
            await producer;
        }
    }
}
