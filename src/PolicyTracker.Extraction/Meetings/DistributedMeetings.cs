using PolicyTracker.Extraction.Bodies;
using PolicyTracker.Extraction.People;
using PolicyTracker.Extraction.Text;

namespace PolicyTracker.Extraction.Meetings;

/// <summary>One sentence that reports a meeting for each of several bodies: "the A and the B held their
/// respective meetings", "separate meetings of A, B and C", "X, Y and Z respectively presided over the
/// meetings of the party groups of A, B and C". Each body listed gets its own meeting; names listed
/// before "respectively" chair them in the order the bodies are listed.</summary>
internal static class DistributedMeetings
{
    /// <summary>A body the sentence distributes over, the name its meeting takes and the people paired with it.</summary>
    internal readonly record struct Share(BodyPhrase Member, string Body, NameCandidate? Chair);

    private static readonly HashSet<string> PluralNouns = ["meetings", "sessions", "plenums", "plenary"];

    private static readonly HashSet<string> DistributiveWords = ["respective", "separate", "respectively", "separately", "individual"];

    /// <summary>The shares of a sentence that distributes meetings over two or more bodies, or null.</summary>
    public static List<Share>? Find(Analysis a, int s)
    {
        var tokens = a.Tokens;
        var sentence = a.Sentences[s];
        var noun = -1;
        var distributive = false;
        for (var i = sentence.First; i < sentence.Last; i++)
        {
            var l = tokens[i].Lower;
            if (tokens[i].IsWord && DistributiveWords.Contains(l))
            {
                distributive = true;
            }

            if (noun < 0 && tokens[i].IsWord && PluralNouns.Contains(l) && (l != "plenary" || (i + 1 < sentence.Last && tokens[i + 1].Lower == "sessions")))
            {
                noun = l == "plenary" ? i + 1 : i;
            }
        }

        if (noun < 0 || a.Bodies[s].Count < 2)
        {
            return null;
        }

        // "the groups of A, B and C": a plural head before the list, each body having one of its own.
        var after = noun + 1;
        string? member = null;
        if (after < sentence.Last && tokens[after].Lower is "of" or "by")
        {
            var k = after + 1;
            if (k < sentence.Last && tokens[k].Lower == "held" && k + 2 < sentence.Last)
            {
                k += 1;
            }

            member = PluralHead(a, s, ref k);
            after = k;
        }
        else if (after + 1 < sentence.Last && tokens[after].Lower == "held")
        {
            // "Separate meetings held recently by the party groups of ..."
            var k = after + 1;
            while (k < sentence.Last && k < after + 4 && tokens[k].Lower != "by")
            {
                k++;
            }

            if (k < sentence.Last && tokens[k].Lower == "by")
            {
                k++;
                member = PluralHead(a, s, ref k);
                after = k;
            }
        }

        var list = ListFrom(a, s, after, Math.Min(sentence.Last, after + 30));
        if (list is null && distributive)
        {
            // "The A and the B held their respective meetings": the bodies are the subject.
            list = SubjectList(a, s, noun);
        }

        // "ahead of the annual sessions of the A and the B", "will hold separate meetings": no meeting of this report.
        if (list is null || (!distributive && member is null) || Passing(a, s, noun))
        {
            return null;
        }

        var chairs = RespectiveNames(a, s, list.Count);
        var shares = new List<Share>(list.Count);
        for (var n = 0; n < list.Count; n++)
        {
            var bp = list[n];
            var written = BodyGazetteer.Clean(bp.Text);
            var body = member is null ? written : char.ToUpperInvariant(member[0]) + member[1..] + " of the " + written;
            shares.Add(new Share(bp, body, chairs?[n]));
        }

        return shares;
    }

    private static bool Passing(Analysis a, int s, int noun)
    {
        var tokens = a.Tokens;
        var first = a.Sentences[s].First;
        for (var k = noun - 1; k >= first && k >= noun - 4; k--)
        {
            var l = tokens[k].Lower;
            if (MeetingWords.PassingPrepositions.Contains(l) || (l == "of" && k > first && tokens[k - 1].Lower == "ahead"))
            {
                return true;
            }
        }

        for (var k = first; k < noun; k++)
        {
            if (MeetingWords.Modals.Contains(tokens[k].Lower))
            {
                return true;
            }
        }

        return false;
    }

