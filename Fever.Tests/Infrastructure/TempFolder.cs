namespace Fever.Tests.Infrastructure;

/// <summary>Temporary folders for whole apps: private (mode 700, as /root is), or traversable by every user, the postgres user included.</summary>
public static class TempFolder
{
    public static DirectoryInfo Create(bool worldReadable)
    {
        var folder = Directory.CreateTempSubdirectory("fever-test-");
        if (worldReadable && !OperatingSystem.IsWindows())
            folder.UnixFileMode |= UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        return folder;
    }

    public static void Delete(DirectoryInfo folder)
    {
        try
        {
            folder.Refresh();
            if (folder.Exists)
                folder.Delete(recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A server that has not quite let go of its files yet: the next run's temp cleanup will do.
        }
    }
}
