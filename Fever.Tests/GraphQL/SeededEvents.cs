using Fever.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Fever.Tests.GraphQL;

/// <summary>
/// Events written straight into a migrated database, with what makes ordering hard: shared start times, repeated
/// titles, null prices, organizers and sell dates, both sold-out values. Deterministic for a given seed.
/// </summary>
public static class SeededEvents
{
    private static readonly string[] Titles = ["Camela en concierto", "Los Morancos", "Pantomima Full", "Rock night", "Opera gala", "rock night"];

    public static List<Event> Generate(int count, int seed, long firstPlanId = 1)
    {
        var random = new Random(seed);
        var start = new DateTime(2021, 6, 1, 18, 0, 0);
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return Enumerable.Range(0, count).Select(i =>
        {
            var startsAt = start.AddHours(random.Next(0, 24 * 20) / 6 * 6).AddMinutes(random.Next(0, 2) * 30);
            decimal? minPrice = random.Next(5) == 0 ? null : random.Next(1, 20) * 5m;
            return new Event
            {
                Id = Guid.NewGuid(),
                BasePlanId = 1000 + random.Next(0, 30),
                PlanId = firstPlanId + i,
                Title = Titles[random.Next(Titles.Length)],
                OrganizerCompanyId = random.Next(3) == 0 ? null : random.Next(1, 4),
                StartsAt = startsAt,
                EndsAt = startsAt.AddHours(random.Next(1, 4)),
                SellFrom = random.Next(2) == 0 ? null : startsAt.AddDays(-30),
                SellTo = random.Next(2) == 0 ? null : startsAt,
                SoldOut = random.Next(4) == 0,
                MinPrice = minPrice,
                MaxPrice = minPrice + random.Next(0, 4) * 10m,
                Zones = minPrice is null ? [] : [new EventZone { ZoneId = i, Name = $"Zone {i}", Capacity = 100, Price = minPrice.Value, Numbered = true }],
                FirstSeenAt = now.AddMinutes(i % 7),
                LastSeenAt = now.AddMinutes(i % 5),
                UpdatedAt = now.AddMinutes(i % 3),
            };
        }).ToList();
    }

    /// <summary>
    /// Stores <paramref name="events"/> as a sync run would for readers: versions from <c>events_version_seq</c>, then
    /// <c>NOTIFY events_changed</c>, so a running API takes them into its snapshot.
    /// </summary>
    public static async Task InsertAsync(NpgsqlDataSource dataSource, IEnumerable<Event> events)
    {
        var stored = events.ToList();
        await using (var versions = dataSource.CreateCommand("SELECT nextval('events_version_seq') FROM generate_series(1, $1)"))
        {
            versions.Parameters.Add(new NpgsqlParameter { Value = stored.Count });
            await using var reader = await versions.ExecuteReaderAsync();
            foreach (var item in stored)
            {
                await reader.ReadAsync();
                item.Version = reader.GetInt64(0);
            }
        }
        var options = new DbContextOptionsBuilder<FeverDbContext>().UseNpgsql(dataSource).Options;
        await using (var db = new FeverDbContext(options))
        {
            db.Events.AddRange(stored);
            await db.SaveChangesAsync();
        }
        await using var notify = dataSource.CreateCommand($"NOTIFY {EventChanges.Channel}");
        await notify.ExecuteNonQueryAsync();
    }

    public static async Task<List<Event>> LoadAsync(NpgsqlDataSource dataSource)
    {
        var options = new DbContextOptionsBuilder<FeverDbContext>().UseNpgsql(dataSource).Options;
        await using var db = new FeverDbContext(options);
        return await db.Events.AsNoTracking().ToListAsync();
    }
}
