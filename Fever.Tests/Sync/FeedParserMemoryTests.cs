using System.IO.Pipelines;
using Fever.ProviderSimulator;
using Fever.Sync;
using Fever.Sync.Feed;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fever.Tests.Sync;

// Measures the process's live heap, so no other test may run beside it.
[CollectionDefinition(nameof(FeedParserMemoryTests), DisableParallelization = true)]
[Collection(nameof(FeedParserMemoryTests))]
public sealed class FeedParserMemoryTests
{
    [Fact]
    public async Task A_large_feed_streams_through_the_parser_with_flat_memory()
    {
        var feed = new GeneratedFeed(new GeneratedFeedOptions { BasePlans = 1500, PlansPerBase = 2, ZonesPerPlan = 100 });
        var pipe = new Pipe(); // back-pressure: the generator writes only as fast as the parser reads
        var producing = Task.Run(async () =>
        {
            await using (var writer = pipe.Writer.AsStream())
                feed.WriteTo(writer);
        });

        await using var body = new CountingStream(pipe.Reader.AsStream());
        var report = new FeedParseReport();
        var parser = new FeedParser(NullLogger<FeedParser>.Instance);
        long largestLiveHeap = 0, plans = 0, zones = 0;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);

        foreach (var plan in parser.Parse(body, report))
        {
            zones += plan.Zones.Count;
            if (++plans % 300 == 0)
                largestLiveHeap = Math.Max(largestLiveHeap, GC.GetTotalMemory(forceFullCollection: true) - baseline);
        }
        await producing;

        Assert.Equal((3000, 300_000), (plans, zones));
        Assert.True(body.BytesRead > 25_000_000, $"the feed should be large, was {body.BytesRead:N0} bytes");
        // What stays alive is the current plan and the set of keys seen: far below the document's size. The heap is the
        // process's, which also holds what the whole-app tests' Aspire hosts left behind, hence the margin.
        Assert.True(largestLiveHeap < 8_000_000, $"live heap grew by {largestLiveHeap:N0} bytes while parsing {body.BytesRead:N0}");
    }
}
