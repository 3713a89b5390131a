using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Fever.Api.BananaCakePop;

/// <summary>
/// The IDE's files as the build copied them from the npm package, in <c>BananaCakePop/</c> beside the assembly:
/// found from there rather than from the content root, which is not the project folder when the AppHost or the
/// tests run <c>dotnet Fever.Api.dll</c>.
/// </summary>
public sealed class BananaCakePopFiles
{
    private readonly PhysicalFileProvider _files;
    private readonly FileExtensionContentTypeProvider _contentTypes = new();

    public BananaCakePopFiles(string directory)
    {
        if (!File.Exists(Path.Combine(directory, "index.html")))
            throw new InvalidOperationException(
                $"Banana Cake Pop's files are missing from {directory}. Fever.Api's build installs them with npm; build it again, or set {BananaCakePopOptions.SectionName}__Enabled=false.");
        // The provider refuses paths that leave the directory, and hidden and dot files.
        _files = new PhysicalFileProvider(directory);
    }

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "BananaCakePop");

    /// <summary>The file at <paramref name="subpath"/> (e.g. <c>/static/js/main.js</c>) if it exists and has a known type; never a directory.</summary>
    public bool TryGet(string subpath, [NotNullWhen(true)] out IFileInfo? file, [NotNullWhen(true)] out string? contentType)
    {
        file = _files.GetFileInfo(subpath);
        if (!file.Exists || file.IsDirectory || file.PhysicalPath is null || !_contentTypes.TryGetContentType(subpath, out contentType))
        {
            file = null;
            contentType = null;
            return false;
        }
        return true;
    }
}
