using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Fever.Data;

/// <summary>
/// The EF Core model of the tables the SQL migrations create. The schema is owned by
/// <c>Migrations/*.sql</c>, indexes included; this model only maps it (snake_case names, jsonb for zones and skip reasons).
/// </summary>
public sealed class FeverDbContext(DbContextOptions<FeverDbContext> options) : DbContext(options)
{
    public DbSet<Event> Events => Set<Event>();
    public DbSet<SyncRun> SyncRuns => Set<SyncRun>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Event>(entity =>
        {
            entity.ToTable("events");
            entity.HasKey(e => e.Id);
            entity.HasAlternateKey(e => new { e.BasePlanId, e.PlanId }).HasName("events_plan_key");
            entity.Property(e => e.Id).ValueGeneratedNever();
            entity.Property(e => e.StartsAt).HasColumnType("timestamp");
            entity.Property(e => e.EndsAt).HasColumnType("timestamp");
            entity.Property(e => e.SellFrom).HasColumnType("timestamp");
            entity.Property(e => e.SellTo).HasColumnType("timestamp");
            entity.OwnsMany(e => e.Zones, zones =>
            {
                zones.ToJson("zones");
                zones.Property(z => z.ZoneId).HasJsonPropertyName("zone_id");
                zones.Property(z => z.Name).HasJsonPropertyName("name");
                zones.Property(z => z.Capacity).HasJsonPropertyName("capacity");
                zones.Property(z => z.Price).HasJsonPropertyName("price");
                zones.Property(z => z.Numbered).HasJsonPropertyName("numbered");
            });
        });

        modelBuilder.Entity<SyncRun>(run =>
        {
            run.ToTable("sync_runs");
            run.HasKey(r => r.Id);
            run.Property(r => r.Id).UseIdentityAlwaysColumn();
            run.Property(r => r.Outcome).HasConversion(
                outcome => outcome.ToText(),
                text => SyncOutcomeText.Parse(text));
            run.Property(r => r.SkipReasons)
                .HasColumnType("jsonb")
                .HasConversion(
                    reasons => JsonSerializer.Serialize(reasons, JsonSerializerOptions.Default),
                    json => JsonSerializer.Deserialize<Dictionary<string, int>>(json, JsonSerializerOptions.Default) ?? new(),
                    new ValueComparer<Dictionary<string, int>>(
                        (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                        reasons => reasons.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                        reasons => new Dictionary<string, int>(reasons)));
        });

        SnakeCaseNaming.Apply(modelBuilder);
    }
}
