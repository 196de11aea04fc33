using System.Collections.Frozen;
using PolicyTracker.Extraction.Bodies;
using PolicyTracker.Extraction.Gazetteers;
using PolicyTracker.Extraction.Text;

namespace PolicyTracker.Extraction.Meetings;

/// <summary>Decides whether the subject of a verb is the meeting itself (the meeting, it, the
/// body, participants) or its chair (by name, surname, "he", or "the premier").</summary>
/// <summary>Word classes of subjects, for other stages.</summary>
internal static class SubjectResolverWords
{
    private static readonly FrozenSet<string> Collective = Lexicon.Words("collectiveSubjects");

    /// <summary>"members", "policymakers", "leaders": the people of a meeting as a whole.</summary>
    public static bool IsCollective(string lower) => Collective.Contains(lower);
}

internal static class SubjectResolver
{
    private static readonly FrozenSet<string> Collective = Lexicon.Words("collectiveSubjects");

    private static readonly FrozenSet<string> LeadIns = new[]
    {
        "in", "at", "on", "after", "before", "under", "with", "to", "among", "according", "for", "during", "following", "looking", "turning",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Subordinators = new[]
    {
        "after", "before", "when", "since", "because", "although", "though", "if", "unless", "until", "whereas", "once", "which", "who", "whom",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ChairTitleNouns = Lexicon.Words("chairTitleNouns");

    /// <summary>True when the subject in tokens [from, verb) is the meeting or its chair;
    /// false when it is someone or something else or cannot be found.</summary>
    private static bool PossessesSubject(List<Token> tokens, int from, int verb)
    {
        for (var k = from; k < verb && k <= from + 4; k++)
        {
            var l = tokens[k].Lower;
            if (MeetingWords.Nouns.Contains(l) || Bodies.BodyPhraseFinder.GenericHeads.Contains(l))
            {
                return true;
            }

            if (!tokens[k].IsWord)
            {
                return false;
            }
        }

        return false;
    }

    public static bool IsMeetingOrChair(Analysis a, int s, int from, int verb, MeetingDraft meeting, bool allowPeople = true)
    {
        var tokens = a.Tokens;
        var start = from;

        // Skip a leading participial or prepositional phrase ("Noting that ..., the meeting").
        if (start < verb && tokens[start].IsWord && (tokens[start].Lower.EndsWith("ing", StringComparison.Ordinal) || LeadIns.Contains(tokens[start].Lower)))
        {
            var lead = LeadPhraseEnd(tokens, start, verb);
            if (lead > start)
            {
                // "In March, the Council demanded ...": another, earlier meeting of the same body.
                if (IsEarlierTime(tokens, start, lead, meeting.Date))
                {
                    return false;
                }

                start = lead + 1;
            }
        }

        // "The resolution said ..., adding that the situation called for monitoring": the verb's subject is inside the
        // reported clause, after "that".
        for (var k = verb - 1; k > start; k--)
        {
            if (tokens[k].Lower == "that" && tokens[k - 1].IsWord && (Resolutions.DirectiveVerbs.Say.Contains(tokens[k - 1].Lower) || tokens[k - 1].Lower is "adding" or "saying" or "noting" or "stating" or "explaining" or "arguing" or "insisting" or "warning"))
            {
                start = k + 1;
                break;
            }
        }

        // "It was put off after several ministers said X should ...": a verb inside an adverbial clause is
        // background ("The meeting, which came a day after X closed, examined ..." is not: the "after" is inside a relative clause).
        for (var k = verb - 1; k > start; k--)
        {
            if (tokens[k].IsWord && tokens[k].Lower is "after" or "because" or "although" or "though" or "unless" or "whereas" && !HasRelative(tokens, start, k))
            {
                return false;
            }
        }

        var names = a.Names[s];
        var bodies = a.Bodies[s];
        var possessorEnd = -1;
        for (var k = start; k < verb; k++)
        {
            var t = tokens[k];
            if (k < possessorEnd)
            {
                continue;
            }

            foreach (var bp in bodies)
            {
                // "The new government's first cabinet meeting approved ...": a possessor of the subject is not the subject.
                if (bp.First == k && bp.Last < verb && tokens[bp.Last].Lower == "'s" && PossessesSubject(tokens, bp.Last + 1, verb))
                {
                    possessorEnd = bp.Last + 1;
                    break;
                }

                if (bp.First == k || bp.HeadIndex == k)
                {
                    // Another body's call ("the European Union urged ...") is not this meeting's.
                    return bp.IsGeneric || meeting.Body is null || MeetingDetector.SameBody(a.CanonicalBody(bp.Text), meeting.Body)
                        || string.Equals(bp.Head, LastWord(meeting.Body), StringComparison.OrdinalIgnoreCase);
                }
            }

            if (k < possessorEnd)
            {
                continue;
            }

            foreach (var n in names)
            {
                if (n.First <= k && k < n.Last)
                {
                    return allowPeople && IsChair(meeting, n.Name);
                }
            }

            if (!t.IsWord)
            {
                continue;
            }

            var l = t.Lower;
            if (l is "that" or "this" && k + 1 < verb && MeetingWords.Nouns.Contains(tokens[k + 1].Lower))
            {
                return true;
            }

            if (Subordinators.Contains(l))
            {
                return false;
            }

            // "The text demands ...", "The declaration urges ...": what a document says is not what the meeting directed.
            if ((l == "text" || Resolutions.DirectiveVerbs.IsDocumentKind(l)) && k > start && tokens[k - 1].Lower is "the" or "its" or "this" && !HasComma(tokens, k, verb))
            {
                return false;
            }

            if (l is "he" or "she")
            {
                return allowPeople && IsChair(meeting, PreviousSubject(a, s));
            }

            // "We, the leaders, agree to ...": a first-person communiqué speaks for the meeting; inside a quotation "we"
            // is the meeting only when the chair says it (""We have decided to ...," he said").
            if (l == "we")
            {
                return WeIsMeeting(a, s, k, meeting, allowPeople);
            }

            // "several ministers said ...": some members speak for themselves, not for the meeting.
            if (Collective.Contains(l) && k > start && (tokens[k - 1].Lower is "several" or "some" or "many" or "few" or "two" or "three" or "four" or "five" or "other" || tokens[k - 1].Kind == TokenKind.Number))
            {
                return false;
            }

            // "The text deplores X. It also calls on ...": "it" goes on with the document the previous sentence quoted.
            if (l == "it" && s > 0 && OpensWithDocumentSubject(a, s - 1))
            {
                return false;
            }

            // "Its first meeting under him, held in September, cleared ...": a meeting of another month is another meeting.
            if (MeetingWords.Nouns.Contains(l) && OtherMonthOrYear(tokens, k + 1, verb, meeting.Date))
            {
                return false;
            }

            if (l is "it" or "they" || Collective.Contains(l) || MeetingWords.Nouns.Contains(l) || BodyPhraseFinder.GenericHeads.Contains(l))
            {
                return true;
            }

            if (l is "which" or "that" or "who" or "whom")
            {
                return false;
            }

            if (ChairTitleNouns.Contains(l) && k > start && tokens[k - 1].Lower == "the")
            {
                // "The President instructed ...": the chair, when the chair holds that title or no title is known.
                var title = meeting.ChairTitle;
                return allowPeople && meeting.Chair is not null && (title is null || title.Contains(t.Text, StringComparison.OrdinalIgnoreCase));
            }
        }

        return false;
    }

    private static bool WeIsMeeting(Analysis a, int s, int we, MeetingDraft meeting, bool allowPeople)
    {
        var tokens = a.Tokens;
        var sentence = a.Sentences[s];
        var quotesBefore = 0;
        for (var k = sentence.First; k < we; k++)
        {
            quotesBefore += tokens[k].Text is "\"" or "\u201C" or "\u201D" ? 1 : 0;
        }

        var close = -1;
        for (var k = we + 1; k < sentence.Last; k++)
        {
            if (tokens[k].Text is "\"" or "\u201D")
            {
                close = k;
                break;
            }
        }

        if (quotesBefore % 2 == 0 && close < 0)
        {
            return true;
        }

        if (!allowPeople || close < 0)
        {
            return false;
        }

        for (var k = close + 1; k < sentence.Last && k <= close + 6; k++)
        {
            // ""We ...," the summit said": the meeting quoted is the meeting.
            if (MeetingWords.Nouns.Contains(tokens[k].Lower) || BodyPhraseFinder.GenericHeads.Contains(tokens[k].Lower) || tokens[k].Lower is "communique" or "communiqué" or "statement")
            {
                return true;
            }

            if (tokens[k].Lower is "he" or "she")
            {
                return IsChair(meeting, PreviousSubject(a, s) ?? a.SubjectPerson[s]);
            }

            foreach (var n in a.Names[s])
            {
                if (n.First == k)
                {
                    return IsChair(meeting, n.Name);
                }
            }
        }

        return false;
    }

    /// <summary>The comma that ends a leading phrase before the subject, or -1. Usually the last comma before the
    /// verb; when that comma closes an appositive of the subject ("Presiding over the session, Xi, general secretary of
    /// the Committee, urged ..."), the subject sits between the two commas before it.</summary>
    internal static int LeadPhraseEnd(List<Token> tokens, int start, int verb)
    {
        var commas = new List<int>(4);
        for (var k = start + 1; k < verb; k++)
        {
            if (tokens[k].Text == ",")
            {
                commas.Add(k);
            }
        }

        if (commas.Count == 0)
        {
            return -1;
        }

        var last = commas[^1];
        var adverbs = last + 1;
        while (adverbs < verb && tokens[adverbs].IsWord && !tokens[adverbs].IsCap && tokens[adverbs].Lower is "also" or "then" or "later" or "further" or "formally" or "unanimously")
        {
            adverbs++;
        }

        return adverbs == verb && commas.Count >= 3 ? commas[^3] : last;
    }

    /// <summary>The sentence opens "The text / The resolution / The declaration" and a present-tense verb: it reports
    /// what a document says.</summary>
    private static bool OpensWithDocumentSubject(Analysis a, int s)
    {
        var tokens = a.Tokens;
        var sentence = a.Sentences[s];
        var k = sentence.First;
        if (k + 2 >= sentence.Last || tokens[k].Lower is not ("the" or "its" or "this"))
        {
            return false;
        }

        var head = tokens[k + 1].Lower;
        var verb = tokens[k + 2];
        if (verb.IsWord && verb.Lower == "also" && k + 3 < sentence.Last)
        {
            verb = tokens[k + 3];
        }

        return (head == "text" || Resolutions.DirectiveVerbs.IsDocumentKind(head)) && verb.IsWord && !verb.IsCap && verb.Lower.EndsWith('s') && verb.Lower.Length > 3;
    }

    private static bool HasRelative(List<Token> tokens, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (tokens[k].Lower is "which" or "who")
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasComma(List<Token> tokens, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (tokens[k].Text is "," or ";")
            {
                return true;
            }
        }

        return false;
    }

    // "In March", "Last year", "Earlier this month", "In 2021" before the meeting's own month.
    private static bool IsEarlierTime(List<Token> tokens, int from, int to, DateOnly? date)
    {
        for (var k = from; k < to; k++)
        {
            var l = tokens[k].Lower;
            if (l is "last" or "earlier" or "previously" or "ago")
            {
                return true;
            }

            var month = Dates.DateWords.Month(l);
            if (month > 0 && tokens[k].IsCap && date is { } d && month != d.Month && !(k + 1 < to && tokens[k + 1].Kind == TokenKind.Number))
            {
                return true;
            }

            if (Dates.DateWords.Year(tokens[k].Text) is > 0 and var year && date is { } d2 && year < d2.Year)
            {
                return true;
            }
        }

        return false;
    }

    private static bool OtherMonthOrYear(List<Token> tokens, int from, int to, DateOnly? date)
    {
        if (date is not { } d)
        {
            return false;
        }

        for (var k = from; k < to; k++)
        {
            var month = Dates.DateWords.Month(tokens[k].Lower);
            if (month > 0 && tokens[k].IsCap && month != d.Month)
            {
                return true;
            }

            if (Dates.DateWords.Year(tokens[k].Text) is > 0 and var year && year != d.Year)
            {
                return true;
            }
        }

        return false;
    }

    private static string LastWord(string s)
    {
        var i = s.LastIndexOf(' ');
        return i < 0 ? s : s[(i + 1)..];
    }

    public static bool IsChair(MeetingDraft meeting, string? name) => name is not null && string.Equals(meeting.Chair, name, StringComparison.Ordinal);

    public static string? PreviousSubject(Analysis a, int s)
    {
        for (var k = s - 1; k >= 0 && k >= s - 4; k--)
        {
            if (a.SubjectPerson.Length > k && a.SubjectPerson[k] is { } p)
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>The person a sentence is about: its first named person before any verb-like word,
    /// or, for a sentence opening with "He"/"She", the previous one.</summary>
    public static void ComputeSubjects(Analysis a)
    {
        a.SubjectPerson = new string?[a.Sentences.Count];
        for (var s = 0; s < a.Sentences.Count; s++)
        {
            var sentence = a.Sentences[s];
            string? person = null;
            var start = sentence.First;
            if (sentence.Count > 0 && a.Tokens[start].IsWord && (a.Tokens[start].Lower.EndsWith("ing", StringComparison.Ordinal) || LeadIns.Contains(a.Tokens[start].Lower)))
            {
                for (var k = start; k < sentence.Last && k < start + 30; k++)
                {
                    if (a.Tokens[k].Text == ",")
                    {
                        start = k + 1;
                        break;
                    }
                }
            }

            if (start < sentence.Last && a.Tokens[start].Lower is "he" or "she")
            {
                person = PreviousSubject(a, s);
            }
            else
            {
                foreach (var n in a.Names[s])
                {
                    if (n.First < start)
                    {
                        continue;
                    }

                    if (n.First - start < 12)
                    {
                        person = n.Name;
                    }

                    break;
                }
            }

            a.SubjectPerson[s] = person;
        }
    }

    internal static bool IsVerbLike(Token t) => t.IsWord && (Resolutions.DirectiveVerbs.IsActionVerb(t.Lower) || Resolutions.DirectiveVerbs.Say.Contains(t.Lower));
}
