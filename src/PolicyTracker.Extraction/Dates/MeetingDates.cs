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
            DateMention? pick = Earliest(a.Dates[intro], a.Reference);
            if (pick is null && m == 0)
            {
                for (var s = intro - 1; s >= 0 && pick is null; s--)
                {
                    pick = Earliest(a.Dates[s], a.Reference);
                }
            }

            if (pick is null)
            {
                for (var s = intro + 1; s < a.Sentences.Count && pick is null; s++)
                {
                    if (a.SentenceMeeting[s] == m)
                    {
                        pick = Earliest(a.Dates[s], a.Reference);
                    }
                }
            }

            if (pick is { } p)
            {
                meeting.Date = p.Date;
                meeting.DateSpan = new TextSpan(a.Tokens[p.First].Start, a.Tokens[p.Last - 1].End - a.Tokens[p.First].Start);
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

    private static DateMention? Earliest(List<DateMention> all, DateOnly? reference)
    {
        // A meeting the report describes has already happened.
        var dates = reference is { } r ? all.FindAll(d => d.Date <= r) : all;
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
