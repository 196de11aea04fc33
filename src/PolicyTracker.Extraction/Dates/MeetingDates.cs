using PolicyTracker.Extraction.Meetings;

namespace PolicyTracker.Extraction.Dates;

/// <summary>Dates each meeting: a date in the sentence that introduces it (the first day when it
/// spans several), else the lead sentences before it, else its own later sentences, else the
/// meeting before it, else the report's reference date.</summary>
internal static class MeetingDates
{
    public static void Assign(Analysis a)
    {
        for (var m = 0; m < a.Meetings.Count; m++)
        {
            var meeting = a.Meetings[m];
            var intro = meeting.IntroSentence;
            // "Thursday afternoon's meeting", "the session on 4 May": a date that modifies the meeting itself.
            DateMention? pick = Bound(a, m);

            // The lead sentence of a report dates its first meeting even when the meeting is named later.
            pick ??= m == 0 && intro > 0 ? Earliest(a.Dates[0], a.Reference) : null;
            pick ??= Earliest(a.Dates[intro], a.Reference);
            if (pick is null && m == 0)
            {
                for (var s = intro - 1; s >= 0 && pick is null; s--)
                {
                    pick = Earliest(a.Dates[s], a.Reference);
                }
            }

            // "Separate meetings held recently by ...": the report withholds the day; a later date belongs to something else.
            if (pick is null && a.Dates[intro].Count == 0 && HeldRecently(a, intro))
            {
                meeting.Date = null;
                continue;
            }

            // "Committee holds meeting on April 7" over a text that dates nothing before the meeting.
            var headline = pick is null && m == 0 && a.HeadlineDate is { } hd && (a.Reference is not { } rf || hd <= rf) ? a.HeadlineDate : null;
            // "The finance committee met the day before": a day counted from the meeting before.
            if (pick is null && m > 0 && a.Meetings[m - 1].Date is { } previous && a.Dates[intro].Count == 0 && DayOffset(a, intro) is { } offset)
            {
                meeting.Date = previous.AddDays(offset);
                continue;
            }

            // "The full cabinet then convened": a meeting that followed the one before on the same occasion shares its day.
            if (pick is null && m > 0 && a.Meetings[m - 1].Date is { } before && a.Dates[intro].Count == 0 && Sequenced(a, intro))
            {
                meeting.Date = before;
                continue;
            }

            if (pick is null && headline is null)
            {
                for (var s = intro + 1; s < a.Sentences.Count && pick is null; s++)
                {
                    if (a.SentenceMeeting[s] == m)
                    {
                        pick = Earliest(a.Dates[s].FindAll(d => !Scheduled(a, d)), a.Reference);
                    }
                }
            }

            // "wrapped up its session on Thursday" after "opened on Monday": a meeting over several days is dated by its first day.
            if (pick is { } last)
            {
                var ends = EndsThere(a, last);
                for (var s = intro; s < a.Sentences.Count; s++)
                {
                    // "a two-day meeting that began Tuesday" in the sentence naming the meeting; elsewhere only
                    // after "wrapped up on Thursday".
                    if (a.SentenceMeeting[s] != m || (s != intro && !ends))
                    {
                        continue;
                    }

                    foreach (var d in a.Dates[s])
                    {
                        if (d.IsStart && !d.IsAttributive && d.Date < last.Date && last.Date.DayNumber - d.Date.DayNumber <= 10)
                        {
                            pick = d;
                        }
                    }
                }

                // "held from Monday to Wednesday" anywhere in the meeting's sentences, ending on the day picked.
                if (pick is { } p0 && SpanStart(a, m, p0.Date) is { } start)
                {
                    pick = start;
                }
            }

            // "decided on Wednesday ... after two days of meetings": the first of the days, when no other day is named.
            var shift = 0;
            if (pick is { IsStart: false } only && Math.Max(Days(a, intro), m == 0 ? Days(a, 0) : 0) is var days and > 1 && !OtherDayNear(a, m, only.Date, days))
            {
                shift = days - 1;
            }

            if (pick is { } p)
            {
                meeting.Date = p.Date.AddDays(-shift);
                meeting.DateSpan = new TextSpan(a.Tokens[p.First].Start, a.Tokens[p.Last - 1].End - a.Tokens[p.First].Start);
            }
            else if (headline is { } h)
            {
                meeting.Date = h;
            }
            else if (m > 0 && a.Meetings[m - 1].Date is { } d)
            {
                meeting.Date = d;
            }
            else
            {
                meeting.Date = a.Reference;
            }
        }
    }

    // "It had been slated for Saturday", "originally scheduled for May 2": a plan, not the day it met.
    private static bool Scheduled(Analysis a, DateMention d)
    {
        var k = d.First - 1;
        while (k >= 0 && a.Tokens[k].Lower is "the" or "next" or "last" or "this")
        {
            k--;
        }

        return k >= 1 && a.Tokens[k].Lower == "for" && a.Tokens[k - 1].Lower is "slated" or "scheduled" or "set" or "planned" or "due" or "pencilled" or "penciled";
    }

    // "the day before", "the previous day", "a day earlier" (-1); "the next day", "the following day", "a day later" (+1).
    private static int? DayOffset(Analysis a, int s)
    {
        var tokens = a.Tokens;
        var sentence = a.Sentences[s];
        for (var k = sentence.First; k + 2 < sentence.Last + 1 && k + 1 < sentence.Last; k++)
        {
            var w0 = tokens[k].Lower;
            var w1 = tokens[k + 1].Lower;
            var w2 = k + 2 < sentence.Last ? tokens[k + 2].Lower : string.Empty;
            if (w0 == "the" && w1 == "day" && w2 is "before" or "earlier")
            {
                return -1;
            }

            if (w0 == "the" && w1 is "previous" or "preceding" && w2 == "day")
            {
                return -1;
            }

            if (w0 is "a" or "one" && w1 == "day" && w2 is "earlier" or "before")
            {
                return -1;
            }

            if (w0 == "the" && w1 is "next" or "following" && w2 == "day")
            {
                return 1;
            }

            if (w0 is "a" or "one" && w1 == "day" && w2 == "later")
            {
                return 1;
            }
        }

        return null;
    }

