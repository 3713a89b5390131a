using System.Text.Json;
using Fever.Testing;

namespace Fever.Tests.GraphQL.Conformance;

/// <summary>
/// The documents of <c>Fever.Tests/GraphQL/Corpus</c>. Each is named <c>{rule}.{case}.{valid|invalid}.graphql</c>:
/// the graphql-js rule it exercises in kebab case (or <c>syntax</c>, <c>realistic</c>, <c>introspection</c>), what it
/// tries, and the verdict graphql-js gives it. <c>OwnVerdicts/</c> holds the documents graphql-js cannot judge, with
/// the verdicts we expect in its <c>expectations.jsonc</c>.
/// </summary>
public static class Corpus
{
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "Fever.Tests", "GraphQL", "Corpus");

    public static string OwnVerdictsFolder { get; } = Path.Combine(Folder, "OwnVerdicts");

    public static string Read(string folder, string file) => File.ReadAllText(Path.Combine(folder, file));

    /// <summary>The verdict the file's name gives: its last part before <c>.graphql</c>.</summary>
    public static string NamedVerdict(string file) => file.Split('.')[^2];

    /// <summary>
    /// The graphql-js rule the file's name points at: its first part, e.g. <c>known-argument-names</c> is
    /// KnownArgumentNamesRule, and <c>syntax</c> is the parser.
    /// </summary>
    public static string NamedRule(string file)
    {
        var rule = file.Split('.')[0];
        return rule == "syntax" ? rule : string.Concat(rule.Split('-').Select(word => char.ToUpperInvariant(word[0]) + word[1..])) + "Rule";
    }

    /// <summary>The verdicts of <c>OwnVerdicts/expectations.jsonc</c>, by file name.</summary>
    public static IReadOnlyDictionary<string, string> OwnVerdicts() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(
            File.ReadAllText(Path.Combine(OwnVerdictsFolder, "expectations.jsonc")),
            new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip })!;
}
