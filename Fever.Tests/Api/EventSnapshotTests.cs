using System.Buffers;
using System.Text;
using Fever.Api.Snapshot;

namespace Fever.Tests.Api;

public sealed class EventSnapshotTests
{
    [Fact]
    public void Every_range_finds_exactly_the_events_wholly_inside_it_in_order_as_a_json_list()
    {
        var random = new Random(20261122);
        var events = Enumerable.Range(0, 400).Select(i =>
        {
            var start = new DateTime(2030, 1, 1).AddHours(random.Next(0, 24 * 20)); // many share a start
            var end = start.AddHours(random.Next(0, 48));
            return new SnapshotEvent(Guid.NewGuid(), start, end, Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"));
        }).OrderBy(e => e.StartsAt).ThenBy(e => e.Id).ToList();
        var snapshot = new EventSnapshot(events, version: 7);

        for (var query = 0; query < 2_000; query++)
        {
            var from = new DateTime(2030, 1, 1).AddHours(random.Next(-24, 24 * 22)).Ticks;
            var to = random.Next(10) == 0 ? DateTime.MaxValue.Ticks : from + TimeSpan.FromHours(random.Next(0, 24 * 10)).Ticks;
            var expected = events.Where(e => e.StartsAt.Ticks >= from && e.EndsAt.Ticks <= to).ToList();

            var match = snapshot.Find(from, to);
            var written = new ArrayBufferWriter<byte>();
            match.WriteTo(written);

            Assert.Equal(expected.Count, match.Count);
            Assert.Equal(string.Join(',', expected.Select(e => Encoding.UTF8.GetString(e.Json))), Encoding.UTF8.GetString(written.WrittenSpan));
            Assert.Equal(written.WrittenCount, match.ByteLength);
        }
    }

    [Fact]
    public void An_empty_snapshot_and_an_inverted_range_find_nothing()
    {
        var one = new EventSnapshot([new SnapshotEvent(Guid.NewGuid(), new DateTime(2030, 1, 1), new DateTime(2030, 1, 2), "{}"u8.ToArray())], 1);

        Assert.Equal(0, EventSnapshot.Empty.Find(long.MinValue, long.MaxValue).Count);
        Assert.Equal(0, one.Find(new DateTime(2030, 1, 3).Ticks, new DateTime(2030, 1, 1).Ticks).ByteLength);
        Assert.Equal(1, one.Find(long.MinValue, long.MaxValue).Count);
    }

    [Fact]
    public void A_rebuilt_snapshot_moves_a_changed_event_to_its_new_place_and_keeps_the_highest_version()
    {
        var builder = new SnapshotBuilder();
        var moved = Guid.NewGuid();
        builder.Apply(new SnapshotEvent(moved, new DateTime(2030, 1, 1), new DateTime(2030, 1, 1), "\"a\""u8.ToArray()), version: 1);
        builder.Apply(new SnapshotEvent(Guid.NewGuid(), new DateTime(2030, 1, 2), new DateTime(2030, 1, 2), "\"b\""u8.ToArray()), version: 2);
        var before = builder.Build();

        builder.Apply(new SnapshotEvent(moved, new DateTime(2030, 1, 3), new DateTime(2030, 1, 3), "\"a2\""u8.ToArray()), version: 3);
        var after = builder.Build();

        Assert.Equal("\"a\",\"b\"", Written(before));
        Assert.Equal("\"b\",\"a2\"", Written(after));
        Assert.Equal(3, after.Version);
    }

    private static string Written(EventSnapshot snapshot)
    {
        var written = new ArrayBufferWriter<byte>();
        snapshot.Find(long.MinValue, long.MaxValue).WriteTo(written);
        return Encoding.UTF8.GetString(written.WrittenSpan);
    }
}
