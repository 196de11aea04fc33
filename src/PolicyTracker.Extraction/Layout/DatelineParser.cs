using PolicyTracker.Extraction.Dates;
using PolicyTracker.Extraction.Text;

namespace PolicyTracker.Extraction.Layout;

// Where a dateline ends (the first body character) and what it says; Month is 0 when the dateline
// names only a place ("ANKARA -"), Year 0 when no year is written.
internal readonly record struct Dateline(int End, int Month, int Day, int Year, int DateStart, int DateEnd, int OutletStart, int OutletEnd);

/// <summary>The grammar of wire datelines: PLACE [(Country)] [, DATE] [, OUTLET | (OUTLET)] SEPARATOR.
/// The place is one to five capitalised words; the date is "May 30", "Dec. 3", "4th November, 2024",
/// "28 April 2022" or "November 12/2022"; the separator is a dash or a colon, or nothing after an
/// outlet in parentheses ("Taipei, June 6 (CNA) The ...").</summary>
internal static class DatelineParser
{
    private const int MaxLength = 160;

    public static Dateline? Parse(string text, int lineStart, int lineEnd)
    {
        var tokens = Tokenizer.Tokenize(text, lineStart, Math.Min(lineEnd, lineStart + MaxLength));
        var n = tokens.Count;
        var k = 0;
        var upper = true;
        while (k < n && k < 5 && tokens[k].IsCap && !DateWords.IsDateWord(tokens[k].Lower))
        {
            upper &= string.Equals(tokens[k].Text, tokens[k].Text.ToUpperInvariant(), StringComparison.Ordinal);
            k++;
        }

        var placeWords = k;
        if (placeWords == 0)
        {
            return null;
        }

        // "Puerto Iguazú (Argentina) -": a country in parentheses after the place.
        int oStart = -1, oEnd = -1;
        if (Parenthetical(tokens, k) is { } country && country.Close + 1 < n && IsSeparatorAt(tokens, country.Close + 1))
        {
            oStart = tokens[country.Open + 1].Start;
            oEnd = tokens[country.Close - 1].End;
            k = country.Close + 1;
        }

        int month = 0, day = 0, year = 0, dStart = -1, dEnd = -1;
        if (k < n && tokens[k].Text == ",")
        {
            var date = ReadDate(tokens, k + 1);
            if (date is not { } d)
            {
                return null;
            }

            (month, day, year, dStart, dEnd) = (d.Month, d.Day, d.Year, tokens[k + 1].Start, tokens[d.Next - 1].End);
            k = d.Next;
            if (k < n && tokens[k].Text == ",")
            {
                k++;
            }
        }

        var outletInParens = false;
        if (Parenthetical(tokens, k) is { } outlet)
        {
            oStart = tokens[outlet.Open + 1].Start;
            oEnd = tokens[outlet.Close - 1].End;
            k = outlet.Close + 1;
            outletInParens = true;
        }
        else if (month > 0 && k < n && tokens[k].IsWord && IsUpper(tokens[k].Text) && k + 1 < n && IsSeparatorAt(tokens, k + 1))
        {
            // "Riyadh, November 07, 2023, SPA --"
            oStart = tokens[k].Start;
            oEnd = tokens[k].End;
            k++;
        }

        if (k < n && IsSeparatorAt(tokens, k))
        {
            // A bare place needs a shape no body sentence has: capitals, a dash, or a two-word place and a colon.
            var bare = month == 0 && !outletInParens;
            if (bare && !(upper || tokens[k].Text != ":" || placeWords >= 2))
            {
                return null;
            }

            return new Dateline(tokens[k].End, month, day, year, dStart, dEnd, oStart, oEnd);
        }

        if (outletInParens && month > 0 && k < n && tokens[k].IsCap)
        {
            return new Dateline(tokens[k].Start, month, day, year, dStart, dEnd, oStart, oEnd);
        }

        return null;
    }