    // "leading Party members groups of" -> "leading Party members group"; the cursor moves past "of".
    private static string? PluralHead(Analysis a, int s, ref int k)
    {
        var tokens = a.Tokens;
        var last = a.Sentences[s].Last;
        var start = k < last && tokens[k].Lower == "the" ? k + 1 : k;
        for (var j = start; j < last && j < start + 6; j++)
        {
            if (!tokens[j].IsWord)
            {
                return null;
            }

            if (j + 1 < last && tokens[j + 1].Lower == "of" && tokens[j].Lower.Length > 3 && tokens[j].Lower.EndsWith('s') && !tokens[j].IsCap)
            {
                var words = new List<string>();
                for (var w = start; w < j; w++)
                {
                    words.Add(tokens[w].Text);
                }

                var singular = tokens[j].Text[..^1];
                words.Add(singular);
                k = j + 2;
                return string.Join(' ', words);
            }
        }

        return null;
    }

    /// <summary>Two or more named bodies in a row, joined by commas and "and", starting within a few words of <paramref name="from"/>.</summary>
    internal static List<BodyPhrase>? ListFrom(Analysis a, int s, int from, int until)
    {
        var tokens = a.Tokens;
        var bodies = a.Bodies[s];
        var i = 0;
        while (i < bodies.Count && bodies[i].First < from)
        {
            i++;
        }

        for (; i < bodies.Count && bodies[i].First < until; i++)
        {
            var list = new List<BodyPhrase> { bodies[i] };
            var j = i;
            while (j + 1 < bodies.Count && Joined(tokens, bodies[j].Last, bodies[j + 1].First))
            {
                list.Add(bodies[++j]);
            }

            if (list.Count >= 2 && list.TrueForAll(b => !b.IsGeneric))
            {
                return list;
            }
        }

        return null;
    }

    // "A, B and C", "A, the B, and the C", "A (AX) and B": only commas, "and", articles and a parenthetical acronym between.
    internal static bool Joined(List<Token> tokens, int from, int to)
    {
        if (to <= from || to - from > 6)
        {
            return false;
        }

        var depth = 0;
        var link = false;
        for (var k = from; k < to; k++)
        {
            var t = tokens[k];
            if (t.Text == "(")
            {
                depth++;
                continue;
            }

            if (t.Text == ")")
            {
                depth--;
                continue;
            }

            if (depth > 0)
            {
                continue;
            }

            if (t.Text == "," || t.Lower == "and")
            {
                link = true;
                continue;
            }

            if (t.Lower != "the")
            {
                return false;
            }
        }

        return link && depth == 0;
    }

    // "The A and the B held their respective meetings": the list that ends right before the verb.
    private static List<BodyPhrase>? SubjectList(Analysis a, int s, int noun)
    {
        var sentence = a.Sentences[s];
        var list = ListFrom(a, s, sentence.First, noun);
        if (list is null)
        {
            return null;
        }

        var lead = list[0].First;
        while (lead > sentence.First && a.Tokens[lead - 1].Lower is "the" or "both")
        {
            lead--;
        }

        return lead <= sentence.First + 6 ? list : null;
    }

    // "X, Y and Z respectively presided over ...": as many names as bodies, right before "respectively".
    private static NameCandidate?[]? RespectiveNames(Analysis a, int s, int count)
    {
        var tokens = a.Tokens;
        var sentence = a.Sentences[s];
        var at = -1;
        for (var k = sentence.First; k < sentence.Last; k++)
        {
            if (tokens[k].Lower == "respectively")
            {
                at = k;
                break;
            }
        }

        if (at < 0)
        {
            return null;
        }

        var names = a.Names[s].Where(n => n.Last <= at).ToList();
        if (names.Count != count)
        {
            return null;
        }

        for (var n = 1; n < names.Count; n++)
        {
            if (!Joined(tokens, names[n - 1].Last, names[n].First))
            {
                return null;
            }
        }

        if (names[^1].Last != at && !(names[^1].Last + 1 == at && tokens[names[^1].Last].Text == ","))
        {
            return null;
        }

        return [.. names.Select(n => (NameCandidate?)n)];
    }
}
