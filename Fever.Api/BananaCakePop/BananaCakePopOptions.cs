namespace Fever.Api.BananaCakePop;

/// <summary>Banana Cake Pop, the GraphQL IDE on <c>/graphql</c> (section <c>BananaCakePop</c>).</summary>
public sealed class BananaCakePopOptions
{
    public const string SectionName = "BananaCakePop";

    /// <summary>Serve the IDE; when off, browsers get whatever the GraphQL endpoint answers.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Shown by the IDE in the window title, after the open document's name.</summary>
    public string Title { get; set; } = "Fever GraphQL";
}
