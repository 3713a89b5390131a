using System.Threading.Channels;

namespace Fever.Sync;

public static class ReadAhead
{
    /// <summary>
    /// Enumerates <paramref name="source"/> on a thread of its own, up to <paramref name="capacity"/> items ahead of
    /// the consumer, so that producing (parsing XML, blocking on the network) and consuming (writing COPY rows) use
    /// two cores. The source's exception surfaces to the consumer; a consumer that stops early stops the producer
    /// at its next item (a producer blocked in I/O must be unblocked by its owner, e.g. by disposing the stream).
    /// </summary>
    public static async IAsyncEnumerable<T> WithReadAhead<T>(this IEnumerable<T> source, int capacity)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = new CancellationTokenSource();
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var item in source)
                {
                    while (!channel.Writer.TryWrite(item))
                        if (!channel.Writer.WaitToWriteAsync(stop.Token).AsTask().GetAwaiter().GetResult())
                            return;
                }
                channel.Writer.TryComplete();
            }
            catch (Exception exception)
            {
                channel.Writer.TryComplete(exception);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync())
                yield return item;
        }
        finally
        {
            stop.Cancel();
            channel.Writer.TryComplete();
            await producer;
        }
    }
}
