namespace Fever.ProviderSimulator;

/// <summary>
/// The recorded provider answers the simulator replays: the samples embedded in this assembly
/// (<c>Samples/*.xml</c>), or the <c>*.xml</c> files of a folder, in name order.
/// </summary>
public static class ProviderSamples
{
    const string ResourcePrefix = "Samples/";

    public static IReadOnlyList<ReadOnlyMemory<byte>> Load(string? directory = null)
    {
        var samples = directory is null ? LoadEmbedded() : LoadDirectory(directory);
        return samples.Length > 0
            ? samples
            : throw new InvalidOperationException($"No *.xml sample found in {directory ?? "the embedded resources"}.");
    }

    static ReadOnlyMemory<byte>[] LoadEmbedded()
    {
        var assembly = typeof(ProviderSamples).Assembly;
        return
        [
            .. assembly.GetManifestResourceNames()
                .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                    && name.EndsWith(".xml", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(name => ReadAll(assembly.GetManifestResourceStream(name)!)),
        ];
    }

    static ReadOnlyMemory<byte>[] LoadDirectory(string directory) =>
    [
        .. Directory.GetFiles(directory, "*.xml")
            .Order(StringComparer.Ordinal)
            .Select(path => new ReadOnlyMemory<byte>(File.ReadAllBytes(path))),
    ];

    static ReadOnlyMemory<byte> ReadAll(Stream resource)
    {
        using (resource)
        using (var buffer = new MemoryStream())
        {
            resource.CopyTo(buffer);
            return buffer.ToArray();
        }
    }
}
