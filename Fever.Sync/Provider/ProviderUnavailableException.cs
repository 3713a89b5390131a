namespace Fever.Sync.Provider;

/// <summary>The provider gave no usable answer within the budget: the run fails, stored data stays as it is.</summary>
public sealed class ProviderUnavailableException(string message, int attempts, int? lastStatus, Exception? inner = null)
    : Exception(message, inner)
{
    public int Attempts { get; } = attempts;
    public int? LastStatus { get; } = lastStatus;
}
