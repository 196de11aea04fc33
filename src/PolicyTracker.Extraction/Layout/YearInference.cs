using PolicyTracker.Extraction.Dates;
using PolicyTracker.Extraction.Text;

namespace PolicyTracker.Extraction.Layout;

/// <summary>A dateline gives month and day only. The year is the one that best fits the years the
/// text mentions, full dates it gives, and the weekdays it names (a report usually dates its
/// event by the weekday of the dateline itself).</summary>
internal static class YearInference
{
    // With no year in the text, a named weekday that falls on the dateline picks the latest such
    // year up to the corpus horizon; a fixed bound keeps the result deterministic.
    private const int LatestPlausibleYear = 2026;

    private static int FromWeekdayOnly(int month, int day, HashSet<DayOfWeek> weekdays)
    {
        if (weekdays.Count == 0)
        {
            return 0;
        }

        for (var y = LatestPlausibleYear; y > LatestPlausibleYear - 7; y--)
        {
            if (DateWords.Make(y, month, day) is { } d && weekdays.Contains(d.DayOfWeek))
            {
                return y;
            }
        }

        return 0;
    }

    public static int Infer(List<Token> tokens, int month, int day)
    {
        var mentioned = new HashSet<int>();
        var fullDates = new List<DateOnly>();
        var weekdays = new HashSet<DayOfWeek>();
        DayOfWeek? lead = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var y = t.Kind == TokenKind.Number ? DateWords.Year(t.Text.Length == 9 && t.Text[4] == '-' ? t.Text[..4] : t.Text) : 0;
            if (y > 0)
            {
                mentioned.Add(y);
                if (i >= 3 && tokens[i - 1].Text == "," && DateWords.Day(tokens[i - 2].Text) > 0)
                {
                    var m = DateWords.Month(tokens[i - 3].Lower);
                    if (m == 0 && i >= 4 && tokens[i - 3].Text == ".")
                    {
                        m = DateWords.Month(tokens[i - 4].Lower);
                    }

                    if (m > 0 && DateWords.Make(y, m, DateWords.Day(tokens[i - 2].Text)) is { } fd)
                    {
                        fullDates.Add(fd);
                    }
                }
            }
            else if (t.IsCap && DateWords.TryWeekday(t.Lower, out var w))
            {
                weekdays.Add(w);
                lead ??= w;
            }
        }

        // The lead sentence dates its event by the dateline's own weekday ("HELSINKI, May 15 -- ... agreed on
        // Sunday"); weekdays further down name other days (a debate "on Monday").
        if (lead is { } leadDay)
        {
            weekdays = [leadDay];
        }

        if (mentioned.Count == 0)
        {
            return FromWeekdayOnly(month, day, weekdays);
        }

        var best = 0;
        var bestScore = double.MinValue;
        var bestExact = false;
        var candidates = new SortedSet<int>();
        foreach (var y in mentioned)
        {
            candidates.Add(y - 1);
            candidates.Add(y);
            candidates.Add(y + 1);
        }

        foreach (var y in candidates.Reverse())
        {
            if (DateWords.Make(y, month, day) is not { } d)
            {
                continue;
            }

            var score = mentioned.Contains(y) ? 1.0 : 0.0;
            if (mentioned.Contains(y - 1) || mentioned.Contains(y + 1))
            {
                score += 0.5;
            }

            var wk = 0.0;
            foreach (var w in weekdays)
            {
                var diff = ((int)d.DayOfWeek - (int)w + 7) % 7;
                wk = Math.Max(wk, diff == 0 ? 3 : diff == 1 ? 1 : 0);
            }

            score += wk;
            foreach (var fd in fullDates)
            {
                if (fd.Year == y && fd <= d && d.DayNumber - fd.DayNumber < 60)
                {
                    score += 3;
                    break;
                }
            }

            if (score > bestScore)
            {
                bestScore = score;
                best = y;
                bestExact = wk >= 3;
            }
        }

        // Years named in the text can all be history; a weekday that fits the dateline exactly
        // in a later year is stronger evidence than a neighbouring year.
        if (!bestExact && weekdays.Count > 0 && FromWeekdayOnly(month, day, weekdays) is var fromWeekday && fromWeekday > 0 && fromWeekday >= mentioned.Max())
        {
            return fromWeekday;
        }

        return best;
    }
}
