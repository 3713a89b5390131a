namespace Fever.Sync.Provider;

/// <summary>A successful answer whose headers have arrived; the body is read as a stream by the caller.</summary>
public sealed class ProviderResponse(HttpResponseMessage message, int attempts) : IDisposable
{
    public int Attempts { get; } = attempts;
    public int Status => (int)message.StatusCode;
    public HttpContent Content => message.Content;

    public void Dispose() => message.Dispose();
}
