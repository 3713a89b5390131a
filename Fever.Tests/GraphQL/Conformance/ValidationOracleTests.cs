using System.Collections.Concurrent;
using Fever.Tests.Infrastructure;

namespace Fever.Tests.GraphQL.Conformance;

/// <summary>
/// Document validation against the reference: for each document of the corpus, our engine rejects it (parse or
/// validation failure) exactly when graphql-js does, judging against the schema our introspection describes. The
/// documents graphql-js cannot judge (custom scalar literals, subscriptions) get the verdicts we wrote down ourselves.
/// </summary>
[Collection(SampleApiCollection.Name)]
public sealed class ValidationOracleTests(SampleApiFixture fixture)
{
    private readonly HttpClient _api = RunningApi.Of(fixture);

    [Fact]
    public async Task Every_corpus_document_gets_the_verdict_graphql_js_gives()
    {
        using var schema = await ServedSchema.FetchAsync(_api);
        var reference = await GraphQLJs.ValidateAsync(schema.IntrospectionFile, Corpus.Folder);

        var ours = await JudgeAllAsync(Corpus.Folder, reference);

        var disagreements = reference.Where(entry => ours[entry.Key].Verdict != entry.Value.Verdict)
            .Select(entry => Disagreement(entry.Key, $"graphql-js says {entry.Value.Verdict}", entry.Value.Errors, ours[entry.Key]))
            .ToList();
        Assert.True(disagreements.Count == 0,
            $"{disagreements.Count} of {reference.Count} documents get another verdict than graphql-js's:\n\n{string.Join("\n\n", disagreements)}");
    }

    [Fact]
    public async Task Custom_scalar_literals_and_subscriptions_get_the_verdicts_we_expect()
    {
        using var schema = await ServedSchema.FetchAsync(_api);
        var expected = Corpus.OwnVerdicts();
        var documents = await GraphQLJs.ValidateAsync(schema.IntrospectionFile, Corpus.OwnVerdictsFolder);

        var ours = await JudgeAllAsync(Corpus.OwnVerdictsFolder, documents);

        var disagreements = expected.Where(entry => ours[entry.Key].Verdict != entry.Value)
            .Select(entry => Disagreement($"OwnVerdicts/{entry.Key}", $"expected {entry.Value}", [], ours[entry.Key]))
            .ToList();
        Assert.True(disagreements.Count == 0,
            $"{disagreements.Count} of {expected.Count} documents get another verdict than expectations.jsonc's:\n\n{string.Join("\n\n", disagreements)}");
    }

    /// <summary>Guards the corpus itself: a document that no longer fits the schema would agree with us for the wrong reason.</summary>
    [Fact]
    public async Task Each_corpus_document_is_what_its_name_says_to_graphql_js()
    {
        using var schema = await ServedSchema.FetchAsync(_api);
        var problems = new List<string>();

        foreach (var (file, verdict) in await GraphQLJs.ValidateAsync(schema.IntrospectionFile, Corpus.Folder))
        {
            if (verdict.Verdict != Corpus.NamedVerdict(file))
                problems.Add($"{file}: graphql-js says {verdict.Verdict} {string.Join("; ", verdict.Errors)}");
            else if (!verdict.IsValid && verdict.Errors.All(error => error.Rule != Corpus.NamedRule(file)))
                problems.Add($"{file}: invalid, but not by {Corpus.NamedRule(file)}: {string.Join("; ", verdict.Errors)}");
        }
        var expected = Corpus.OwnVerdicts();
        var own = await GraphQLJs.ValidateAsync(schema.IntrospectionFile, Corpus.OwnVerdictsFolder);
        problems.AddRange(own.Where(entry => !entry.Value.IsValid)
            .Select(entry => $"OwnVerdicts/{entry.Key}: graphql-js finds something else wrong: {string.Join("; ", entry.Value.Errors)}"));
        problems.AddRange(own.Keys.Except(expected.Keys).Select(file => $"OwnVerdicts/{file}: no verdict in expectations.jsonc"));
        problems.AddRange(expected.Keys.Except(own.Keys).Select(file => $"OwnVerdicts/expectations.jsonc: {file} does not exist"));

        Assert.True(problems.Count == 0, $"Corpus documents to fix (or rename):\n{string.Join('\n', problems)}");
    }

    /// <summary>Our verdict on each document, a few requests at a time; a document with several operations runs its first named one.</summary>
    private async Task<IReadOnlyDictionary<string, EngineVerdict>> JudgeAllAsync(string folder, IReadOnlyDictionary<string, DocumentVerdict> documents)
    {
        var verdicts = new ConcurrentDictionary<string, EngineVerdict>();
        await Parallel.ForEachAsync(documents, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (document, _) =>
            verdicts[document.Key] = await EngineVerdict.JudgeAsync(_api, Corpus.Read(folder, document.Key), document.Value.OperationToRun));
        return verdicts;
    }

    private static string Disagreement(string file, string reference, IEnumerable<DocumentVerdict.RuleError> referenceErrors, EngineVerdict ours)
    {
        var lines = new List<string> { $"{file}: {reference}, we say {ours.Verdict} (HTTP {ours.Status})" };
        lines.AddRange(referenceErrors.Select(error => $"  graphql-js: {error}"));
        lines.AddRange(ours.Errors.Count == 0 ? ["  ours: no errors"] : ours.Errors.Select(error => $"  ours: {error}"));
        return string.Join('\n', lines);
    }
}
