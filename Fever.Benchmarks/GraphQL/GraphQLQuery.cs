using System.Text;
using System.Text.Json.Nodes;

namespace Fever.Benchmarks.GraphQL;

/// <summary>
/// A <c>POST /graphql</c> of the benchmark, its document sent as <c>{"query":"…"}</c> in <c>application/json</c> (as
/// wrk's script sends it), and the answer the API gave it, which every answer under load must equal.
/// </summary>
/// <param name="Name">e.g. <c>first page</c>.</param>
/// <param name="Document">The GraphQL document, e.g. <c>{ events(first: 50) { … } }</c>.</param>
public sealed record GraphQLQuery(string Name, string Document, EventsPageAnswer Answer)
{
    public const string Path = "/graphql";
    public const string ContentType = "application/json";

    /// <summary>The request's body: <c>{"query":"{ events(first: 50) { … } }"}</c>.</summary>
    public byte[] Body => RequestBody(Document);

    public Uri On(Uri baseAddress) => new(baseAddress, Path);

    public static byte[] RequestBody(string document) =>
        Encoding.UTF8.GetBytes(new JsonObject { ["query"] = document }.ToJsonString());
}
