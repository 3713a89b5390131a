using System.Diagnostics;

namespace Fever.Api;

/// <summary>The API's own spans, on the activity source "Fever.Api": each refresh of the snapshot, with the SQL under it.</summary>
public static class ApiTracing
{
    public const string SourceName = "Fever.Api";

    internal static readonly ActivitySource Source = new(SourceName);
}
