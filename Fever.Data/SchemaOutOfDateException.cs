namespace Fever.Data;

/// <summary>The database's schema is older than this build: a migration it needs was not applied.</summary>
public sealed class SchemaOutOfDateException(string message) : InvalidOperationException(message);
