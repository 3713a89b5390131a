using System.Net;
using Fever.AppHost.Dashboard;
using Fever.AppHost.Dashboard.Otlp;
using Fever.AppHost.Dashboard.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fever.AppHost.Hosting;

/// <summary>
/// The app built from the model: a small web host (the resource service on the dashboard port) whose
/// <see cref="ResourceOrchestrator"/> starts the resources in dependency order and stops them in reverse.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly WebApplication _host;

    internal DistributedApplication(DistributedApplicationBuilder builder)
    {
        var options = new AppHostOptions();
        builder.Configuration.GetSection(AppHostOptions.SectionName).Bind(options);
        var dashboardOptions = new DashboardOptions();
        builder.Configuration.GetSection(DashboardOptions.SectionName).Bind(dashboardOptions);
        Options = options;
        Telemetry = new TelemetryRepository(dashboardOptions.TelemetryLimits);
        ResourceNotifications = new ResourceNotificationService();
        ResourceLogs = new ResourceLoggerService(options.ConsoleLogs);

        var web = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        web.Configuration.Sources.Clear();
        web.Configuration.AddConfiguration(builder.Configuration);
        web.Logging.ClearProviders();
        web.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        web.Logging.SetMinimumLevel(LogLevel.Information);
        web.Logging.AddFilter("Microsoft", LogLevel.Warning);
        web.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None); // RunAsync reports a failed start itself
        web.Logging.AddFilter("Fever.AppHost", options.ConsoleLogs ? LogLevel.Information : LogLevel.Warning);
        var dashboard = DashboardEndpoint(options, dashboardOptions.Frontend.BrowserToken);
        var otlp = OtlpEndpoint(options);
        web.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(dashboard);
            if (otlp is not null)
                kestrel.Listen(otlp);
        });
        web.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(90));
        web.Services.AddSingleton(ResourceNotifications);
        web.Services.AddSingleton(ResourceLogs);
        web.Services.AddSingleton(this);
        web.Services.AddSingleton(Telemetry);
        web.Services.AddSingleton(dashboardOptions);
        web.Services.AddSingleton(provider => new AppHostContext(
            options, options.ResolveStateDirectory(builder.AppHostDirectory), builder.EnvironmentName,
            ResourceNotifications, ResourceLogs, provider.GetRequiredService<ILoggerFactory>()));
        web.Services.AddSingleton(provider => new ResourceOrchestrator(
            builder.Resources, provider.GetRequiredService<AppHostContext>(), provider.GetRequiredService<IHostApplicationLifetime>()));
        web.Services.AddHostedService(provider => provider.GetRequiredService<ResourceOrchestrator>());
        if (options.ConsoleLogs)
            web.Services.AddHostedService<ReadyBanner>();

        _host = web.Build();
        _host.UseDashboardPorts(otlp?.Port, dashboardOptions.Frontend.BrowserToken);
        _host.MapResourceService();
        _host.MapDashboard();
        if (otlp is not null)
            _host.MapOtlpReceiver();
        Resources = builder.Resources;
    }

    public static DistributedApplicationBuilder CreateBuilder(string[] args) => new(args);

    public IServiceProvider Services => _host.Services;

    public IReadOnlyList<IResource> Resources { get; }

    public ResourceNotificationService ResourceNotifications { get; }

    public ResourceLoggerService ResourceLogs { get; }

    public AppHostOptions Options { get; }

    /// <summary>The telemetry the OTLP receiver has kept.</summary>
    public TelemetryRepository Telemetry { get; }

    /// <summary>Where the resource service listens, once started.</summary>
    public Uri DashboardUrl =>
        new(_host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    /// <summary>Starts the resource service and the resources (without waiting for them to be healthy).</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _host.StartAsync(cancellationToken);

    /// <summary>Stops every resource, dependents first, then the resource service.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);

    /// <summary>
    /// Runs until Ctrl+C or SIGTERM, then stops everything. A reason to refuse that a person can fix (another
    /// AppHost on the same data, the dashboard port taken) is printed as one line, with exit code 1.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _host.RunAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is AppHostException || (exception is IOException && exception.Message.Contains("bind", StringComparison.OrdinalIgnoreCase)))
        {
            await Console.Error.WriteLineAsync($"Fever.AppHost cannot start: {exception.Message}");
            Environment.ExitCode = 1;
        }
    }

    public void Run() => RunAsync().GetAwaiter().GetResult();

    public T GetResource<T>(string name) where T : IResource =>
        Resources.OfType<T>().FirstOrDefault(r => r.Name == name) ?? throw new InvalidOperationException($"There is no {typeof(T).Name} named '{name}'.");

    /// <summary>The connection string of a PostgreSQL server or database resource, once it runs.</summary>
    public Task<string> GetConnectionStringAsync(string name, CancellationToken cancellationToken = default) =>
        GetResource<IResourceWithConnectionString>(name).GetConnectionStringAsync(cancellationToken);

    /// <summary>
    /// An HttpClient for a resource: by resource name, its public endpoint (the proxy when replicated); by
    /// instance name (<c>api-1</c>), that replica.
    /// </summary>
    public HttpClient CreateHttpClient(string name)
    {
        var instance = ResourceNotifications.GetSnapshots().FirstOrDefault(s => s.Name == name && s.DisplayName != name);
        var endpoint = GetResource<IResourceWithServiceDiscovery>(instance?.DisplayName ?? name).GetEndpointAsync();
        var url = instance is not null ? instance.Urls.FirstOrDefault()
            : endpoint.IsCompletedSuccessfully ? endpoint.Result.ToString()
            : null;
        return new HttpClient { BaseAddress = new Uri(url ?? throw new InvalidOperationException($"'{name}' has no endpoint yet: wait until it runs.")) };
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>Loopback, unless a browser token guards the dashboard (as Aspire's dashboard requires).</summary>
    private static IPEndPoint DashboardEndpoint(AppHostOptions options, string? browserToken)
    {
        var url = new Uri(options.DashboardUrl);
        var port = options.RandomizePorts ? LoopbackPort.Free() : url.Port;
        if (Loopback(url) is { } loopback)
            return new IPEndPoint(loopback, port);
        if (string.IsNullOrEmpty(browserToken))
            throw new AppHostException($"AppHost:DashboardUrl must be a loopback address (localhost, 127.0.0.1, [::1]), not {url.Host}, unless Dashboard:Frontend:BrowserToken is set.");
        if (url.Host is "*" or "+" or "0.0.0.0")
            return new IPEndPoint(IPAddress.Any, port);
        return IPAddress.TryParse(url.Host.Trim('[', ']'), out var address)
            ? new IPEndPoint(address, port)
            : throw new AppHostException($"AppHost:DashboardUrl must name an IP address to listen on (e.g. http://0.0.0.0:18888), not the host name {url.Host}.");
    }

    /// <summary>
    /// The OTLP receiver, always on loopback (it takes no credentials); none when <c>AppHost:OtlpEndpoint</c> is empty.
    /// <c>AppHost:OtlpEndpoint</c> is rewritten to the address chosen (a free port in tests), which the projects are given.
    /// </summary>
    private static IPEndPoint? OtlpEndpoint(AppHostOptions options)
    {
        if (string.IsNullOrEmpty(options.OtlpEndpoint))
            return null;
        var url = new Uri(options.OtlpEndpoint);
        var address = Loopback(url) ?? throw new AppHostException($"AppHost:OtlpEndpoint must be a loopback address (localhost, 127.0.0.1, [::1]), not {url.Host}.");
        var endpoint = new IPEndPoint(address, options.RandomizePorts ? LoopbackPort.Free() : url.Port);
        options.OtlpEndpoint = $"http://{endpoint}";
        return endpoint;
    }

    private static IPAddress? Loopback(Uri url) => url.Host switch
    {
        "localhost" or "127.0.0.1" => IPAddress.Loopback,
        "[::1]" or "::1" => IPAddress.IPv6Loopback,
        _ => null,
    };
}
