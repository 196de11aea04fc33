namespace PolicyTracker.Extraction.Text;

/// <summary>The layout of a list line: a bullet ("-", "–", "•", "*") or a number ("1.", "2)") before
/// its content.</summary>
internal static class ListItem
{
    /// <summary>Index of the first content token after a bullet or number, or -1 when the line has none.</summary>
    public static int ContentStart(List<Token> tokens, int first, int last)
    {
        if (first < last && tokens[first].Text is "-" or "\u2013" or "\u2014" or "\u2022" or "*" or "\u00B7")
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
