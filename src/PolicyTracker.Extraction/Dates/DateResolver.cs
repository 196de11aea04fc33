using PolicyTracker.Extraction.Text;

namespace PolicyTracker.Extraction.Dates;

/// <summary>Finds "on May 30", "Jan. 24", "Oct. 20-23", "30 September 2022", "on Monday",
/// "last Thursday" in a token range and resolves them against the report's reference date.</summary>
internal static class DateResolver
{
    public static void Find(List<Token> tokens, int first, int last, DateOnly? reference, List<DateMention> output)
    {
        var from = output.Count;
        FindMentions(tokens, first, last, reference, output);
        for (var k = from; k < output.Count; k++)
        {
            output[k] = Bind(tokens, first, last, output[k]);
        }
    }

    /// <summary>What a date modifies: "Thursday afternoon's meeting", "the session on 4 May" date the meeting itself;
    /// "Friday's attack" dates an attack; "the minister said on Wednesday" dates a statement, not what it reports.</summary>
    internal static DateMention Bind(List<Token> tokens, int first, int last, DateMention d)
    {
        // "the summit on Friday will bring together ...": a meeting still to come.
        for (var j = d.Last; j < last && j <= d.Last + 3; j++)
        {
            if (tokens[j].Lower is "will" or "would" or "shall")
            {
                return d;
            }
        }

        // Possessive: DATE [morning|afternoon|evening|night] 's [up to two modifiers] NOUN
        var k = d.Last;
        if (k < last && tokens[k].Lower is "morning" or "afternoon" or "evening" or "night")
        {
            k++;
        }

        if (k < last && tokens[k].Lower == "'s")
        {
            for (var j = k + 1; j < last && j <= k + 3 && tokens[j].IsWord; j++)
            {
                if (IsMeetingNoun(tokens[j].Lower))
                {
                    return d with { IsMeetingBound = true, IsAttributive = false };
                }
            }

            return d with { IsAttributive = true };
        }

        // "the three-day summit that opened in Durban on Tuesday": the first day of the meeting.
        var v = d.First - 1;
        if (v >= first && tokens[v].Lower == "on")
        {
            v--;
        }

        v = SkipPlace(tokens, first, v);
        if (v >= first && tokens[v].Lower is "opened" or "began" or "started" or "convened")
        {
            var bound = false;
            // "the three-day summit that opened", "a two-day meeting at the bank's head office in Tokyo that began Monday"
            for (var j = v - 1; j >= first && j >= v - 12 && !(tokens[j].IsPunct && tokens[j].Text is "," or ";" or "."); j--)
            {
                bound |= IsMeetingNoun(tokens[j].Lower);
            }

            return d with { IsStart = true, IsOpening = bound, IsAttributive = false };
        }

        // "the meeting on Monday", "the session of 4 July", "the meeting held on Monday"
        var b = d.First - 1;
        if (b >= first && tokens[b].Lower is "on" or "of")
        {
            b--;
        }

        if (b >= first && tokens[b].Lower is "held" or "convened" or "which" or "that")
        {
            b--;
        }

        // "a meeting on Sunday of the party's board" is that body's meeting, not necessarily this one.
        if (b >= first && b < d.First - 1 && IsMeetingNoun(tokens[b].Lower) && !(d.Last < last && tokens[d.Last].Lower == "of"))
        {
            return d with { IsMeetingBound = true, IsAttributive = false };
        }

        // "the prime minister said on Wednesday", "told reporters on Wednesday": the day of the statement.
        b = d.First - 1;
        if (b >= first && tokens[b].Lower == "on")
        {
            b--;
        }

        if (b >= first && Meetings.MeetingWords.ReportingVerbs.Contains(tokens[b].Lower))
        {
            return d with { IsAttributive = true };
        }

        if (b - 1 >= first && tokens[b].Lower is "reporters" or "journalists" or "media" && Meetings.MeetingWords.ReportingVerbs.Contains(tokens[b - 1].Lower))
        {
            return d with { IsAttributive = true };
        }

        return d;
    }

    private static bool IsMeetingNoun(string lower) => Meetings.MeetingWords.Nouns.Contains(lower)
        || (lower.Length > 4 && lower[^1] == 's' && Meetings.MeetingWords.Nouns.Contains(lower[..^1]));

    // "in Durban", "in Cape Town, South Africa": back over a place phrase to the word before it.
    private static int SkipPlace(List<Token> tokens, int first, int k)
    {
        var j = k;
        while (j >= first && j > k - 8 && (tokens[j].IsCap || tokens[j].Text == ","))
        {
            j--;
        }

        return j < k && j >= first && tokens[j].Lower is "in" or "at" ? j - 1 : k;
    }

