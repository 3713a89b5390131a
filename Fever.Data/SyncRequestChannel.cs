namespace Fever.Data;

/// <summary>The notification that asks the sync worker to run now: <c>NOTIFY sync_requested</c>, sent by the API's <c>requestSync</c>.</summary>
public static class SyncRequestChannel
{
    public const string Name = "sync_requested";
}
