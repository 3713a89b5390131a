namespace Fever.Sync.Storage;

/// <summary>What one bulk write did: rows inserted, rewritten because their content changed, or only sighted.</summary>
public sealed record EventWriteResult(int Inserted, int Updated, int Unchanged, long Version)
{
    public bool ChangedAnything => Inserted + Updated > 0;
}
