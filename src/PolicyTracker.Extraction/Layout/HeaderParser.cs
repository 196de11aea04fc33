using PolicyTracker.Extraction.Dates;
using PolicyTracker.Extraction.Gazetteers;
using PolicyTracker.Extraction.Text;

namespace PolicyTracker.Extraction.Layout;

/// <summary>Reads the headline, the optional byline ("  ·  2023-05-31  ·   Source: X") and the
/// optional dateline ("BEIJING, May 30 (Xinhua) --").</summary>
internal static class HeaderParser
{
    public static ReportLayout Parse(string text, DateOnly? knownPublished = null) =>
        Parse(text, start => Tokenizer.Tokenize(text, start, text.Length), knownPublished);

    /// <summary>Parses the header; <paramref name="bodyTokens"/> tokenizes the body from an offset
    /// (the caller can keep the list and so tokenize only once). <paramref name="knownPublished"/>: the publication
    /// date known from outside the text; a yearless dateline takes its year when no byline dates the report (a
    /// weekday-based guess could land years away).</summary>
    public static ReportLayout Parse(string text, Func<int, List<Token>> bodyTokens, DateOnly? knownPublished = null)
    {
        var pos = 0;
        var (hStart, hEnd, next) = NextLine(text, pos);
        if (hStart < 0)
        {
            return new ReportLayout(new ReportHeader(null, null, null, null, null, null), text.Length, null);
        }

        var headline = text[hStart..hEnd];
        var headlineSpan = new TextSpan(hStart, hEnd - hStart);
        pos = next;

        string? outlet = null;
        TextSpan? outletSpan = null;
        DateOnly? published = null;
        TextSpan? publishedSpan = null;

        var (bStart, bEnd, afterByline) = NextLine(text, pos);
        if (bStart >= 0 && IsByline(text, bStart, bEnd))
        {
            var iso = FindIsoDate(text, bStart, bEnd);
            if (iso.Date is { } d)
            {
                published = d;
                publishedSpan = new TextSpan(iso.Start, 10);
            }

            var src = text.IndexOf("Source:", bStart, bEnd - bStart, StringComparison.OrdinalIgnoreCase);
            if (src >= 0)
            {
                var (s, e) = Trim(text, src + 7, bEnd);
                if (e > s)
                {
                    outlet = Outlets.Canonicalize(text[s..e]);
                    outletSpan = new TextSpan(s, e - s);
                }
            }

            pos = afterByline;
        }

        var bodyStart = pos;
        DateOnly? reference = published;

        // "March 3, 2025, The Kremlin, Moscow" or "KUALA LUMPUR, 26 May 2025" on a line of its own: the date
        // and place the report was issued, written where a byline would be.
        var (lStart, lEnd, afterDateLine) = NextLine(text, pos);
        if (lStart >= 0 && DateLine(text, lStart, lEnd) is { } issued)
        {
            if (published is null)
            {
                published = issued.Date;
                publishedSpan = issued.Span;
            }

            reference = published;
            pos = afterDateLine;
            bodyStart = pos;
        }

        // Dateline: a place, perhaps a month and day, perhaps the outlet, then a separator.
        var (dStart, dEnd, _) = NextLine(text, pos);
        if (dStart >= 0 && DatelineParser.Parse(text, dStart, dEnd) is { } dateline)
        {
            bodyStart = dateline.End;
            if (outlet is null && dateline.OutletStart >= 0)
            {
                outlet = Outlets.Canonicalize(text[dateline.OutletStart..dateline.OutletEnd]);
                outletSpan = new TextSpan(dateline.OutletStart, dateline.OutletEnd - dateline.OutletStart);
            }

            if (dateline.Month > 0)
            {
                var year = dateline.Year > 0 ? dateline.Year : published?.Year ?? FromKnown(knownPublished, dateline.Month, dateline.Day)
                    ?? YearInference.Infer(bodyTokens(dateline.End), dateline.Month, dateline.Day);
                if (year > 0 && DateWords.Make(year, dateline.Month, dateline.Day) is { } dl)
                {
                    // A late-December byline can carry an early-January dateline and vice versa.
                    if (published is { } p && Math.Abs(dl.DayNumber - p.DayNumber) > 180)
                    {
                        dl = DateWords.Make(dl.DayNumber > p.DayNumber ? year - 1 : year + 1, dateline.Month, dateline.Day) ?? dl;
                    }

                    reference = dl;
                    if (published is null)
                    {
                        published = dl;
                        publishedSpan = new TextSpan(dateline.DateStart, dateline.DateEnd - dateline.DateStart);
                    }
                }
            }
        }

        // "ECOFIN, 13 July 2021: ..." or "... - 10 June 2024": a headline that carries the full date.
        if (published is null && DatelineParser.FullDate(text, hStart, hEnd) is { } headlineDate)
        {
            published = headlineDate.Date;
            publishedSpan = headlineDate.Span;
            reference ??= headlineDate.Date;
        }

        // No date in the text's header: "on Tuesday" and "March 5" in the body are read against the known date.
        reference ??= knownPublished;

        var header = new ReportHeader(headline, headlineSpan, outlet, outletSpan, published, publishedSpan);
        return new ReportLayout(header, bodyStart, reference, HeadlineDate(text, hStart, hEnd, reference, () => bodyTokens(bodyStart)));
    }

