using Fever.Sync;

namespace Fever.Tests.Sync;

public sealed class ReadAheadTests
{
    [Fact]
    public async Task Yields_every_item_in_order()
    {
        var items = new List<int>();
        await foreach (var item in Numbers(1000).WithReadAhead(capacity: 8))
            items.Add(item);

        Assert.Equal(Enumerable.Range(0, 1000), items);
    }

    [Fact]
    public async Task Surfaces_the_producer_exception_to_the_consumer_after_the_items_before_it()
    {
        var seen = new List<int>();
        var exception = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var item in Numbers(5, failAfter: 3).WithReadAhead(capacity: 8))
                seen.Add(item);
        });

        Assert.Equal([0, 1, 2], seen);
        Assert.Equal("broken after 3", exception.Message);
    }

    [Fact]
    public async Task A_consumer_that_stops_early_stops_the_producer()
    {
        var produced = 0; // written by the producer thread, read after it has stopped
        await foreach (var item in Numbers(1_000_000, onProduce: () => produced++).WithReadAhead(capacity: 4))
            if (item == 10)
                break;

        var afterStop = produced;
        await Task.Delay(50);
        Assert.Equal(afterStop, produced);
        Assert.True(produced < 100, $"produced {produced} items for a consumer that wanted 11");
    }

    private static IEnumerable<int> Numbers(int count, int? failAfter = null, Action? onProduce = null)
    {
        for (var i = 0; i < count; i++)
        {
            if (i == failAfter)
                throw new InvalidDataException($"broken after {i}");
            onProduce?.Invoke();
            yield return i;
        }
    }
}
