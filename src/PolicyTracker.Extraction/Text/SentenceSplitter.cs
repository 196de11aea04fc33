using System.Collections.Frozen;

namespace PolicyTracker.Extraction.Text;

/// <summary>Splits a token stream into sentences. Line breaks always end a sentence because
/// wire copy puts one paragraph per line; a period after a known abbreviation or an initial does not.</summary>
internal static class SentenceSplitter
{
    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "brig", "sgt", "mr", "mrs", "ms", "dr", "prof",
        "no", "nos", "st", "sen", "rep", "gov", "jr", "sr", "inc", "co", "corp", "ltd", "vs", "mt", "ft",
        "rev", "hon", "pres", "vol", "art", "fig", "approx", "dept", "est", "govt",
    }.ToFrozenSet(StringComparer.Ordinal);

    private const int MaxTokens = 200;

    public static List<Sentence> Split(string text, List<Token> tokens)
    {
        var sentences = new List<Sentence>();
        var first = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var endHere = false;
            var t = tokens[i];
            if (i + 1 < tokens.Count && HasLineBreak(text, t.End, tokens[i + 1].Start))
            {
                endHere = true;
            }
            else if (t.IsPunct && (t.Text == "." || t.Text == "!" || t.Text == "?"))
            {
                // A closing quote right after the stop belongs to this sentence.
                if (i + 1 < tokens.Count && IsClosingQuote(tokens[i + 1].Text) && tokens[i + 1].Start == t.End)
                {
                    i++;
                }

                // "1. Approving ...": the period of a list number opens the line, it does not end it.
                endHere = IsBoundary(tokens, i, t) && !(i - 1 == first && tokens[first].Kind == TokenKind.Number && tokens[first].Text.Length <= 3);
            }

            // Run-on text is cut into bounded pieces so per-sentence work stays linear overall.
            if (!endHere && i + 1 - first >= MaxTokens)
            {
                endHere = true;
            }

            if (endHere)
            {
                sentences.Add(new Sentence(first, i + 1));
                first = i + 1;
            }
        }

        if (first < tokens.Count)
        {
            sentences.Add(new Sentence(first, tokens.Count));
        }

        return sentences;
    }

    private static bool IsBoundary(List<Token> tokens, int i, Token stop)
    {
        if (i + 1 >= tokens.Count)
        {
            return true;
        }

        var next = tokens[i + 1];
        if (next.Start == tokens[i].End && !IsOpeningQuote(next.Text))
        {
            return false;
        }

        if (stop.Text == ".")
        {
            var stopIndex = tokens[i].Text == "." ? i : i - 1;
            if (stopIndex > 0)
            {
                var prev = tokens[stopIndex - 1];
                if (prev.End == stop.Start && prev.IsWord && (Abbreviations.Contains(prev.Lower) || prev.Text.Length == 1 && char.IsUpper(prev.Text[0])))
                {
                    return false;
                }
            }
        }

        return next.Kind == TokenKind.Number || next.IsCap || IsOpeningQuote(next.Text) || next.Text == "(" || !next.IsWord;
    }

    private static bool HasLineBreak(string text, int from, int to)
    {
        for (var k = from; k < to && k < text.Length; k++)
        {
            if (text[k] is '\n' or '\r')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsClosingQuote(string s) => s is "\"" or "\u201D" or "'" or "\u2019" or ")";

    private static bool IsOpeningQuote(string s) => s is "\"" or "\u201C" or "'" or "\u2018";
}