    private static void FindMentions(List<Token> tokens, int first, int last, DateOnly? reference, List<DateMention> output)
    {
        for (var i = first; i < last; i++)
        {
            var t = tokens[i];
            if (!t.IsWord)
            {
                continue;
            }

            var month = DateWords.Month(t.Lower);
            if (month > 0 && (t.Lower != "may" || t.IsCap))
            {
                var j = i + 1;
                if (j < last && tokens[j].Text == "." && tokens[j].Start == t.End)
                {
                    j++;
                }

                if (j < last && tokens[j].Kind == TokenKind.Number && DateWords.Day(tokens[j].Text) > 0)
                {
                    var day = DateWords.Day(tokens[j].Text);
                    var end = j + 1;
                    var year = 0;
                    if (end + 1 < last && tokens[end].Text == "," && DateWords.Year(tokens[end + 1].Text) > 0)
                    {
                        year = DateWords.Year(tokens[end + 1].Text);
                        end += 2;
                    }

                    Add(tokens, i, end, year, month, day, reference, output);
                    i = end - 1;
                    continue;
                }

                // "30 September 2022"
                if (i > first && tokens[i - 1].Kind == TokenKind.Number && DateWords.Day(tokens[i - 1].Text) > 0)
                {
                    var year = i + 1 < last ? DateWords.Year(tokens[i + 1].Text) : 0;
                    Add(tokens, i - 1, year > 0 ? i + 2 : i + 1, year, month, DateWords.Day(tokens[i - 1].Text), reference, output);
                }

                continue;
            }

            // "yesterday afternoon", "today": relative to the report's own date.
            if (t.Lower is "yesterday" or "today" && reference is { } rr)
            {
                output.Add(new DateMention(i, i + 1, t.Lower == "today" ? rr : rr.AddDays(-1), false, false));
                continue;
            }

            if (DateWords.TryWeekday(t.Lower, out var weekday) && t.IsCap && reference is { } r)
            {
                var prev = i > first ? tokens[i - 1].Lower : string.Empty;
                var back = ((int)r.DayOfWeek - (int)weekday + 7) % 7;
                if (prev == "last" || prev == "previous")
                {
                    back = back == 0 ? 7 : back;
                }
                else if (prev == "next" || prev == "coming")
                {
                    continue;
                }

                var date = r.AddDays(-back);
                var attributive = prev == "on" && i - 2 >= first + 1 && IsReducedRelative(tokens, i - 2);
                output.Add(new DateMention(prev is "last" or "previous" ? i - 1 : i, i + 1, date, IsStartCue(tokens, i - (prev is "on" ? 1 : 0), first), attributive));
            }
        }
    }

    private static void Add(List<Token> tokens, int start, int end, int year, int month, int day, DateOnly? reference, List<DateMention> output)
    {
        if (year == 0)
        {
            if (reference is not { } r)
            {
                return;
            }

            year = r.Year;
            var candidate = DateWords.Make(year, month, day);

            // A month-day well after the report date belongs to the previous year.
            if (candidate is { } c && c.DayNumber - r.DayNumber > 45)
            {
                year--;
            }
        }

        var date = DateWords.Make(year, month, day);
        if (date is { } d)
        {
            var startCue = IsStartCue(tokens, start - (start > 0 && tokens[start - 1].Lower == "on" ? 1 : 0), 0);
            output.Add(new DateMention(start, end, d, startCue, IsAttributive(tokens, start)));
        }
    }

    // "the recommendations of 8 November", "Directive 2001/55/EC of 20 July 2001": the date of a thing,
    // not of the meeting; "the meeting of 4 July" still dates the meeting.
    private static bool IsAttributive(List<Token> tokens, int start)
    {
        if (start >= 3 && tokens[start - 1].Lower == "on" && IsReducedRelative(tokens, start - 2))
        {
            return true;
        }

        // "the agreement signed in London, United Kingdom, on 22 December 2014": a place between the participle and the date.
        if (start >= 4 && tokens[start - 1].Lower == "on")
        {
            var k = start - 2;
            var place = false;
            while (k >= 2 && start - k <= 9 && (tokens[k].Text == "," || tokens[k].IsCap || tokens[k].Lower is "in" or "at"))
            {
                place |= tokens[k].Lower is "in" or "at";
                k--;
                if (place && tokens[k + 1].Lower is "in" or "at")
                {
                    break;
                }
            }

            if (place && tokens[k + 1].Lower is "in" or "at" && IsReducedRelative(tokens, k))
            {
                return true;
            }
        }

        if (start < 2 || tokens[start - 1].Lower != "of")
        {
            return false;
        }

        return !Meetings.MeetingWords.Nouns.Contains(tokens[start - 2].Lower);
    }

    // "the ceasefire proposal announced on 31 May", "an agreement reached on March 21": a participle after
    // a common noun dates that thing; "the council convened on Monday" dates the meeting.
    private static bool IsReducedRelative(List<Token> tokens, int participle)
    {
        var verb = tokens[participle];
        var noun = tokens[participle - 1];
        return verb.IsWord && verb.Lower.EndsWith("ed", StringComparison.Ordinal) && !Meetings.MeetingWords.AnchorVerbs.Contains(verb.Lower)
            && !Meetings.MeetingWords.GatheringVerbs.Contains(verb.Lower) && verb.Lower is not ("met" or "decided" or "agreed" or "approved" or "adopted")
            && noun.IsWord && !noun.IsCap && noun.Lower.Length > 2 && !Bodies.BodyPhraseFinder.GenericHeads.Contains(noun.Lower)
            && !Meetings.MeetingWords.Nouns.Contains(noun.Lower) && !noun.Lower.EndsWith("ly", StringComparison.Ordinal)
            && !(participle >= 2 && tokens[participle - 2].Lower is "was" or "were" or "is" or "are" or "been" or "be")
            && noun.Lower is not ("first" or "later" or "already" or "earlier" or "it" or "they" or "he" or "she" or "ministers" or "members" or "leaders" or "also" or "was" or "were" or "had" or "has" or "have" or "been");
    }

    private static bool IsStartCue(List<Token> tokens, int i, int first)
    {
        if (i - 1 < first || i - 1 < 0)
        {
            return false;
        }

        var p = tokens[i - 1].Lower;
        return p is "from" or "opened" or "began" or "started" or "opening";
    }
}
