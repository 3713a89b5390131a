namespace Aspire.Hosting.ApplicationModel;

/// <summary>Marks a resource that <see cref="CrashRestarter"/> starts again when it exits with a non-zero code.</summary>
public sealed record RestartOnCrashAnnotation(RestartPolicy Policy) : IResourceAnnotation;
