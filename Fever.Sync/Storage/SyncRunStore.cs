using Fever.Data;
using Microsoft.EntityFrameworkCore;

namespace Fever.Sync.Storage;

/// <summary>Records sync runs in <c>sync_runs</c>: a row when a run starts, completed when it ends.</summary>
public sealed class SyncRunStore(IDbContextFactory<FeverDbContext> contexts)
{
    public async Task StartAsync(SyncRun run, TimeSpan abandonAfter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // A worker killed mid-run leaves its row 'running' forever; close such rows once they cannot be alive.
        var cutoff = run.StartedAt - abandonAfter;
        await db.SyncRuns
            .Where(r => r.Outcome == SyncOutcome.Running && r.StartedAt < cutoff)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Outcome, SyncOutcome.Abandoned)
                .SetProperty(r => r.Error, "The worker stopped before finishing this run."), cancellationToken);

        db.SyncRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task FinishAsync(SyncRun run, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.SyncRuns.Update(run);
        await db.SaveChangesAsync(cancellationToken);
    }
}
