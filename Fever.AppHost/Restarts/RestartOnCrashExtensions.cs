using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting;

public static class RestartOnCrashExtensions
{
    /// <summary>
    /// Starts the resource (each replica) again when it exits with a non-zero code, with backoff; Aspire alone leaves it
    /// Finished. A stop from the dashboard or the AppHost's shutdown is not a crash. The count shows as its "restarts" property.
    /// </summary>
    public static IResourceBuilder<T> WithRestartOnCrash<T>(this IResourceBuilder<T> builder, RestartPolicy? policy = null) where T : IResource
    {
        builder.ApplicationBuilder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CrashRestarter>());
        return builder.WithAnnotation(new RestartOnCrashAnnotation(policy ?? new RestartPolicy()));
    }
}
