namespace Fever.Sync.Feed;

/// <summary>The document is well-formed XML but not the provider's feed (e.g. an unexpected root element).</summary>
public sealed class FeedFormatException(string message) : Exception(message);
