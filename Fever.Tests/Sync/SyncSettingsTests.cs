using Fever.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Fever.Tests.Sync;

/// <summary>A bad setting stops the worker at start, with a message that names the setting, before it asks the feed or PostgreSQL.</summary>
public sealed class SyncSettingsTests
{
    private const string Unreachable = "Host=127.0.0.1;Port=9;Database=none;Username=none";

    [Theory]
    [InlineData("Provider:Url", "not-a-url", "Provider:Url must be an absolute http or https URL")]
    [InlineData("Provider:Url", "ftp://127.0.0.1/feed", "Provider:Url must be an absolute http or https URL")]
    [InlineData("Provider:Url", "https+http://provider/api/events", "Provider:Url names the service \"provider\", which is not configured")]
    [InlineData("Provider:AttemptTimeout", "00:00:00", "Provider:AttemptTimeout must be from 10 ms to 24 h.")]
    [InlineData("Provider:TotalTimeout", "2.00:00:00", "Provider:TotalTimeout must be from 10 ms to 24 h.")]
    [InlineData("Provider:DownloadTimeout", "-00:00:01", "Provider:DownloadTimeout must be positive and at most 24 h.")]
    [InlineData("Provider:MaxRetries", "-1", "Provider:MaxRetries cannot be negative.")]
    [InlineData("Provider:RetryBaseDelay", "-00:00:01", "Provider:RetryBaseDelay must be from 0 to 24 h.")]
    [InlineData("Provider:CircuitFailureRatio", "1.5", "Provider:CircuitFailureRatio must be from 0 to 1.")]
    [InlineData("Provider:CircuitMinimumThroughput", "1", "Provider:CircuitMinimumThroughput must be at least 2.")]
    [InlineData("Provider:CircuitBreakDuration", "00:00:00.100", "Provider:CircuitBreakDuration must be from 0.5 s to 24 h.")]
    [InlineData("Sync:Interval", "00:00:00", "Sync:Interval must be from 1 ms to 24 h.")]
    [InlineData("Sync:AbandonRunsAfter", "00:00:00", "Sync:AbandonRunsAfter must be from 1 s to 7 days.")]
    public async Task A_bad_setting_stops_the_worker_at_start_with_a_message_that_names_it(string key, string value, string message)
    {
        await using var worker = new SyncWorkerHost(Unreachable, new Uri("http://127.0.0.1:9/api/events"), new Dictionary<string, string?> { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(worker.StartAsync);

        Assert.Contains(message, error.Message);
    }
}
