using System.Globalization;
using System.Text;

namespace Fever.GraphQL.Language;

/// <summary>
/// Splits a GraphQL source into tokens, per the spec's lexical grammar (October 2021, with graphql-js's
/// <c>\u{…}</c> escapes): ignored tokens (white space, line terminators, commas, comments, BOM) are skipped,
/// strings and block strings are cooked. Stops with <see cref="ErrorCodes.MaxTokensExceeded"/> past <c>maxTokens</c>.
/// </summary>
public sealed class Lexer(string source, int maxTokens = int.MaxValue)
{
    private int _position;
    private int _line = 1;
    private int _lineStart;
    private int _tokens;

    public Token Next()
    {
        SkipIgnored();
        var start = _position;
        var location = new Location(_line, start - _lineStart + 1);
        if (_position >= source.Length)
            return new Token(TokenKind.EndOfFile, start, start, null, location);
        if (++_tokens > maxTokens)
            throw new GraphQLSyntaxException($"The document has more than {maxTokens} tokens.", location, ErrorCodes.MaxTokensExceeded);

        var c = source[_position];
        switch (c)
        {
            case '!': return Punctuator(TokenKind.Bang, location);
            case '$': return Punctuator(TokenKind.Dollar, location);
            case '&': return Punctuator(TokenKind.Ampersand, location);
            case '(': return Punctuator(TokenKind.LeftParen, location);
            case ')': return Punctuator(TokenKind.RightParen, location);
            case ':': return Punctuator(TokenKind.Colon, location);
            case '=': return Punctuator(TokenKind.Equals, location);
            case '@': return Punctuator(TokenKind.At, location);
            case '[': return Punctuator(TokenKind.LeftBracket, location);
            case ']': return Punctuator(TokenKind.RightBracket, location);
            case '{': return Punctuator(TokenKind.LeftBrace, location);
            case '|': return Punctuator(TokenKind.Pipe, location);
            case '}': return Punctuator(TokenKind.RightBrace, location);
            case '.':
                if (At(1) == '.' && At(2) == '.')
                {
                    _position += 3;
                    return new Token(TokenKind.Spread, start, _position, null, location);
                }
                throw Error("Unexpected character: \".\".", location);
            case '"':
                return At(1) == '"' && At(2) == '"' ? ReadBlockString(location) : ReadString(location);
        }
        if (IsNameStart(c))
        {
            while (_position < source.Length && IsNameContinue(source[_position]))
                _position++;
            return new Token(TokenKind.Name, start, _position, source[start.._position], location);
        }
        if (c == '-' || char.IsAsciiDigit(c))
            return ReadNumber(location);
        throw Error($"Unexpected character: {Printable(c)}.", location);
    }

    private Token Punctuator(TokenKind kind, Location location)
    {
        _position++;
        return new Token(kind, _position - 1, _position, null, location);
    }

    private char At(int offset) => _position + offset < source.Length ? source[_position + offset] : '\0';

    private void SkipIgnored()
    {
        while (_position < source.Length)
        {
            switch (source[_position])
            {
                case '\uFEFF' or ' ' or '\t' or ',':
                    _position++;
                    break;
                case '\n':
                    NewLine(_position + 1);
                    break;
                case '\r':
                    NewLine(At(1) == '\n' ? _position + 2 : _position + 1);
                    break;
                case '#':
                    while (_position < source.Length && source[_position] is not ('\n' or '\r'))
                        _position++;
                    break;
                default:
                    return;
            }
        }
    }

    private void NewLine(int next)
    {
        _position = next;
        _line++;
        _lineStart = next;
    }

    private Token ReadNumber(Location location)
    {
        var start = _position;
        var isFloat = false;
        if (source[_position] == '-')
            _position++;
        if (At(0) == '0')
        {
            _position++;
            if (char.IsAsciiDigit(At(0)))
                throw Error($"Invalid number, unexpected digit after 0: {Printable(At(0))}.", Here());
        }
        else
            ReadDigits();
        if (At(0) == '.')
        {
            isFloat = true;
            _position++;
            ReadDigits();
        }
        if (At(0) is 'e' or 'E')
        {
            isFloat = true;
            _position++;
            if (At(0) is '+' or '-')
                _position++;
            ReadDigits();
        }
        if (At(0) == '.' || IsNameStart(At(0)))
            throw Error($"Invalid number, expected digit but got: {Printable(At(0))}.", Here());
        return new Token(isFloat ? TokenKind.Float : TokenKind.Int, start, _position, source[start.._position], location);
    }

