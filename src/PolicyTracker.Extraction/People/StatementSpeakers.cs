using System.Collections.Frozen;
using PolicyTracker.Extraction.Gazetteers;
using PolicyTracker.Extraction.Meetings;
using PolicyTracker.Extraction.Text;

namespace PolicyTracker.Extraction.People;

/// <summary>Speakers named without a speech cue of their own ("addressed", "spoke"): a person who urged or warned the
/// meeting's audience ("X reportedly urged the ministers to ..."), and a delegate by title ("Ambassador X said ...",
/// "Representative Y warned ...") or anyone who said something "During the debate" in a sentence about the meeting. Runs after <see cref="ParticipantExtractor"/> and
/// only adds people it has not placed; a statement to the press is not one to the meeting.</summary>
internal static class StatementSpeakers
{
    private static readonly FrozenSet<string> Audiences = Lexicon.Words("meetingAudiences");

    private static readonly FrozenSet<string> AddressVerbs = new[]
    {
        "urged", "warned", "asked", "told", "reminded", "assured", "implored", "pressed", "called",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> StatementVerbs = new[]
    {
        "said", "warned", "urged", "stressed", "told", "noted", "argued", "insisted", "added", "emphasized", "emphasised", "underlined", "declared", "stated",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> DelegateTitles = new[]
    {
        "ambassador", "envoy", "representative", "delegate", "permanent",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> PressWords = new[]
    {
        "reporters", "journalists", "press", "interview", "television", "broadcaster", "newspaper", "podcast", "afterwards",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static void Extract(Analysis a)
    {
        var tokens = a.Tokens;
        for (var s = 0; s < a.Sentences.Count; s++)
        {
            var m = a.SentenceMeeting[s];
            if (m < 0 || a.Names[s].Count == 0)
            {
                continue;
            }

            var sentence = a.Sentences[s];
            if (ToThePress(tokens, sentence))
            {
                continue;
            }

            var meeting = a.Meetings[m];
            var remarks = RemarksFrame(tokens, sentence);
            var inDebate = remarks || DebateFrame(tokens, sentence);
            foreach (var n in a.Names[s])
            {
                if (n.Last - n.First < 2 || meeting.Find(n.Name) is not null)
                {
                    continue;
                }

                var span = new TextSpan(tokens[n.First].Start, tokens[n.Last - 1].End - tokens[n.First].Start);

                // "chaired by X, with Deputy Prime Minister Y of Russia as co-chair": a chair named by the role it held.
                if (WithAsChair(tokens, sentence.First, n.First, n.Last, sentence.Last))
                {
                    meeting.AddParticipant(n.Name, ParticipantRole.Chair, n.Title, span, 0.75);
                    continue;
                }

                // "welcomes the briefing by the Commissioner for X, Tomas Ekwueme": whoever briefed the meeting spoke at it.
                if (BriefingBy(tokens, sentence.First, n.First))
                {
                    meeting.AddParticipant(n.Name, ParticipantRole.Speaker, n.Title, span, 0.75);
                    continue;
                }

                var verb = VerbAfter(tokens, n.Last, sentence.Last);
                if (verb < 0 || tokens[verb - 1].Lower is "has" or "have" or "had")
                {
                    continue;
                }

                var l = tokens[verb].Lower;
                var delegate_ = (inDebate || IsDelegate(tokens, sentence.First, n) || Presenting(tokens, n.Last, verb)) && StatementVerbs.Contains(l);
                if (!delegate_ && !(AddressVerbs.Contains(l) && AddressesAudience(tokens, verb + 1, sentence.Last)))
                {
                    continue;
                }

                // "In closing remarks, Chairman X said ...": the chairman closing a meeting no one else chaired chaired it.
                var role = remarks && meeting.Chair is null && IsChairTitle(n.Title) ? ParticipantRole.Chair : ParticipantRole.Speaker;
                meeting.AddParticipant(n.Name, role, n.Title, span, 0.8);
            }
        }
    }

    // "X, president of Y, said", "X reportedly urged": the verb after the name, past an appositive and an adverb.
    internal static int VerbAfter(List<Token> tokens, int k, int last)
    {
        // "The representative of China, Geng Wei, said": the name is the appositive and the verb follows its comma.
        if (k + 1 < last && tokens[k].Text == "," && tokens[k + 1].IsWord && StatementVerbs.Contains(tokens[k + 1].Lower))
        {
            return k + 1;
        }

        if (k < last && tokens[k].Text == ",")
        {
            var close = -1;
            for (var j = k + 1; j < last && j <= k + 30; j++)
            {
                if (tokens[j].Text is ";" or ":" or "." or "\"" or "\u201C")
                {
                    return -1;
                }

                if (tokens[j].Text == ",")
                {
                    close = j;
                    break;
                }
            }

            if (close < 0)
            {
                return -1;
            }

            k = close + 1;
        }

        while (k < last && tokens[k].IsWord && tokens[k].Lower is "reportedly" or "also" or "then" or "further" or "repeatedly" or "again")
        {
            k++;
        }

        return k < last && tokens[k].IsWord && !tokens[k].IsCap ? k : -1;
    }

    // "During the debate, ...", "In the discussion, ...": what people said there, they said to the meeting.
    private static bool DebateFrame(List<Token> tokens, Sentence sentence)
    {
        var k = sentence.First;
        return k + 2 < sentence.Last && tokens[k].Lower is "during" or "in" && tokens[k + 1].Lower == "the"
            && tokens[k + 2].Lower is "debate" or "discussion" or "discussions" or "deliberations" or "exchange";
    }

    private static bool WithAsChair(List<Token> tokens, int first, int nameFirst, int nameLast, int last)
    {
        var k = nameFirst - 1;
        while (k >= first && k >= nameFirst - 5 && tokens[k].IsCap)
        {
            k--;
        }

        if (k < first || tokens[k].Lower != "with")
        {
            return false;
        }

        var j = nameLast;
        if (j + 1 < last && tokens[j].Lower == "of" && tokens[j + 1].IsCap)
        {
            j += 2;
            while (j < last && tokens[j].IsCap)
            {
                j++;
            }
        }

        return j + 1 < last && tokens[j].Lower == "as"
            && tokens[j + 1].Lower is "chair" or "co-chair" or "chairman" or "co-chairman" or "chairperson" or "co-chairperson" or "chairwoman" or "co-chairwoman";
    }

    // "In closing remarks, ...", "In his opening statement, ...": what was said there was said to the meeting.
    private static bool RemarksFrame(List<Token> tokens, Sentence sentence)
    {
        var k = sentence.First;
        if (k + 2 >= sentence.Last || tokens[k].Lower != "in")
        {
            return false;
        }

        k++;
        if (tokens[k].Lower is "his" or "her" or "their" or "the" or "its")
        {
            k++;
        }

        if (k < sentence.Last && tokens[k].Lower is "closing" or "opening" or "concluding" or "introductory" or "final" or "welcoming")
        {
            k++;
        }

        return k + 1 < sentence.Last && tokens[k].Lower is "remarks" or "statement" or "address" or "speech" or "comments" && tokens[k + 1].Text == ",";
    }

    private static bool IsChairTitle(string? title) =>
        title is not null && title.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(w => w.ToLowerInvariant() is "chairman" or "chairwoman" or "chairperson" or "chair");

    // "X, presenting the staff outlook, noted ...", "Y, briefing the meeting on Z, said ...": a presentation to the meeting.
    private static bool Presenting(List<Token> tokens, int afterName, int verb) =>
        afterName + 1 < verb && tokens[afterName].Text == ","
        && tokens[afterName + 1].Lower is "presenting" or "briefing" or "introducing" or "delivering" or "reporting" or "opening" or "closing";

    // "the briefing by the Commissioner for Political Affairs, Peace and Security, Tomas Ekwueme": the name ends a
    // "briefing by" phrase, with no verb or clause break between.
    private static bool BriefingBy(List<Token> tokens, int first, int nameFirst)
    {
        for (var k = nameFirst - 1; k - 1 >= first && k >= nameFirst - 14; k--)
        {
            var t = tokens[k];
            if (t.Text is ";" or ":" or "." || (t.IsWord && !t.IsCap && t.Lower is not ("of" or "for" or "and" or "the" or "on" or "by" or "from")))
            {
                return false;
            }

            if (t.Lower is "by" or "from")
            {
                return tokens[k - 1].Lower is "briefing" or "briefings" or "presentation" or "presentations";
            }
        }

        return false;
    }

    private static bool AddressesAudience(List<Token> tokens, int k, int last)
    {
        if (k < last && tokens[k].Lower == "on")
        {
            k++;
        }

        while (k < last && tokens[k].IsWord && tokens[k].Lower is "the" or "all" or "fellow" or "his" or "her" or "its" or "other")
        {
            k++;
        }

        return k < last && Audiences.Contains(tokens[k].Lower);
    }

    private static bool IsDelegate(List<Token> tokens, int first, NameCandidate n)
    {
        if (n.Title is { } title)
        {
            foreach (var w in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (DelegateTitles.Contains(w.ToLowerInvariant()))
                {
                    return true;
                }
            }
        }

        for (var k = n.First - 1; k >= first && k >= n.First - 3; k--)
        {
            if (DelegateTitles.Contains(tokens[k].Lower))
            {
                return true;
            }

            if (!tokens[k].IsWord)
            {
                break;
            }
        }

        // "The representative of China, Geng Wei, said": the delegate's title in the phrase the name stands in apposition to.
        if (n.First - 1 > first && tokens[n.First - 1].Text == ",")
        {
            for (var k = n.First - 2; k >= first && k >= n.First - 6; k--)
            {
                if (DelegateTitles.Contains(tokens[k].Lower))
                {
                    return true;
                }

                if (!tokens[k].IsWord)
                {
                    break;
                }
            }
        }

        return false;
    }

    private static bool ToThePress(List<Token> tokens, Sentence sentence)
    {
        for (var k = sentence.First; k < sentence.Last; k++)
        {
            var l = tokens[k].Lower;
            if (PressWords.Contains(l) || (l == "conference" && k > sentence.First && tokens[k - 1].Lower is "news" or "press"))
            {
                return true;
            }

            if (l == "after" && k + 2 < sentence.Last && tokens[k + 1].Lower == "the" && MeetingWords.Nouns.Contains(tokens[k + 2].Lower))
            {
                return true;
            }
        }

        return false;
    }
}
