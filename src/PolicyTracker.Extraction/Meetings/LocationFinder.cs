using System.Text;
using PolicyTracker.Extraction.Dates;
using PolicyTracker.Extraction.Text;

namespace PolicyTracker.Extraction.Meetings;

/// <summary>"at the Great Hall of the People in Beijing" -> "Great Hall of the People, Beijing".</summary>
internal static class LocationFinder
{
    public static void Assign(Analysis a)
    {
        foreach (var meeting in a.Meetings)
        {
            var sentence = a.Sentences[meeting.IntroSentence];
            string? venue = null;
            string? place = null;
            var tokens = a.Tokens;
            var from = Math.Max(sentence.First, meeting.IntroToken - 12);
            var to = Math.Min(sentence.Last, meeting.IntroToken + 16);
            for (var i = from; i + 1 < to; i++)
            {
                var l = tokens[i].Lower;
                if (l is not ("in" or "at"))
                {
                    continue;
                }

                var k = i + 1;
                if (tokens[k].Lower == "the")
                {
                    k++;
                }

                var end = CapRun(tokens, k, sentence.Last);
                if (end <= k)
                {
                    continue;
                }

                var text = Join(tokens, k, end);
                if (l == "in" && place is null && tokens[k - 1].Lower != "the")
                {
                    place = text;
                }
                else if (l == "at" && venue is null)
                {
                    venue = text;
                }
            }

            meeting.Location = venue is not null && place is not null ? venue + ", " + place : venue ?? place;
        }
    }

    private static int CapRun(List<Token> tokens, int k, int last)
    {
        var end = k;
        while (k < last)
        {
            var t = tokens[k];
            if (t.IsCap && !DateWords.IsDateWord(t.Lower))
            {
                k++;
                end = k;
                continue;
            }

            if ((t.Lower is "of" or "the" or "'s") && end > 0 && k + 1 < last && (tokens[k + 1].IsCap || tokens[k + 1].Lower == "the"))
            {
                k++;
                continue;
            }

            break;
        }

        return end;
    }

    private static string Join(List<Token> tokens, int start, int end)
    {
        var sb = new StringBuilder();
        for (var k = start; k < end; k++)
        {
            if (k > start && tokens[k].Lower != "'s")
            {
                sb.Append(' ');
            }

            sb.Append(tokens[k].Text);
        }

        return sb.ToString();
    }
}