    /// <summary>A full date with its year anywhere in a line: "13 July 2021", "June 10, 2024".</summary>
    public static (DateOnly Date, TextSpan Span)? FullDate(string text, int start, int end)
    {
        var tokens = Tokenizer.Tokenize(text, start, end);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (ReadDate(tokens, i) is { Year: > 0 } d && DateWords.Make(d.Year, d.Month, d.Day) is { } date)
            {
                return (date, new TextSpan(tokens[i].Start, tokens[d.Next - 1].End - tokens[i].Start));
            }
        }

        return null;
    }

    /// <summary>The first date a headline names, with or without a year ("holds meeting on April 7",
    /// "Cabinet Decisions - 10.07.2023"); Year is 0 when the headline gives none.</summary>
    public static (int Month, int Day, int Year)? AnyDate(string text, int start, int end)
    {
        var tokens = Tokenizer.Tokenize(text, start, end);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (ReadDate(tokens, i) is { } d && DateWords.Make(d.Year > 0 ? d.Year : 2000, d.Month, d.Day) is not null)
            {
                return (d.Month, d.Day, d.Year);
            }

            if (tokens[i].Kind == TokenKind.Number && NumericDate(tokens[i].Text) is { } n)
            {
                return (n.Month, n.Day, n.Year);
            }
        }

        return null;
    }

    // "10.07.2023" or "10/07/2023" (day first, as outside the United States) and "2023-07-10".
    private static DateOnly? NumericDate(string s)
    {
        var parts = s.Split('.', '/', '-');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsDigit)))
        {
            return null;
        }

        var numbers = parts.Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return parts[0].Length == 4
            ? DateWords.Make(numbers[0], numbers[1], numbers[2])
            : parts[2].Length == 4 ? DateWords.Make(numbers[2], numbers[1], numbers[0]) : null;
    }

    private readonly record struct DatePart(int Month, int Day, int Year, int Next);

    private static DatePart? ReadDate(List<Token> tokens, int i)
    {
        var n = tokens.Count;
        if (i >= n)
        {
            return null;
        }

        int month, day, k;
        if (tokens[i].Kind == TokenKind.Number && DateWords.Day(tokens[i].Text) is > 0 and var d1 && i + 1 < n && DateWords.Month(tokens[i + 1].Lower) is > 0 and var m1)
        {
            // "28 April 2022", "4th November, 2024"
            (day, month, k) = (d1, m1, i + 2);
            if (k < n && tokens[k].Text == ".")
            {
                k++;
            }
        }
        else if (DateWords.Month(tokens[i].Lower) is > 0 and var m2)
        {
            k = i + 1;
            if (k < n && tokens[k].Text == ".")
            {
                k++;
            }

            if (k >= n || tokens[k].Kind != TokenKind.Number || DateWords.Day(tokens[k].Text) == 0)
            {
                return null;
            }

            (month, day) = (m2, DateWords.Day(tokens[k].Text));
            k++;
        }
        else
        {
            return null;
        }

        var year = 0;
        var y = k < n && tokens[k].Text is "," or "/" ? k + 1 : k;
        if (y < n && tokens[y].Kind == TokenKind.Number && DateWords.Year(tokens[y].Text) is > 0 and var yy)
        {
            year = yy;
            k = y + 1;
        }

        return new DatePart(month, day, year, k);
    }

    private readonly record struct Paren(int Open, int Close);

    private static Paren? Parenthetical(List<Token> tokens, int k)
    {
        if (k >= tokens.Count || tokens[k].Text != "(")
        {
            return null;
        }

        for (var m = k + 2; m < tokens.Count && m <= k + 6; m++)
        {
            if (tokens[m].Text == ")")
            {
                return new Paren(k, m);
            }
        }

        return null;
    }

    private static bool IsSeparatorAt(List<Token> tokens, int k) => tokens[k].Text is "--" or "-" or "\u2014" or "\u2013" or ":";

    private static bool IsUpper(string s) => s.Length >= 2 && s.All(c => !char.IsLetter(c) || char.IsUpper(c));
}
