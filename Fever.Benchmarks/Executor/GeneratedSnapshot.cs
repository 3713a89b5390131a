using Fever.Api.Snapshot;
using Fever.Data;

namespace Fever.Benchmarks.Executor;

/// <summary>
/// A snapshot of generated events in the api scenario's shape (base plans × plans, zones each, a session every few
/// hours), built in memory as the API's updater builds it. Deterministic.
/// </summary>
public static class GeneratedSnapshot
{
    private static readonly string[] Titles = ["Camela en concierto", "Los Morancos", "Pantomima Full", "Rock night", "Opera gala"];

    public static EventSnapshot Build(int basePlans, int plansPerBase, int zonesPerPlan)
    {
        var random = new Random(16);
        var builder = new SnapshotBuilder();
        var start = new DateTime(2026, 1, 1, 18, 0, 0);
        var seen = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var version = 0L;
        for (var basePlan = 1; basePlan <= basePlans; basePlan++)
        {
            for (var plan = 1; plan <= plansPerBase; plan++)
            {
                var startsAt = start.AddHours(random.Next(0, 24 * 365));
                var zones = Enumerable.Range(1, zonesPerPlan).Select(zone => new EventZone
                {
                    ZoneId = zone, Name = $"Zone {zone}", Capacity = random.Next(10, 500), Price = random.Next(5, 200), Numbered = zone % 2 == 0,
                }).ToList();
                var stored = new Event
                {
                    Id = EventIdentity.For(basePlan, basePlan * 100L + plan),
                    BasePlanId = basePlan,
                    PlanId = basePlan * 100L + plan,
                    Title = $"{Titles[basePlan % Titles.Length]} {basePlan}",
                    OrganizerCompanyId = basePlan % 7 == 0 ? null : basePlan % 13,
                    StartsAt = startsAt,
                    EndsAt = startsAt.AddHours(random.Next(1, 4)),
                    SellFrom = startsAt.AddDays(-60),
                    SellTo = startsAt,
                    SoldOut = random.Next(5) == 0,
                    MinPrice = zones.Count == 0 ? null : zones.Min(z => z.Price),
                    MaxPrice = zones.Count == 0 ? null : zones.Max(z => z.Price),
                    Zones = zones,
                    FirstSeenAt = seen,
                    LastSeenAt = seen,
                    UpdatedAt = seen,
                    Version = ++version,
                };
                builder.Apply(new SnapshotEvent(stored, EventEncoder.Encode(stored)), stored.Version);
            }
        }
        return builder.Build();
    }
}
