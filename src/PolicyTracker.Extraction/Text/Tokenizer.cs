namespace PolicyTracker.Extraction.Text;

/// <summary>A hand-written, linear-time tokenizer: words (with inner hyphens and apostrophes),
/// numbers (with inner separators), dotted abbreviations ("U.S."), a split-off possessive "'s",
/// and single punctuation characters.</summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>(Math.Max(16, (end - start) / 5));
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                i = ReadWord(text, i, end, tokens);
                continue;
            }

            if (IsApostrophe(c) && i + 1 < end && (text[i + 1] == 's' || text[i + 1] == 'S') && (i + 2 >= end || !char.IsLetterOrDigit(text[i + 2])))
            {
                Add(tokens, text, i, i + 2, TokenKind.Word);
                i += 2;
                continue;
            }

            // Plural possessive "Presidents' Council" reads like "'s".
            if (IsApostrophe(c) && i > start && (text[i - 1] == 's' || text[i - 1] == 'S') && (i + 1 >= end || char.IsWhiteSpace(text[i + 1])))
            {
                tokens.Add(new Token(i, i + 1, text.Substring(i, 1), "'s", TokenKind.Word));
                i++;
                continue;
            }

            if (c == '-' && i + 1 < end && text[i + 1] == '-')
            {
                Add(tokens, text, i, i + 2, TokenKind.Punct);
                i += 2;
                continue;
            }

            Add(tokens, text, i, i + 1, TokenKind.Punct);
            i++;
        }

        return tokens;
    }

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static int ReadWord(string text, int i, int end, List<Token> tokens)
    {
        var start = i;
        var numeric = char.IsDigit(text[i]);

        // Dotted abbreviations such as "U.S." or "U.N." are one token, final period included.
        if (char.IsUpper(text[i]) && i + 3 < end && text[i + 1] == '.' && char.IsUpper(text[i + 2]) && text[i + 3] == '.')
        {
            var j = i;
            while (j + 1 < end && char.IsLetter(text[j]) && text[j + 1] == '.')
            {
                j += 2;
            }

            Add(tokens, text, start, j, TokenKind.Word);
            return j;
        }

        while (i < end)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark)
            {
                i++;
                continue;
            }

            var next = i + 1 < end ? text[i + 1] : '\0';
            if (c == '-' && char.IsLetterOrDigit(next))
            {
                i++;
                continue;
            }

            if (IsApostrophe(c) && char.IsLetter(next))
            {
                // "'s" at a word end is split off as the possessive; "Xi'an" stays whole.
                var afterS = i + 2 < end ? text[i + 2] : '\0';
                if ((next == 's' || next == 'S') && !char.IsLetterOrDigit(afterS))
                {
                    break;
                }

                i++;
                continue;
            }

            if (numeric && (c == ',' || c == '.') && char.IsDigit(next))
            {
                i++;
                continue;
            }

            break;
        }

        Add(tokens, text, start, i, numeric ? TokenKind.Number : TokenKind.Word);
        return i;
    }

    private static void Add(List<Token> tokens, string text, int start, int end, TokenKind kind)
    {
        var s = text.Substring(start, end - start);
        tokens.Add(new Token(start, end, s, kind == TokenKind.Punct ? s : s.ToLowerInvariant(), kind));
    }
}
