using System.Globalization;

namespace Search.Core.Querying.Syntax;

/// <summary>
/// Splits query text into words, operators, field names and values, quotes, symbols and spaces, with their
/// positions, so that the helpers that rewrite or judge query text before it is parsed (aliases, spelling,
/// proximity) agree on what a word is and which words are the user's syntax. It does not parse: it only
/// labels stretches of text, and every character belongs to exactly one token.
/// </summary>
/// <remarks>
/// A word starts with a letter or digit and runs over letters, marks, digits, apostrophes, '&amp;' and '-',
/// and over a '.' followed by a letter or digit: "AT&amp;T", "covid-19", "U.S", "don't" are one word each,
/// as the parser and the analyzer keep them together.
/// </remarks>
public static class QueryLexer
{
    /// <summary>The tokens of <paramref name="text"/>, in order; together they spell the text.</summary>
    public static IReadOnlyList<QueryToken> Tokenize(string text)
    {
        var tokens = new List<QueryToken>();
        var inPhrase = false;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                tokens.Add(new QueryToken(QueryTokenKind.Space, start, text[start..i], inPhrase));
            }
            else if (c == '"')
            {
                tokens.Add(new QueryToken(QueryTokenKind.Quote, start, "\"", inPhrase));
                inPhrase = !inPhrase;
                i++;
            }
            else if (IsWordStart(c))
            {
                i++;
                while (i < text.Length && (IsWordPart(text[i]) || (text[i] == '.' && i + 1 < text.Length && IsWordStart(text[i + 1]))))
                {
                    i++;
                }

                var word = text[start..i];
                tokens.Add(new QueryToken(Classify(text, word, start, i), start, word, inPhrase));
            }
            else
            {
                tokens.Add(new QueryToken(QueryTokenKind.Symbol, start, c.ToString(), inPhrase));
                i++;
            }
        }

        return tokens;
    }

    private static QueryTokenKind Classify(string text, string word, int start, int end)
    {
        if (word is "AND" or "OR" or "NOT" or "TO")
        {
            return QueryTokenKind.Operator;
        }

        var before = start > 0 ? text[start - 1] : ' ';
        var after = end < text.Length ? text[end] : ' ';
        return (before, after) switch
        {
            (_, ':') => QueryTokenKind.Field,
            (':', _) => QueryTokenKind.FieldValue,
            ('\\', _) or (_, '*' or '?' or '~') => QueryTokenKind.Pattern,
            _ => QueryTokenKind.Word,
        };
    }

    private static bool IsWordStart(char c) => char.IsLetter(c) || char.IsNumber(c);

    private static bool IsWordPart(char c) =>
        IsWordStart(c) || c is '\'' or '’' or '&' or '-' || CharUnicodeInfo.GetUnicodeCategory(c)
            is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
