namespace PolicyTracker.Extraction.Text;

/// <summary>The layout of a list line: a bullet ("-", "–", "•", "*") or a number ("1.", "2)") before
/// its content.</summary>
internal static class ListItem
{
    /// <summary>Index of the first content token after a bullet or number, or -1 when the line has none.</summary>
    public static int ContentStart(List<Token> tokens, int first, int last)
    {
        if (first < last && tokens[first].Text is "-" or "\u2013" or "\u2014" or "\u2022" or "*" or "\u00B7" or "\u25AA" or "\u25CF" or "\u27A2" or "\uF0B7")
        {
            return first + 1;
        }

        // "o Draft law on X": a letter o standing for a bullet, before a capitalised word.
        if (first + 1 < last && tokens[first].Text == "o" && tokens[first + 1].IsCap && tokens[first + 1].Start > tokens[first].End)
        {
            return first + 1;
        }

        if (first + 1 < last && tokens[first].Kind == TokenKind.Number && tokens[first].Text.Length <= 3 && tokens[first + 1].Text is "." or ")")
        {
            return first + 2;
        }

        return -1;
    }
}
