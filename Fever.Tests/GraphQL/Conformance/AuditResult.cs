namespace Fever.Tests.GraphQL.Conformance;

/// <summary>
/// One of graphql-http's audits of a GraphQL-over-HTTP server: <see cref="Status"/> is <c>ok</c>, or for a failed
/// audit <c>error</c> (a MUST), <c>warn</c> (a SHOULD) or <c>notice</c> (a MAY).
/// </summary>
public sealed record AuditResult(string Id, string Name, string Status, string? Reason, AuditResult.Answer? Response)
{
    public bool Passed => Status == "ok";

    /// <summary>MUST, SHOULD or MAY: the name starts with it.</summary>
    public string Requirement => Name.Split(' ')[0];

    /// <summary>What the server answered to a failed audit; Body is null when graphql-http had already read it.</summary>
    public sealed record Answer(int Status, string? ContentType, string? Body);

    public override string ToString() =>
        Passed ? $"{Id} {Name}: ok" : $"{Id} {Name}: {Reason} (answered {Response?.Status} {Response?.ContentType} {Response?.Body})";
}
