using System.Net;
using Fever.AppHost;
using Fever.AppHost.Hosting;
using Fever.AppHost.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fever.Tests.AppHost;

public sealed class ReplicaProxyTests
{
    [Fact]
    public async Task Connections_are_spread_over_the_replicas_in_turn_and_requests_pass_through_whole()
    {
        await using var first = await ReplicaServer.StartAsync("first");
        await using var second = await ReplicaServer.StartAsync("second");
        await using var proxy = ReplicaProxy.Start(LoopbackPort.Free(), () => [first.Url, second.Url], NullLogger.Instance);

        var answers = new List<string>();
        for (var connection = 0; connection < 6; connection++)
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{proxy.Port}") };
            answers.Add(await http.GetStringAsync("/whoami?pad=" + new string('x', 3000)));
        }

        Assert.Equal(3, answers.Count(a => a == "first"));
        Assert.Equal(3, answers.Count(a => a == "second"));
        Assert.All(answers.Zip(answers.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public async Task With_no_replica_up_a_connection_is_closed_rather_than_left_hanging()
    {
        await using var proxy = ReplicaProxy.Start(LoopbackPort.Free(), () => [], NullLogger.Instance);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{proxy.Port}"), Timeout = TimeSpan.FromSeconds(10) };

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync("/"));
    }

    /// <summary>A tiny web server on a free loopback port that answers its name.</summary>
    private sealed class ReplicaServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private ReplicaServer(WebApplication app) => _app = app;

        public Uri Url => new(_app.Urls.First());

        public static async Task<ReplicaServer> StartAsync(string name)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            app.MapGet("/whoami", () => name);
            await app.StartAsync();
            return new ReplicaServer(app);
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
