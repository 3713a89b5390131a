namespace Fever.Data;

/// <summary>
/// The notification a sync run sends when it changed events: <c>NOTIFY events_changed '&lt;version&gt;'</c>, sent
/// on commit. Versions are taken in commit order, so a reader that loads <c>version &gt; known</c> misses nothing.
/// </summary>
public static class EventChanges
{
    public const string Channel = "events_changed";
}