    private static bool Sequenced(Analysis a, int s)
    {
        for (var k = a.Sentences[s].First; k < a.Sentences[s].Last && k < a.Sentences[s].First + 8; k++)
        {
            if (a.Tokens[k].Lower is "then" or "afterwards" or "afterward" or "thereafter")
            {
                return true;
            }
        }

        return false;
    }

    private static bool HeldRecently(Analysis a, int s)
    {
        var tokens = a.Tokens;
        for (var k = a.Sentences[s].First; k < a.Sentences[s].Last; k++)
        {
            if (tokens[k].Lower is "recently" or "lately"
                || (tokens[k].Lower == "recent" && k + 1 < a.Sentences[s].Last && tokens[k + 1].Lower is "days" or "weeks"))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] DayCounts = ["one", "two", "three", "four", "five"];

    // "after two days of meetings", "at the close of a three-day meeting" in the sentence naming the meeting or the next.
    private static int Days(Analysis a, int intro)
    {
        for (var s = intro; s < a.Sentences.Count && s <= intro + 1; s++)
        {
            for (var k = a.Sentences[s].First; k + 2 < a.Sentences[s].Last; k++)
            {
                var l = a.Tokens[k].Lower;
                var n = Array.IndexOf(DayCounts, l) + 1;
                if (n > 1 && a.Tokens[k + 1].Lower == "days" && a.Tokens[k + 2].Lower == "of" && k + 3 < a.Sentences[s].Last
                    && a.Tokens[k + 3].Lower is "meetings" or "talks" or "deliberations" or "discussions" && k > a.Sentences[s].First && a.Tokens[k - 1].Lower == "after")
                {
                    return n;
                }

                var dash = l.IndexOf("-day", StringComparison.Ordinal);
                if (dash > 0 && Array.IndexOf(DayCounts, l[..dash]) + 1 is var d and > 1 && k >= a.Sentences[s].First + 2
                    && a.Tokens[k - 2].Lower is "close" or "end" && Meetings.MeetingWords.Nouns.Contains(a.Tokens[k + 1].Lower))
                {
                    return d;
                }
            }
        }

        return 0;
    }

    private static bool OtherDayNear(Analysis a, int m, DateOnly date, int days)
    {
        for (var s = 0; s < a.Sentences.Count; s++)
        {
            if (a.SentenceMeeting[s] == m || s == a.Meetings[m].IntroSentence)
            {
                foreach (var d in a.Dates[s])
                {
                    if (d.Date != date && Math.Abs(date.DayNumber - d.Date.DayNumber) < days)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    // A date on the meeting noun first ("Sunday's two meetings"), else the day a meeting opened.
    private static DateMention? Bound(Analysis a, int m) => Bound(a, m, d => d.IsMeetingBound) ?? Bound(a, m, d => d.IsOpening);

    private static DateMention? Bound(Analysis a, int m, Func<DateMention, bool> kind)
    {
        for (var s = 0; s < a.Sentences.Count; s++)
        {
            if (a.SentenceMeeting[s] != m && s != a.Meetings[m].IntroSentence)
            {
                continue;
            }

            foreach (var d in a.Dates[s])
            {
                if (kind(d) && (a.Reference is not { } r || d.Date <= r))
                {
                    return d;
                }
            }
        }

        return null;
    }

    // "from Monday to Wednesday", "from 2 to 4 May": the first day of a span whose last day is the one picked.
    private static DateMention? SpanStart(Analysis a, int m, DateOnly end)
    {
        for (var s = 0; s < a.Sentences.Count; s++)
        {
            if (a.SentenceMeeting[s] != m)
            {
                continue;
            }

            var dates = a.Dates[s];
            for (var i = 0; i + 1 < dates.Count; i++)
            {
                var (d, e) = (dates[i], dates[i + 1]);
                if (d.IsStart && !d.IsAttributive && e.Date == end && d.Date < end && end.DayNumber - d.Date.DayNumber <= 10
                    && e.First - d.Last <= 2 && a.Tokens[e.First - 1].Lower is "to" or "until" or "through" or "till" or "-" or "and")
                {
                    return d;
                }
            }
        }

        return null;
    }

    // "wrapped up its third plenary session in Beijing on Thursday": the date a gathering ended.
    private static bool EndsThere(Analysis a, DateMention date)
    {
        for (var k = date.First - 1; k >= 0 && k >= date.First - 10; k--)
        {
            var t = a.Tokens[k];
            if (t.IsPunct && t.Text is "." or ";")
            {
                break;
            }

            if (t.IsWord && t.Lower is "wrapped" or "closed" or "concluded" or "ended" or "to" or "until" or "through")
            {
                return true;
            }
        }

        return false;
    }

    private static DateMention? Earliest(List<DateMention> all, DateOnly? reference)
    {
        // A meeting the report describes has already happened; the date of a document is not its date.
        var dates = all.FindAll(d => !d.IsAttributive && (reference is not { } r || d.Date <= r));
        if (dates.Count == 0)
        {
            return null;
        }

        var first = dates[0];
        var best = first;
        foreach (var d in dates)
        {
            if (d.Date < best.Date && first.Date.DayNumber - d.Date.DayNumber <= 10)
            {
                best = d;
            }
        }

        return best;
    }
}
