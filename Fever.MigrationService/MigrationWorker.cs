using System.Diagnostics;
using Fever.Data;

namespace Fever.MigrationService;

/// <summary>
/// Applies the migrations the database lacks, then stops the process: exit code 0 when the schema is current,
/// 1 with the reason in the log when it could not be made so. The AppHost starts the services that need the
/// schema only once this has completed.
/// </summary>
public sealed partial class MigrationWorker(DatabaseMigrator migrator, IHostApplicationLifetime lifetime, ILogger<MigrationWorker> logger) : BackgroundService
{
    public static readonly ActivitySource Source = new("Fever.MigrationService");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var activity = Source.StartActivity("migrate database");
        try
        {
            var applied = await migrator.ApplyAsync(Migration.Embedded, stoppingToken);
            LogCurrent(Migration.Latest, applied);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            activity?.AddException(exception);
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            LogFailed(exception.Message);
            Environment.ExitCode = 1;
        }
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The schema is at version {Version} ({Applied} migrations applied now).")]
    private partial void LogCurrent(int version, int applied);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The migrations could not be applied: {Error}")]
    private partial void LogFailed(string error);
}
