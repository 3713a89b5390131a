namespace Fever.Tests.GraphQL.Conformance;

/// <summary>
/// graphql-js's verdict on one document: <c>valid</c> or <c>invalid</c>, the errors of each rule (rule <c>syntax</c>
/// when it does not parse) and the names of its operations, in order (null for an anonymous one).
/// </summary>
public sealed record DocumentVerdict(string Verdict, IReadOnlyList<DocumentVerdict.RuleError> Errors, IReadOnlyList<string?> Operations)
{
    public bool IsValid => Verdict == "valid";

    /// <summary>The operation to name in a request: the first named one when the document has several, else none.</summary>
    public string? OperationToRun => Operations.Count > 1 ? Operations.FirstOrDefault(name => name is not null) : null;

    public sealed record RuleError(string Rule, string Message)
    {
        public override string ToString() => $"[{Rule}] {Message}";
    }
}