    private void ReadDigits()
    {
        if (!char.IsAsciiDigit(At(0)))
            throw Error($"Invalid number, expected digit but got: {Printable(At(0))}.", Here());
        while (char.IsAsciiDigit(At(0)))
            _position++;
    }

    private Token ReadString(Location location)
    {
        var start = _position;
        _position++;
        var value = new StringBuilder();
        while (_position < source.Length)
        {
            var c = source[_position];
            if (c == '"')
            {
                _position++;
                return new Token(TokenKind.String, start, _position, value.ToString(), location);
            }
            if (c is '\n' or '\r')
                break;
            if (c == '\\')
            {
                ReadEscape(value);
                continue;
            }
            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && char.IsLowSurrogate(At(1))))
                throw Error("Invalid character within String: a lone surrogate.", Here());
            value.Append(c);
            _position++;
        }
        throw Error("Unterminated string.", Here());
    }

    private void ReadEscape(StringBuilder value)
    {
        var escape = Here();
        var c = At(1);
        _position += 2;
        switch (c)
        {
            case '"': value.Append('"'); return;
            case '\\': value.Append('\\'); return;
            case '/': value.Append('/'); return;
            case 'b': value.Append('\b'); return;
            case 'f': value.Append('\f'); return;
            case 'n': value.Append('\n'); return;
            case 'r': value.Append('\r'); return;
            case 't': value.Append('\t'); return;
            case 'u':
                var codePoint = ReadUnicodeEscape(escape);
                if (codePoint is >= 0xD800 and <= 0xDBFF && At(0) == '\\' && At(1) == 'u')
                {
                    var saved = _position;
                    _position += 2;
                    var low = ReadUnicodeEscape(escape);
                    if (low is >= 0xDC00 and <= 0xDFFF)
                    {
                        value.Append(char.ConvertFromUtf32(0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00)));
                        return;
                    }
                    _position = saved;
                }
                if (codePoint is >= 0xD800 and <= 0xDFFF || codePoint > 0x10FFFF)
                    throw Error("Invalid Unicode escape sequence: not a Unicode scalar value.", escape);
                value.Append(char.ConvertFromUtf32(codePoint));
                return;
            default:
                throw Error($"Invalid character escape sequence: \"\\{c}\".", escape);
        }
    }

    private int ReadUnicodeEscape(Location escape)
    {
        if (At(0) == '{')
        {
            var close = source.IndexOf('}', _position);
            if (close < 0 || close - _position - 1 is < 1 or > 8
                || !int.TryParse(source.AsSpan(_position + 1, close - _position - 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var wide))
                throw Error("Invalid Unicode escape sequence.", escape);
            _position = close + 1;
            return wide;
        }
        if (_position + 4 > source.Length
            || !int.TryParse(source.AsSpan(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            throw Error("Invalid Unicode escape sequence.", escape);
        _position += 4;
        return code;
    }

    private Token ReadBlockString(Location location)
    {
        var start = _position;
        _position += 3;
        var raw = new StringBuilder();
        while (_position < source.Length)
        {
            var c = source[_position];
            if (c == '"' && At(1) == '"' && At(2) == '"')
            {
                _position += 3;
                return new Token(TokenKind.BlockString, start, _position, BlockString.Dedent(raw.ToString()), location);
            }
            if (c == '\\' && At(1) == '"' && At(2) == '"' && At(3) == '"')
            {
                raw.Append("\"\"\"");
                _position += 4;
                continue;
            }
            if (c is '\n' or '\r')
            {
                raw.Append(c);
                if (c == '\r' && At(1) == '\n')
                {
                    raw.Append('\n');
                    _position++;
                }
                NewLine(_position + 1);
                continue;
            }
            raw.Append(c);
            _position++;
        }
        throw Error("Unterminated string.", Here());
    }

    private Location Here() => new(_line, _position - _lineStart + 1);

    private static GraphQLSyntaxException Error(string message, Location location) => new("Syntax Error: " + message, location);

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsNameContinue(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static string Printable(char c) => c switch
    {
        '\0' => "<EOF>",
        < ' ' or '\u007F' => $"U+{(int)c:X4}",
        _ => $"\"{c}\"",
    };
}
