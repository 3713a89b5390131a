namespace Fever.Api.GraphQL;

/// <summary>
/// The order of PostgreSQL's C collation (our clusters are created with <c>--no-locale</c>): UTF-8 byte order, which is
/// Unicode code point order. Ordinal UTF-16 comparison agrees except that surrogates (code points above U+FFFF) sort
/// before U+E000–U+FFFF; they are moved above.
/// </summary>
public static class TextOrder
{
    public static int Compare(string left, string right)
    {
        var common = left.AsSpan().CommonPrefixLength(right);
        if (common == left.Length || common == right.Length)
            return left.Length.CompareTo(right.Length);
        return CodePointRank(left[common]).CompareTo(CodePointRank(right[common]));
    }

    private static int CodePointRank(char c) => char.IsSurrogate(c) ? c + 0x10000 : c;
}
