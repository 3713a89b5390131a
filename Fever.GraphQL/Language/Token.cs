namespace Fever.GraphQL.Language;

/// <summary>A lexical token: its kind, where it starts in the source, and its value (names, numbers and cooked strings).</summary>
public readonly record struct Token(TokenKind Kind, int Start, int End, string? Value, Location Location)
{
    public string Describe() => Kind switch
    {
        TokenKind.EndOfFile => "<EOF>",
        TokenKind.Name => $"Name \"{Value}\"",
        TokenKind.Int or TokenKind.Float => $"{Kind} \"{Value}\"",
        TokenKind.String or TokenKind.BlockString => "String",
        _ => $"\"{Punctuator(Kind)}\"",
    };

    public static string Punctuator(TokenKind kind) => kind switch
    {
        TokenKind.Bang => "!",
        TokenKind.Dollar => "$",
        TokenKind.Ampersand => "&",
        TokenKind.LeftParen => "(",
        TokenKind.RightParen => ")",
        TokenKind.Spread => "...",
        TokenKind.Colon => ":",
        TokenKind.Equals => "=",
        TokenKind.At => "@",
        TokenKind.LeftBracket => "[",
        TokenKind.RightBracket => "]",
        TokenKind.LeftBrace => "{",
        TokenKind.Pipe => "|",
        TokenKind.RightBrace => "}",
        _ => kind.ToString(),
    };
}
