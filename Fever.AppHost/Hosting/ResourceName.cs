using System.Text.RegularExpressions;

namespace Fever.AppHost.Hosting;

/// <summary>Aspire's rule: letters, digits and hyphens, starting with a letter, at most 64 characters.</summary>
public static partial class ResourceName
{
    public static string Validate(string name) =>
        Pattern().IsMatch(name) && !name.Contains("--", StringComparison.Ordinal) && !name.EndsWith('-')
            ? name
            : throw new ArgumentException($"'{name}' is not a valid resource name: use letters, digits and single hyphens, starting with a letter.", nameof(name));

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]{0,63}$")]
    private static partial Regex Pattern();
}
