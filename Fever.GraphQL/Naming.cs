using System.Text;

namespace Fever.GraphQL;

/// <summary>GraphQL's name rules and HotChocolate's naming conventions.</summary>
public static class Naming
{
    public static bool IsValidName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary><c>SoldOut</c> → <c>SOLD_OUT</c>.</summary>
    public static string ScreamingCase(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
                text.Append('_');
            text.Append(char.ToUpperInvariant(name[i]));
        }
        return text.ToString();
    }
}
