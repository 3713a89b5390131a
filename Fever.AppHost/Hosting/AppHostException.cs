namespace Fever.AppHost.Hosting;

/// <summary>A reason the AppHost cannot run that a person can fix; printed as one line, without a stack trace.</summary>
public sealed class AppHostException(string message, Exception? inner = null) : Exception(message, inner);
