using System.IO.Pipelines;
using System.Text;
using Fever.Api.Snapshot;
using Fever.Data;

namespace Fever.Tests.Api;

public sealed class EventSnapshotTests
{
    [Fact]
    public async Task Every_range_finds_exactly_the_events_wholly_inside_it_in_order_as_a_json_list()
    {
        var random = new Random(20261122);
        var events = Enumerable.Range(0, 400).Select(i =>
        {
            var start = new DateTime(2030, 1, 1).AddHours(random.Next(0, 24 * 20)); // many share a start
            var end = start.AddHours(random.Next(0, 48));
            return Snapshotted(Guid.NewGuid(), start, end, Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"));
        }).OrderBy(e => e.StartsAt).ThenBy(e => e.Id).ToList();
        var snapshot = new EventSnapshot(events, version: 7);

        for (var query = 0; query < 2_000; query++)
        {
            var from = new DateTime(2030, 1, 1).AddHours(random.Next(-24, 24 * 22)).Ticks;
            var to = random.Next(10) == 0 ? DateTime.MaxValue.Ticks : from + TimeSpan.FromHours(random.Next(0, 24 * 10)).Ticks;
            var expected = events.Where(e => e.StartsAt.Ticks >= from && e.EndsAt.Ticks <= to).ToList();

            var match = snapshot.Find(from, to);
            var written = await WrittenAsync(match);

            Assert.Equal(expected.Count, match.Count);
            Assert.Equal(string.Join(',', expected.Select(e => Encoding.UTF8.GetString(e.Json))), written);
            Assert.Equal(Encoding.UTF8.GetByteCount(written), match.ByteLength);
        }
    }

    [Fact]
    public void An_empty_snapshot_and_an_inverted_range_find_nothing()
    {
        var one = new EventSnapshot([Snapshotted(Guid.NewGuid(), new DateTime(2030, 1, 1), new DateTime(2030, 1, 2), "{}"u8.ToArray())], 1);

        Assert.Equal(0, EventSnapshot.Empty.Find(long.MinValue, long.MaxValue).Count);
        Assert.Equal(0, one.Find(new DateTime(2030, 1, 3).Ticks, new DateTime(2030, 1, 1).Ticks).ByteLength);
        Assert.Equal(1, one.Find(long.MinValue, long.MaxValue).Count);
    }

    [Fact]
    public async Task A_rebuilt_snapshot_moves_a_changed_event_to_its_new_place_and_keeps_the_highest_version()
    {
        var builder = new SnapshotBuilder();
        var moved = Guid.NewGuid();
        builder.Apply(Snapshotted(moved, new DateTime(2030, 1, 1), new DateTime(2030, 1, 1), "\"a\""u8.ToArray()), version: 1);
        builder.Apply(Snapshotted(Guid.NewGuid(), new DateTime(2030, 1, 2), new DateTime(2030, 1, 2), "\"b\""u8.ToArray()), version: 2);
        var before = builder.Build();

        builder.Apply(Snapshotted(moved, new DateTime(2030, 1, 3), new DateTime(2030, 1, 3), "\"a2\""u8.ToArray()), version: 3);
        var after = builder.Build();

        Assert.Equal("\"a\",\"b\"", await WrittenAsync(before.Find(long.MinValue, long.MaxValue)));
        Assert.Equal("\"b\",\"a2\"", await WrittenAsync(after.Find(long.MinValue, long.MaxValue)));
        Assert.Equal(3, after.Version);
    }

    [Fact]
    public async Task An_answer_larger_than_a_flush_piece_is_written_whole()
    {
        var events = Enumerable.Range(0, 50).Select(i => Snapshotted(Guid.NewGuid(), new DateTime(2030, 1, 1).AddDays(i),
            new DateTime(2030, 1, 1).AddDays(i), Encoding.UTF8.GetBytes($"\"{new string((char)('a' + i % 26), 10_000)}\""))).ToList();
        var snapshot = new EventSnapshot(events, 1);

        var all = await WrittenAsync(snapshot.Find(long.MinValue, long.MaxValue));
        var someEnds = await WrittenAsync(snapshot.Find(long.MinValue, new DateTime(2030, 1, 1).AddDays(40).Ticks));

        Assert.True(all.Length > 4 * EventSnapshot.FlushEvery);
        Assert.Equal(string.Join(',', events.Select(e => Encoding.UTF8.GetString(e.Json))), all);
        Assert.Equal(string.Join(',', events.Take(41).Select(e => Encoding.UTF8.GetString(e.Json))), someEnds);
    }

    private static SnapshotEvent Snapshotted(Guid id, DateTime startsAt, DateTime endsAt, byte[] json) =>
        new(new Event { Id = id, Title = "", StartsAt = startsAt, EndsAt = endsAt }, json);

    private static async Task<string> WrittenAsync(SnapshotMatch match)
    {
        var stream = new MemoryStream();
        var writer = PipeWriter.Create(stream);
        await match.WriteToAsync(writer, CancellationToken.None);
        await writer.FlushAsync();
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