    // The known date's year, or the year before when the month and day would fall well after it (a report of
    // "December 30" entered on January 3).
    private static int? FromKnown(DateOnly? known, int month, int day) =>
        known is not { } k ? null
        : DateWords.Make(k.Year, month, day) is { } c && c.DayNumber - k.DayNumber > 45 ? k.Year - 1 : k.Year;

    // "Committee holds 100th meeting on April 7": a yearless date takes the reference's year (the year before
    // when it would fall well after it) or the year the body implies.
    private static DateOnly? HeadlineDate(string text, int start, int end, DateOnly? reference, Func<List<Token>> bodyTokens)
    {
        if (DatelineParser.AnyDate(text, start, end) is not { } d)
        {
            return null;
        }

        var year = d.Year;
        if (year == 0 && reference is { } r)
        {
            year = DateWords.Make(r.Year, d.Month, d.Day) is { } c && c.DayNumber - r.DayNumber > 45 ? r.Year - 1 : r.Year;
        }
        else if (year == 0)
        {
            year = YearInference.Infer(bodyTokens(), d.Month, d.Day);
        }

        return year > 0 ? DateWords.Make(year, d.Month, d.Day) : null;
    }

    // A short line of capitalised words and a full date, with no sentence in it.
    private static (DateOnly Date, TextSpan Span)? DateLine(string text, int start, int end)
    {
        if (end - start > 90)
        {
            return null;
        }

        var tokens = Tokenizer.Tokenize(text, start, end);
        if (tokens.Count > 16 || tokens.Count == 0 || tokens[^1].Text is "." or "--" or "-" or ":" or "\u2014" or "\u2013")
        {
            return null;
        }

        foreach (var t in tokens)
        {
            if (t.IsWord && !t.IsCap && t.Lower is not ("of" or "the" or "and" or "de" or "am" or "on"))
            {
                return null;
            }
        }

        return DatelineParser.FullDate(text, start, end);
    }

    private static bool IsByline(string text, int start, int end)
    {
        var line = text.AsSpan(start, end - start);
        return line.Contains('\u00B7') || line.Contains("Source:", StringComparison.OrdinalIgnoreCase)
            || (end - start <= 40 && FindIsoDate(text, start, end).Date is not null);
    }

    private static (int Start, DateOnly? Date) FindIsoDate(string text, int start, int end)
    {
        for (var i = start; i + 10 <= end; i++)
        {
            if (char.IsDigit(text[i]) && text[i + 4] == '-' && text[i + 7] == '-'
                && DateWords.Year(text.Substring(i, 4)) is var y and > 0
                && int.TryParse(text.AsSpan(i + 5, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m)
                && int.TryParse(text.AsSpan(i + 8, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var d)
                && (i == start || !char.IsDigit(text[i - 1])))
            {
                if (DateWords.Make(y, m, d) is { } date)
                {
                    return (i, date);
                }
            }
        }

        return (-1, null);
    }

    private static (int Start, int End, int Next) NextLine(string text, int pos)
    {
        while (pos < text.Length)
        {
            var nl = text.IndexOfAny(['\n', '\r'], pos);
            var end = nl < 0 ? text.Length : nl;
            var (s, e) = Trim(text, pos, end);
            var next = nl < 0 ? text.Length : nl + 1;
            if (e > s)
            {
                return (s, e, next);
            }

            pos = next;
        }

        return (-1, -1, text.Length);
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] == '\u00B7'))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == '\u00B7'))
        {
            end--;
        }

        return (start, end);
    }
}
