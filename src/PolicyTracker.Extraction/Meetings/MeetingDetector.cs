using PolicyTracker.Extraction.Bodies;
using PolicyTracker.Extraction.Dates;
using PolicyTracker.Extraction.Text;

namespace PolicyTracker.Extraction.Meetings;

/// <summary>Finds the meetings a report describes and which sentence talks about which meeting.
/// A meeting is introduced by a meeting noun that some verb or preposition anchors ("chaired the
/// first meeting of X", "decided at a meeting", "X held its session") or by "X met" / "convened X";
/// a later mention of a known body moves the focus back to that body's meeting.</summary>
internal static class MeetingDetector
{
    private readonly record struct Mention(int Start, int Noun, int End, string? BodyText, int BodyFirst, int BodyLast, bool Generic, string Kind, bool Anchored, bool Passing, bool Definite, string? AliasExtra);

    public static void Detect(Analysis a)
    {
        var current = -1;
        var firstMeetingSentence = -1;
        for (var s = 0; s < a.Sentences.Count; s++)
        {
            var sentence = a.Sentences[s];
            var switched = false;
            // A caption after the report has begun repeats it; a caption before the lead may be the only full name.
            var caption = current >= 0 && IsPhotoCaption(a, s);
            if (!caption && Distribute(a, s) is { } shared)
            {
                current = shared;
                switched = true;
            }

            foreach (var m in caption || switched ? [] : FindMentions(a, s))
            {
                if (m.Passing)
                {
                    continue;
                }

                var body = m.BodyText;
                var generic = m.Generic;
                int bodyFirst = m.BodyFirst, bodyLast = m.BodyLast;
                if (body is not null && generic)
                {
                    var antecedent = FindAntecedent(a, s, m.BodyFirst, HeadOf(body));
                    if (antecedent is { } ant)
                    {
                        body = ant.Text;
                        generic = false;
                        bodyFirst = ant.First;
                        bodyLast = ant.Last;
                    }
                    else if (current >= 0)
                    {
                        continue;
                    }
                }

                if (body is null && m.Anchored && (current < 0 || !m.Definite))
                {
                    // "At the end of a two-day meeting, the Tariff Committee decided ...": the subject after a fronted phrase.
                    var subject = SubjectBody(a, s, m.Start) ?? (m.Start - sentence.First <= 6 ? SubjectAfter(a, s, m.End) : null);
                    if (subject is { } sb)
                    {
                        var resolved = sb.IsGeneric ? FindAntecedent(a, s, sb.First, sb.Head) ?? sb : sb;
                        body = resolved.Text;
                        generic = resolved.IsGeneric;
                        bodyFirst = resolved.First;
                        bodyLast = resolved.Last;
                    }
                }

                if (body is null)
                {
                    if (m.Anchored && current < 0)
                    {
                        // "At the meeting, ministers approved ...": the body named just before.
                        var earlier = EarlierBody(a, s);
                        if (earlier is { } eb)
                        {
                            current = Create(a, s, m, eb.Text, eb.First, eb.Last, eb.IsGeneric);
                        }
                        else
                        {
                            current = Create(a, s, m, null, -1, -1, false);
                        }

                        switched = true;
                    }

                    continue;
                }

                var canonical = a.CanonicalBody(body);
                var existing = FindMeeting(a, canonical);
                if (existing >= 0 && !(m.Anchored && DistinctKind(a.Meetings[existing].Kind, m.Kind)))
                {
                    if (existing != current)
                    {
                        current = existing;
                        switched = true;
                    }

                    continue;
                }

                // The first meeting named with its body counts even without an anchoring verb
                // ("The State Council executive meeting, chaired by ..., approved ...").
                if ((m.Anchored || (a.Meetings.Count == 0 && !generic)) && !(a.Meetings.Count > 0 && Habitual(a, s)))
                {
                    // "addressed the first meeting of X, and a meeting of Y": the sentence's people were at both.
                    if (switched && current >= 0 && a.Meetings[current].IntroSentence == s)
                    {
                        a.SharedSentences.Add((s, current));
                    }

                    current = Create(a, s, m with { BodyText = body, BodyFirst = bodyFirst, BodyLast = bodyLast }, body, bodyFirst, bodyLast, generic);
                    switched = true;
                }
            }

            // "Separately, the Cabinet Committee on X (CCX), also chaired by the Prime Minister, approved ...": a second body in session.
            if (!switched && SeparateBody(a, s) is { } sep)
            {
                var canonical = a.CanonicalBody(sep.Text);
                var existing = FindMeeting(a, canonical);
                if (existing < 0)
                {
                    var mention = new Mention(sep.First, sep.HeadIndex, sep.Last, sep.Text, sep.First, sep.Last, false, "meeting", true, false, false, null);
                    current = Create(a, s, mention, sep.Text, sep.First, sep.Last, false);
                    switched = true;
                }
            }

            // "The Lowland cabinet decided on Tuesday ... The move followed a meeting on Sunday of X": a named body acting
            // in the lead is the first meeting even when a later sentence names another one.
            if (!switched && current < 0 && s == LeadSentence(a) && LeadActor(a, s) is { } actor)
            {
                var mention = new Mention(actor.First, actor.HeadIndex, actor.Last, actor.Text, actor.First, actor.Last, false, "meeting", true, false, false, null);
                current = Create(a, s, mention, actor.Text, actor.First, actor.Last, false);
                switched = true;
            }

            if (!switched)
            {
                var verbal = VerbalMeeting(a, s);
                if (verbal is { } vb)
                {
                    var canonical = a.CanonicalBody(vb.Text);
                    var existing = FindMeeting(a, canonical);
                    if (existing >= 0)
                    {
                        current = existing;
                    }
                    else if (a.Meetings.Count > 0 && Habitual(a, s))
                    {
                        // A habit ("it is normally the president who convenes X") holds no meeting.
                    }
                    else
                    {
                        var mention = new Mention(vb.First, vb.HeadIndex, vb.Last, vb.Text, vb.First, vb.Last, vb.IsGeneric, "meeting", true, false, false, null);
                        current = Create(a, s, mention, vb.Text, vb.First, vb.Last, vb.IsGeneric);
                    }

                    switched = true;
                }
            }

            if (!switched && current >= 0)
            {
                // "The Political Bureau also urged ..." turns back to that body's meeting.
                var subject = LeadingBody(a, s);
                if (subject is { } lb)
                {
                    var canonical = a.CanonicalBody(lb.Text);
                    var existing = FindMeeting(a, canonical);
                    if (existing >= 0)
                    {
                        current = existing;
                    }
                }
            }

            if (current >= 0 && firstMeetingSentence < 0)
            {
                firstMeetingSentence = s;
            }

            a.SentenceMeeting[s] = current;
            _ = sentence;
        }

        if (a.Meetings.Count == 0)
        {
            Fallback(a);
        }

        // Lead sentences before the first meeting is named belong to it.
        for (var s = 0; s < a.Sentences.Count && a.SentenceMeeting[s] < 0; s++)
        {
            a.SentenceMeeting[s] = a.Meetings.Count > 0 ? 0 : -1;
        }
    }

    /// <summary>
    /// A photo caption ("Photo caption: X presides over the meeting ...", a line ending in a credit such as
    /// "(Agency/Photographer)" or "AGENCY/Photographer") repeats the report; once a meeting is open it opens none.
    /// </summary>
    internal static bool IsPhotoCaption(Analysis a, int s)
    {
        var sentence = a.Sentences[s];
        if (sentence.Count == 0)
        {
            return false;
        }

        var text = a.Text;
        var at = a.Tokens[sentence.First].Start;
        var lineStart = at > 0 ? text.LastIndexOf('\n', at - 1) + 1 : 0;
        var lineEnd = text.IndexOf('\n', at);
        var line = text.AsSpan(lineStart, (lineEnd < 0 ? text.Length : lineEnd) - lineStart).Trim();
        foreach (var lead in CaptionLeads)
        {
            if (line.StartsWith(lead, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return line.Contains('/') && PhotoCredit.IsMatch(line);
    }

    private static readonly string[] CaptionLeads = ["Photo caption:", "Caption:", "Photo:", "Pictured:", "Picture:"];

    // "(Xinhua/Gao Jie)" or "REUTERS/Jane Doe" closing the line.
    private static readonly System.Text.RegularExpressions.Regex PhotoCredit = new(
        @"(\(\s*[A-Z][A-Za-z.]+\s*/\s*[A-Z][^()/]{0,40}\)|\b[A-Z]{3,}/[A-Z][A-Za-z .'-]{0,40})\s*$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static BodyPhrase? SeparateBody(Analysis a, int s)
    {
        var tokens = a.Tokens;
        var sentence = a.Sentences[s];
        var k = sentence.First;
        var marked = false;
        if (k + 1 < sentence.Last && tokens[k].Lower is "separately" or "meanwhile" or "elsewhere" && tokens[k + 1].Text == ",")
        {
            k += 2;
            marked = true;
        }

        if (k < sentence.Last && tokens[k].Lower == "the")
        {
            k++;
        }

        BodyPhrase? found = null;
        foreach (var bp in a.Bodies[s])
        {
            if (bp.First == k && !bp.IsGeneric)
            {
                found = bp;
            }
        }

        if (found is not { } body || Habitual(a, s))
        {
            return null;
        }

        var j = body.Last;
        if (j + 2 < sentence.Last && tokens[j].Text == "(" && tokens[j + 2].Text == ")")
        {
            j += 3;
        }

        // "The Council of Ministers chaired by X", ", also chaired by the Prime Minister,"
        if (j + 2 < sentence.Last)
        {
            var v = tokens[j].Text == "," ? j + 1 : j;
            v = tokens[v].Lower == "also" ? v + 1 : v;
            if (v + 2 < sentence.Last && ((tokens[v].Lower == "chaired" && tokens[v + 1].Lower == "by") || (tokens[v].Lower == "presided" && tokens[v + 1].Lower == "over" && tokens[v + 2].Lower == "by")))
            {
                return body;
            }
        }

        if (!marked)
        {
            return null;
        }

        for (var v = j; v < sentence.Last && v <= j + 12; v++)
        {
            if (tokens[v].IsWord && (Resolutions.DirectiveVerbs.IsActionVerb(tokens[v].Lower) || tokens[v].Lower is "met" or "voted"))
            {
                return body;
            }
        }

        return null;
    }

    private static readonly string[] TopicAdjectives = ["national", "central", "annual", "international", "global", "regional", "world"];

    // "a national conference on X held ...", "the annual forum on X, which opened ...": ADJ NOUN on TOPIC + a gathering verb.
    private static (int First, int Last)? NamedByTopic(List<Token> tokens, Sentence sentence, int i)
    {
        if (i + 2 >= sentence.Last || tokens[i + 1].Lower != "on")
        {
            return null;
        }

        var first = i > sentence.First && Array.IndexOf(TopicAdjectives, tokens[i - 1].Lower) >= 0 ? i - 1 : -1;
        if (first < 0)
        {
            return null;
        }

        for (var j = i + 2; j < sentence.Last && j <= i + 12; j++)
        {
            var t = tokens[j];
            if (t.IsWord && MeetingWords.GatheringVerbs.Contains(t.Lower) && j > i + 2)
            {
                return (first, j);
            }

            if (!t.IsWord || t.Lower is "which" or "that" or "in" or "at" or "from" or "to" or "with")
            {
                return null;
            }
        }

        return null;
    }

    private static int LeadSentence(Analysis a)
    {
        for (var s = 0; s < a.Sentences.Count; s++)
        {
            if (a.Sentences[s].Last - a.Sentences[s].First > 6)
            {
                return s;
            }
        }

        return -1;
    }

    // The lead's subject: a named body starting the sentence, followed within a few words by an action verb.
    private static BodyPhrase? LeadActor(Analysis a, int s)
    {
        var tokens = a.Tokens;
        var sentence = a.Sentences[s];
        var k = sentence.First;
        if (k < sentence.Last && tokens[k].Lower == "the")
        {
            k++;
        }

        foreach (var bp in a.Bodies[s])
        {
            if (bp.First != k || bp.IsGeneric)
            {
                continue;
            }

            for (var j = bp.Last; j < sentence.Last && j <= bp.Last + 4; j++)
            {
                var l = tokens[j].Lower;
                if (tokens[j].IsWord && l.EndsWith("ed", StringComparison.Ordinal) && (Resolutions.DirectiveVerbs.IsActionVerb(l) || l == "voted"))
                {
                    return bp;
                }

                if (!tokens[j].IsWord || MeetingWords.Modals.Contains(l))
                {
                    break;
                }
            }
        }

        return null;
    }

    private static bool Habitual(Analysis a, int s)
    {
        for (var k = a.Sentences[s].First; k < a.Sentences[s].Last; k++)
        {
            if (a.Tokens[k].IsWord && MeetingWords.HabitualAdverbs.Contains(a.Tokens[k].Lower))
            {
                return true;
            }
        }

        return false;
    }

    private static int FindMeeting(Analysis a, string canonical)
    {
        var key = BodyGazetteer.Key(canonical);
        for (var i = a.Meetings.Count - 1; i >= 0 && i >= a.Meetings.Count - 64; i--)
        {
            if (a.Meetings[i].Body is not null && string.Equals(a.Meetings[i].BodyKey, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        // "the meeting of the State Council's group" after "the party groups of A, the State Council and B met".
        for (var i = a.Meetings.Count - 1; i >= 0 && i >= a.Meetings.Count - 64; i--)
        {
            if (a.Meetings[i].MemberKeys.Contains(key))
            {
                return i;
            }
        }

        return -1;
    }

    // "The A and the B held their respective meetings", "X and Y respectively chaired the meetings of A and B":
    // a meeting per body listed; returns the first one's index, or null when the sentence lists none.
    private static int? Distribute(Analysis a, int s)
    {
        if (Habitual(a, s) || DistributedMeetings.Find(a, s) is not { } shares)
        {
            return null;
        }

        var first = -1;
        foreach (var share in shares)
        {
            var member = share.Member;
            var memberKey = BodyGazetteer.Key(a.CanonicalBody(member.Text));
            var index = FindMeeting(a, a.CanonicalBody(share.Body));
            for (var i = a.Meetings.Count - 1; index < 0 && i >= 0; i--)
            {
                index = a.Meetings[i].MemberKeys.Contains(memberKey) ? i : -1;
            }

            if (index < 0)
            {
                var mention = new Mention(member.First, member.HeadIndex, member.Last, share.Body, member.First, member.Last, false, "meeting", true, false, false, null);
                index = Create(a, s, mention, share.Body, member.First, member.Last, false);
            }

            var meeting = a.Meetings[index];
            if (!string.Equals(meeting.BodyKey, memberKey, StringComparison.Ordinal))
            {
                meeting.MemberKeys.Add(memberKey);
            }

            if (share.Chair is { } chair)
            {
                var span = new TextSpan(a.Tokens[chair.First].Start, a.Tokens[chair.Last - 1].End - a.Tokens[chair.First].Start);
                meeting.AddParticipant(chair.Name, ParticipantRole.Chair, chair.Title, span, 0.9);
                a.AssignedNames.Add(chair.First);
            }

            first = first < 0 ? index : first;
        }

        return first;
    }

    private static BodyPhrase? EarlierBody(Analysis a, int s)
    {
        for (var k = s - 1; k >= 0 && k >= s - 3; k--)
        {
            // The sentence's subject comes first: "Germany's federal cabinet on Wednesday adopted ... the government intends".
            foreach (var bp in a.Bodies[k])
            {
                if (!bp.IsGeneric && (!(bp.First > a.Sentences[k].First && IsComplement(a.Tokens, bp.First, a.Sentences[k].First)) || OfMeeting(a.Tokens, bp.First, a.Sentences[k].First)))
                {
                    return bp;
                }
            }
        }

        // "The security cabinet voted ... During the meeting, ...": a bare head that led an earlier sentence.
        for (var k = s - 1; k >= 0 && k >= s - 8; k--)
        {
            foreach (var bp in a.Bodies[k])
            {
                if (bp.IsGeneric && LeadsSentence(a, k, bp))
                {
                    return bp;
                }
            }
        }

        return null;
    }

    /// <summary>"The 25th Meeting of the Council of Ministers (COM) ... was held. The meeting was chaired by ...": the body
    /// after "meeting of (the)" is the one that met.</summary>
    private static bool OfMeeting(List<Token> tokens, int first, int sentenceFirst)
    {
        var k = first - 1;
        if (k >= sentenceFirst && tokens[k].Lower == "the")
        {
            k--;
        }

        return k - 1 >= sentenceFirst && tokens[k].Lower == "of" && MeetingWords.Nouns.Contains(tokens[k - 1].Lower);
    }

    private static bool DistinctKind(string a, string b) => (a == "study") != (b == "study");

    internal static bool SameBody(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return false;
        }

        return string.Equals(BodyGazetteer.Key(x), BodyGazetteer.Key(y), StringComparison.Ordinal);
    }

    private static string HeadOf(string body)
    {
        var i = body.LastIndexOf(' ');
        return (i < 0 ? body : body[(i + 1)..]).ToLowerInvariant();
    }

    private static int Create(Analysis a, int s, Mention m, string? body, int bodyFirst, int bodyLast, bool generic)
    {
        var draft = new MeetingDraft { IntroSentence = s, IntroToken = m.Noun, Kind = m.Kind };

        // "members of the council met": a bare head stands for the body the report names with that head, before or after;
        // with several, the one named most often, then the first named (the lead's body).
        if (body is not null && generic && bodyFirst >= 0 && ReportNameFor(a, HeadOf(body)) is { } named)
        {
            body = named.Text;
            generic = false;
            bodyFirst = named.First;
            bodyLast = named.Last;
        }

        if (body is not null)
        {
            var cleaned = BodyGazetteer.Clean(body);

            // "the council's finance committee" after "the Harbour Council": the possessor is the body named before.
            var poss = cleaned.IndexOf("'s ", StringComparison.Ordinal);
            if (poss > 0 && !cleaned.AsSpan(0, poss).Contains(' ') && char.IsLower(cleaned[0]) && BodyPhraseFinder.GenericHeads.Contains(cleaned[..poss])
                && ReportNameFor(a, cleaned[..poss]) is { } possessor)
            {
                cleaned = BodyGazetteer.Clean(possessor.Text) + cleaned[poss..];
            }

            if (generic && cleaned.Length > 0)
            {
                cleaned = char.ToUpperInvariant(cleaned[0]) + cleaned[1..];
            }

            var canonical = BodyGazetteer.Default.Canonicalize(cleaned, a.Text);
            draft.Body = canonical;
            if (!string.Equals(canonical, cleaned, StringComparison.OrdinalIgnoreCase))
            {
                draft.Aliases.Add(cleaned);
            }

            if (m.AliasExtra is not null && !draft.Aliases.Contains(m.AliasExtra))
            {
                draft.Aliases.Add(m.AliasExtra);
            }

            foreach (var alias in BodyGazetteer.Default.Aliases(cleaned, a.Text))
            {
                if (!draft.Aliases.Contains(alias) && !string.Equals(alias, canonical, StringComparison.Ordinal))
                {
                    draft.Aliases.Add(alias);
                }
            }

            if (bodyFirst >= 0 && bodyLast > bodyFirst)
            {
                draft.BodySpan = new TextSpan(a.Tokens[bodyFirst].Start, a.Tokens[bodyLast - 1].End - a.Tokens[bodyFirst].Start);
            }
        }

        var start = m.Start;
        var end = Math.Max(m.End, m.Noun + 1);
        if (end > start && end <= a.Tokens.Count)
        {
            draft.Session = a.Text[a.Tokens[start].Start..a.Tokens[end - 1].End];
            draft.Span = new TextSpan(a.Tokens[start].Start, a.Tokens[end - 1].End - a.Tokens[start].Start);

            // "its first meeting" reads "first meeting of the Standing Committee ...".
            if (body is not null && MeetingWords.Nouns.Contains(a.Tokens[end - 1].Lower) && (bodyFirst < 0 || bodyFirst >= end || bodyLast <= start))
            {
                var name = BodyGazetteer.Clean(body);
                var poss = name.IndexOf("'s ", StringComparison.Ordinal);
                var leadingPossessor = poss > 0 && name.IndexOf(' ', StringComparison.Ordinal) > poss;
                draft.Session += " of the " + (leadingPossessor ? name[(poss + 3)..] : name);
            }
        }

        a.Meetings.Add(draft);
        return a.Meetings.Count - 1;
    }

    private static List<Mention> FindMentions(Analysis a, int s)
    {
        var result = new List<Mention>();
        var sentence = a.Sentences[s];
        var tokens = a.Tokens;
        var pastContext = HasPastMarker(a, sentence);
        for (var i = sentence.First; i < sentence.Last; i++)
        {
            var t = tokens[i];
            // A capitalised meeting noun counts only as the end of a name ("an extraordinary Cabinet Meeting").
            // "ended their 45th Summit", "held its 12th Session": a numbered gathering of the subject, capitalised or not.
            var numberedOwn = i - 2 >= sentence.First && BodyPhraseFinder.IsOrdinal(tokens[i - 1].Lower) && tokens[i - 2].Lower is "its" or "their";
            if (!t.IsWord || (t.IsCap && i != sentence.First && !numberedOwn && !(t.Lower is "meeting" or "session" && tokens[i - 1].IsCap))
                || !(MeetingWords.Nouns.Contains(t.Lower) || MeetingWords.IsHeldNoun(tokens, i, sentence.First)))
            {
                continue;
            }

            if (t.Lower is "summit" or "forum" or "conference" && !numberedOwn && !HasBodyAfter(a, s, i))
            {
                // "a national conference on cybersecurity and informatization held from Friday": the gathering names itself.
                if (NamedByTopic(tokens, sentence, i) is { } topic)
                {
                    var text = BodyPhraseFinder.Text(tokens, topic.First, topic.Last);
                    text = char.ToUpperInvariant(text[0]) + text[1..];
                    result.Add(new Mention(topic.First, i, topic.Last, text, topic.First, topic.Last, false, "meeting", true, false, false, null));
                }

                continue;
            }

            // "the NEC conference room", "the summit venue": the noun modifies another one.
            if (i + 1 < sentence.Last && tokens[i + 1].IsWord && !tokens[i + 1].IsCap && MeetingWords.NounCompounds.Contains(tokens[i + 1].Lower))
            {
                continue;
            }

            // Walk back over session modifiers and a premodifying body name.
            var start = i;
            var modifiers = new List<string>();
            var premodFirst = -1;
            var premodLast = -1;
            var passing = false;
            while (start > sentence.First)
            {
                var p = tokens[start - 1];
                if (p.IsWord && MeetingWords.PassingModifiers.Contains(p.Lower))
                {
                    passing = true;
                    break;
                }

                if (p.IsWord && (MeetingWords.Modifiers.Contains(p.Lower) || BodyPhraseFinder.IsOrdinal(p.Lower)) && !p.IsCap)
                {
                    modifiers.Add(p.Lower);
                    start--;
                    continue;
                }

                if (p.Kind == TokenKind.Number && BodyPhraseFinder.IsOrdinal(p.Lower))
                {
                    start--;
                    continue;
                }

                if ((p.IsCap && !MeetingWords.Determiners.Contains(p.Lower) && !DateWords.IsDateWord(p.Lower)) || p.Text is "(" or ")"
                    || (p.Lower == "'s" && start - 2 >= sentence.First && tokens[start - 2].IsCap && start - 1 > sentence.First && premodFirst >= 0)
                    || (p.IsWord && !p.IsCap && BodyPhraseFinder.GenericHeads.Contains(p.Lower)))
                {
                    if (premodLast < 0)
                    {
                        premodLast = start;
                    }

                    premodFirst = start - 1;
                    start--;
                    continue;
                }

                if (p.IsCap && DateWords.IsDateWord(p.Lower))
                {
                    start--;
                    continue;
                }

                break;
            }

            if (passing)
            {
                result.Add(new Mention(start, i, i + 1, null, -1, -1, false, "meeting", false, true, false, null));
                continue;
            }

            // "a National Security Council (NSC) meeting" is one premodifier; balance stray parentheses.
            if (premodFirst >= 0 && tokens[premodFirst].Text == "(")
            {
                premodFirst++;
            }

            var detIndex = start - 1;
            var det = detIndex >= sentence.First ? tokens[detIndex].Lower : string.Empty;
            var definite = det is "the" or "this" or "that";
            string? bodyText = null;
            int bodyFirst = -1, bodyLast = -1;
            var generic = false;
            string? aliasExtra = null;
            var end = i + 1;

            // "... meeting of (the) X", "a meeting on Sunday of the party's executive board" (a dated meeting took place)
            var of = i + 1;
            var dated = false;
            if (of + 2 < sentence.Last && tokens[of].Lower == "on" && tokens[of + 1].IsCap && DateWords.IsDateWord(tokens[of + 1].Lower))
            {
                of += 2;
                if (of < sentence.Last && tokens[of].Kind == TokenKind.Number)
                {
                    of++;
                }

                dated = of < sentence.Last && tokens[of].Lower == "of";
            }

            if (of < sentence.Last && tokens[of].Lower == "of")
            {
                foreach (var bp in a.Bodies[s])
                {
                    if (bp.First > of && bp.First <= of + 4 && NoPunctBetween(tokens, of, bp.First))
                    {
                        bodyText = bp.Text;
                        bodyFirst = bp.First;
                        bodyLast = bp.Last;
                        generic = bp.IsGeneric;
                        end = bp.Last;
                        aliasExtra = UnderExtension(a, s, bp, ref end);

                        // "a meeting of the X and the Y": one meeting the two bodies held together.
                        if (!generic && aliasExtra is null && JoinedBody(a, s, bp.Last) is { } jointLast)
                        {
                            bodyText = BodyPhraseFinder.Text(tokens, bp.First, jointLast);
                            bodyLast = jointLast;
                            end = bodyLast;
                        }

                        break;
                    }
                }
            }

            // "the 11th meeting of the CCFEA": an acronym names the body.
            if (bodyText is null && i + 2 < sentence.Last && tokens[i + 1].Lower == "of")
            {
                var k = tokens[i + 2].Lower == "the" ? i + 3 : i + 2;
                if (k < sentence.Last && tokens[k].IsWord && tokens[k].Text.Length >= 3 && IsAcronym(tokens[k].Text))
                {
                    // "the CPC CCDI": a run of acronyms is one name; "the CCDI and the NCS" met together.
                    var last = k + 1;
                    while (last < sentence.Last && last < k + 3 && tokens[last].IsWord && tokens[last].Text.Length >= 2 && IsAcronym(tokens[last].Text))
                    {
                        last++;
                    }

                    last = JoinedBody(a, s, last) ?? last;
                    bodyText = BodyPhraseFinder.Text(tokens, k, last);
                    bodyFirst = k;
                    bodyLast = last;
                    end = last;
                }
            }

            // "a meeting with (the permanent) members of the Security Council", "with government members"
            if (bodyText is null && i + 1 < sentence.Last && tokens[i + 1].Lower == "with")
            {
                var k = i + 2;
                while (k < sentence.Last && k < i + 6 && tokens[k].IsWord && tokens[k].Lower is not ("members" or "ministers" or "heads" or "leaders"))
                {
                    k++;
                }

                if (k < sentence.Last && k < i + 6 && tokens[k].IsWord && k > i + 2 && BodyPhraseFinder.GenericHeads.Contains(tokens[k - 1].Lower))
                {
                    bodyText = tokens[k - 1].Text;
                    bodyFirst = k - 1;
                    bodyLast = k;
                    generic = true;
                }
                else if (k + 1 < sentence.Last && k < i + 6 && tokens[k].IsWord && tokens[k + 1].Lower == "of")
                {
                    foreach (var bp in a.Bodies[s])
                    {
                        if (bp.First > k + 1 && bp.First <= k + 3 && !bp.IsGeneric)
                        {
                            bodyText = bp.Text;
                            bodyFirst = bp.First;
                            bodyLast = bp.Last;
                            end = bp.Last;
                            break;
                        }
                    }
                }
            }

            if (bodyText is null && premodFirst >= 0 && premodLast > premodFirst)
            {
                bodyText = BodyPhraseFinder.Text(tokens, premodFirst, premodLast);
                bodyFirst = premodFirst;
                bodyLast = premodLast;
                generic = premodLast - premodFirst == 1 && !tokens[premodFirst].IsCap;
                if (premodLast - premodFirst == 1 && tokens[premodFirst].IsCap && !BodyPhraseFinder.OrgHeads.Contains(tokens[premodFirst].Lower) && !IsAcronym(tokens[premodFirst].Text))
                {
                    bodyText = null;
                }

                // "a Monetary Policy Meeting" names the meeting, not a body.
                if (t.IsCap && premodLast - premodFirst > 1 && !BodyPhraseFinder.OrgHeads.Contains(tokens[premodLast - 1].Lower) && !IsAcronym(tokens[premodLast - 1].Text))
                {
                    bodyText = null;
                }
            }

            // "the council's 1218th meeting", "its first executive meeting"
            if (bodyText is null && det == "'s")
            {
                foreach (var bp in a.Bodies[s])
                {
                    if (bp.Last == detIndex)
                    {
                        bodyText = bp.Text;
                        bodyFirst = bp.First;
                        bodyLast = bp.Last;
                        generic = bp.IsGeneric;
                        break;
                    }
                }

                start = bodyFirst >= 0 ? bodyFirst : start;
            }

            var anchored = IsAnchored(a, sentence, start, i, det, pastContext, out var passingPrep) || (!passingPrep && AnchoredAfter(tokens, end, sentence.Last))
                || (!passingPrep && bodyText is not null && ActedAfter(tokens, end, sentence.Last)) || (!passingPrep && dated && bodyText is not null);

            // "addressed the first meeting of X, and a meeting of Y": a meeting coordinated with one the verb anchors.
            var coordinator = det is "a" or "an" or "the" ? detIndex - 1 : start - 1;
            if (!anchored && !passingPrep && bodyText is not null && coordinator > sentence.First && tokens[coordinator].Lower == "and"
                && result.Count > 0 && result[^1].Anchored && !result[^1].Passing)
            {
                anchored = true;
            }

            // "The X and the Y held a joint session": the subject's bodies met together.
            if (bodyText is null && modifiers.Contains("joint") && JointSubject(a, s, start) is { } pair)
            {
                bodyText = BodyPhraseFinder.Text(tokens, pair.First, pair.Last);
                bodyFirst = pair.First;
                bodyLast = pair.Last;
            }
            if (passingPrep)
            {
                result.Add(new Mention(start, i, end, null, -1, -1, false, "meeting", false, true, definite, null));
                continue;
            }

            if (det is "its" or "their")
            {
                definite = false;
            }

            var kind = MeetingWords.KindOf(t.Lower, modifiers);
            var sessionStart = det is "a" or "an" or "the" or "its" or "their" or "his" or "her" ? start : start;
            result.Add(new Mention(sessionStart, i, end, bodyText, bodyFirst, bodyLast, generic, kind, anchored, false, definite && bodyText is null, aliasExtra));
        }

        return result;
    }

    // "X and (the) Y [and Z]": the end of the last named body joined to the name ending at <paramref name="from"/>.
    private static int? JoinedBody(Analysis a, int s, int from)
    {
        int? last = null;
        foreach (var next in a.Bodies[s])
        {
            if (next.First < from)
            {
                continue;
            }

            if (next.IsGeneric || !DistributedMeetings.Joined(a.Tokens, last ?? from, next.First))
            {
                break;
            }

            last = next.Last;
        }

        return last;
    }

    // The coordinated bodies that lead the sentence and hold the meeting: "The X and the Y (on Monday) held a joint ...".
    private static (int First, int Last)? JointSubject(Analysis a, int s, int start)
    {
        var sentence = a.Sentences[s];
        if (DistributedMeetings.ListFrom(a, s, sentence.First, sentence.First + 3) is not { } list || start - list[^1].Last > 6)
        {
            return null;
        }

        for (var k = list[^1].Last; k < start; k++)
        {
            if (a.Tokens[k].IsWord && MeetingWords.AnchorVerbs.Contains(a.Tokens[k].Lower))
            {
                return (list[0].First, list[^1].Last);
            }
        }

        return null;
    }

    private static bool HasBodyAfter(Analysis a, int s, int i)
    {
        if (i + 1 < a.Sentences[s].Last && a.Tokens[i + 1].Lower == "of")
        {
            return true;
        }

        if (i > a.Sentences[s].First && (a.Tokens[i - 1].IsCap || BodyPhraseFinder.GenericHeads.Contains(a.Tokens[i - 1].Lower)))
        {
            return true;
        }

        // "Leaders of the Group of Seven wrapped up their three-day summit": the possessive points to the subject's body.
        for (var k = i - 1; k >= a.Sentences[s].First && k >= i - 4; k--)
        {
            var l = a.Tokens[k].Lower;
            if (l is "their" or "its")
            {
                return true;
            }

            if (!(MeetingWords.Modifiers.Contains(l) || BodyPhraseFinder.IsOrdinal(l) || l.Contains('-', StringComparison.Ordinal) || l is "annual" or "regular" or "first" or "second" or "third"))
            {
                break;
            }
        }

        return false;
    }

    private static bool IsAcronym(string s) => s.Length >= 2 && s.All(c => !char.IsLetter(c) || char.IsUpper(c));

    private static string? UnderExtension(Analysis a, int s, BodyPhrase bp, ref int end)
    {
        var tokens = a.Tokens;
        if (bp.Last + 1 < a.Sentences[s].Last && tokens[bp.Last].Lower == "under")
        {
            foreach (var next in a.Bodies[s])
            {
                if (next.First > bp.Last && next.First <= bp.Last + 3)
                {
                    end = next.Last;
                    return BodyGazetteer.Clean(BodyPhraseFinder.Text(tokens, bp.First, next.Last));
                }
            }
        }

        return null;
    }

    private static bool NoPunctBetween(List<Token> tokens, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (tokens[k].IsPunct)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasPastMarker(Analysis a, Sentence sentence)
    {
        for (var k = sentence.First; k + 1 < sentence.Last; k++)
        {
            if (a.Tokens[k].Lower == "last" && a.Tokens[k + 1].Lower is "month" or "year" or "week")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAnchored(Analysis a, Sentence sentence, int start, int noun, string det, bool pastContext, out bool passing)
    {
        passing = false;
        var tokens = a.Tokens;
        var k = start - 1;
        if (det == "'s")
        {
            // possessor already consumed; look before it
        }

        // Prepositions right before the mention.
        if (k >= sentence.First)
        {
            var prev = MeetingWords.Determiners.Contains(tokens[k].Lower) || tokens[k].Lower == "'s" ? k - 1 : k;
            if (prev >= sentence.First)
            {
                var p = tokens[prev].Lower;
                // "at the end of a three-day meeting" frames this meeting.
                if (p == "of" && prev - 1 >= sentence.First && MeetingWords.FrameNouns.Contains(tokens[prev - 1].Lower))
                {
                    return true;
                }

                if (MeetingWords.PassingPrepositions.Contains(p) || (prev - 1 >= sentence.First && tokens[prev - 1].Lower == "ahead" && p == "of"))
                {
                    passing = true;
                    return false;
                }

                // "During the meeting, which was chaired by ...", "adopted in a plenary meeting of X".
                if (p == "during")
                {
                    return true;
                }

                if (p is "at" or "with")
                {
                    if (p == "at" && (pastContext || ParticipleAfterNoun(tokens, prev, sentence.First)))
                    {
                        passing = true;
                        return false;
                    }

                    return p == "at" || det is "a" or "an";
                }
            }
        }

        // A holding verb shortly before the mention.
        for (var j = start - 1; j >= sentence.First && j >= start - 6; j--)
        {
            var t = tokens[j];
            if (t.IsPunct && t.Text is "." or ";" or ":")
            {
                break;
            }

            if (t.IsWord && MeetingWords.AnchorVerbs.Contains(t.Lower))
            {
                if (j - 1 >= sentence.First && MeetingWords.Modals.Contains(tokens[j - 1].Lower))
                {
                    return false;
                }

                return true;
            }
        }

        _ = noun;
        return false;
    }

    // "A State Council executive meeting chaired by Premier Li Qiang", "the symposium, held on Dec. 2".
    private static bool AnchoredAfter(List<Token> tokens, int end, int last)
    {
        var k = end;
        if (k < last && tokens[k].Text == ",")
        {
            k++;
        }

        if (k + 1 >= last)
        {
            return false;
        }

        var verb = tokens[k].Lower;
        var next = tokens[k + 1].Lower;


        return (verb is "chaired" or "presided" or "convened" or "attended" or "addressed" && next is "by" or "over")
            || (verb == "held" && next is "on" or "in" or "at" or "by");
    }

    // "The new government's first cabinet meeting approved ...": a meeting that acted took place.
    private static bool ActedAfter(List<Token> tokens, int end, int last)
        => end < last && tokens[end].IsWord && tokens[end].Lower.EndsWith("ed", StringComparison.Ordinal) && Resolutions.DirectiveVerbs.IsActionVerb(tokens[end].Lower);

    // "the resolution adopted at the plenary session": a participle after a common noun.
    private static bool ParticipleAfterNoun(List<Token> tokens, int at, int first)
    {
        if (at - 2 < first)
        {
            return false;
        }

        var verb = tokens[at - 1];
        var noun = tokens[at - 2];
        return verb.IsWord && verb.Lower.EndsWith("ed", StringComparison.Ordinal) && noun.IsWord && !noun.IsCap
            && !BodyPhraseFinder.GenericHeads.Contains(noun.Lower) && noun.Lower is not ("it" or "they" or "he" or "she" or "meeting" or "session" or "participants" or "members" or "ministers" or "leaders" or "lawmakers" or "also");
    }

    /// <summary>The body a sentence is about: the last body name before <paramref name="before"/>
    /// that is not the complement of "of" (a title's organisation).</summary>
    internal static BodyPhrase? SubjectBody(Analysis a, int s, int before)
    {
        BodyPhrase? best = null;
        foreach (var bp in a.Bodies[s])
        {
            if (bp.First >= before)
            {
                break;
            }

            if (bp.First > a.Sentences[s].First && IsComplement(a.Tokens, bp.First, a.Sentences[s].First))
            {
                continue;
            }

            best = bp;
        }

        return best;
    }

    private static BodyPhrase? SubjectAfter(Analysis a, int s, int after)
    {
        var tokens = a.Tokens;
        var comma = after;
        while (comma < a.Sentences[s].Last && tokens[comma].Text != ",")
        {
            comma++;
        }

        foreach (var bp in a.Bodies[s])
        {
            if (bp.First > comma && bp.First <= comma + 3 && !bp.IsGeneric)
            {
                return bp;
            }
        }

        return null;
    }

    private static bool IsComplement(List<Token> tokens, int first, int sentenceFirst)
    {
        var k = first - 1;
        if (k >= sentenceFirst && (BodyPhraseFinder.IsOrdinal(tokens[k].Lower) || MeetingWords.Modifiers.Contains(tokens[k].Lower)))
        {
            k--;
        }

        if (k >= sentenceFirst && tokens[k].Lower == "the")
        {
            k--;
        }

        // "15 members of the College of Wardens held ...": the members stand for their body.
        if (k - 1 >= sentenceFirst && tokens[k].Lower == "of" && tokens[k - 1].Lower is "members" or "ministers" or "leaders" or "heads")
        {
            return false;
        }

        // "Heads of State and Government of the X ended their summit": the leaders stand for their body too.
        if (k - 3 >= sentenceFirst && tokens[k].Lower == "of" && tokens[k - 1].Lower is "state" or "government"
            && (tokens[k - 3].Lower is "heads" or "head" || k - 5 >= sentenceFirst && tokens[k - 5].Lower is "heads" or "head"))
        {
            return false;
        }

        return k >= sentenceFirst && tokens[k].Lower is "of" or "by" or "to" or "from" or "with" or "under" or "in" or "on" or "for" or "about";
    }

    private static BodyPhrase? LeadingBody(Analysis a, int s)
    {
        var sentence = a.Sentences[s];
        foreach (var bp in a.Bodies[s])
        {
            var k = bp.First;
            while (k > sentence.First && a.Tokens[k - 1].IsWord && a.Tokens[k - 1].Lower is "the" or "that" or "this")
            {
                k--;
            }

            if (k == sentence.First && !bp.IsGeneric)
            {
                return bp;
            }

            break;
        }

        return null;
    }

    private static BodyPhrase? FindAntecedent(Analysis a, int s, int before, string head)
    {
        for (var k = s; k >= 0 && k >= s - 40; k--)
        {
            var list = a.Bodies[k];
            for (var j = list.Count - 1; j >= 0; j--)
            {
                var bp = list[j];
                if (k == s && bp.First >= before)
                {
                    continue;
                }

                if (!bp.IsGeneric && bp.Head == head)
                {
                    return bp;
                }
            }
        }

        return null;
    }

    private static BodyPhrase? ReportNameFor(Analysis a, string head)
    {
        BodyPhrase? best = null;
        var bestCount = 0;
        Dictionary<string, int>? counts = null;
        for (var k = 0; k < a.Sentences.Count; k++)
        {
            foreach (var bp in a.Bodies[k])
            {
                if (bp.IsGeneric || bp.Head != head)
                {
                    continue;
                }

                counts ??= new(StringComparer.Ordinal);
                // The written key, not the canonical one: canonicalising every name would scan the text once per name.
                var key = BodyGazetteer.Key(bp.Text);
                var n = counts[key] = counts.GetValueOrDefault(key) + 1;
                if (n > bestCount)
                {
                    best = best is { } b && BodyGazetteer.Key(b.Text) == key ? b : bp;
                    bestCount = n;
                }
            }
        }

        return best;
    }

    // "The Political Bureau ... met on Wednesday", "convened the National Security Council".
    private static BodyPhrase? VerbalMeeting(Analysis a, int s)
    {
        var tokens = a.Tokens;
        var sentence = a.Sentences[s];
        foreach (var found in a.Bodies[s])
        {
            var bp = found;

            // "The full cabinet then convened" after the security cabinet's vote: the whole body is another meeting.
            if (bp.IsGeneric && a.Meetings.Count > 0)
            {
                var modifier = bp.First > sentence.First && tokens[bp.First - 1].Lower is "full" or "whole" or "entire" ? bp.First - 1
                    : tokens[bp.First].Lower is "full" or "whole" or "entire" && bp.HeadIndex > bp.First ? bp.First : -1;
                if (modifier >= 0)
                {
                    var text = BodyPhraseFinder.Text(tokens, modifier, bp.Last);
                    bp = new BodyPhrase(modifier, bp.Last, bp.HeadIndex, char.ToUpperInvariant(text[0]) + text[1..], bp.Head, false);
                }
            }

            // "The Cabinet, meeting on Monday under President X, approved ...": a participle of meeting in an appositive
            // puts the body in session, a bare head too, even after another meeting.
            if (bp.Last + 2 < sentence.Last && tokens[bp.Last].Text == "," && tokens[bp.Last + 1].Lower is "meeting" or "convening" or "sitting"
                && (tokens[bp.Last + 2].Lower is "on" or "in" or "at" or "under" or "here" or "there" or "today" or "yesterday" or "earlier" or "late" or "again" || DateWords.IsDateWord(tokens[bp.Last + 2].Lower))
                && !(bp.First > sentence.First && IsComplement(tokens, bp.First, sentence.First)))
            {
                return bp;
            }

            // "The cabinet met ..." names a body only when no meeting is known yet.
            if (bp.IsGeneric && a.Meetings.Count > 0)
            {
                continue;
            }

            var k = bp.First - 1;
            if (k >= sentence.First && tokens[k].Lower == "the")
            {
                k--;
            }

            if (k >= sentence.First && tokens[k].Lower is "convened" or "convenes" or "convening" or "summoned" or "chaired" or "chairs" or "chairing")
            {
                return bp;
            }

            if (k - 1 >= sentence.First && tokens[k].Lower == "over" && tokens[k - 1].Lower is "presided" or "presides" or "presiding")
            {
                return bp;
            }

            // "addressed the Central Conference on Work Relating to Foreign Affairs": the body is itself a gathering.
            if (k >= sentence.First && MeetingWords.GatheringHeads.Contains(bp.Head) && !bp.IsGeneric
                && tokens[k].Lower is "held" or "holds" or "addressed" or "addresses" or "attended" or "attends" or "opened" or "closed" or "concluded" or "convened")
            {
                return bp;
            }

            if (!bp.IsGeneric && MeetingWords.GatheringHeads.Contains(bp.Head) && GatheringTookPlace(tokens, bp.Last, sentence.Last)
                && !(bp.First > sentence.First && IsComplement(tokens, bp.First, sentence.First)))
            {
                return bp;
            }

            // "talks at the European Council, chaired by its president": a body presided over is a body in session.
            if (!bp.IsGeneric && AnchoredAfter(tokens, bp.Last, sentence.Last) && tokens[bp.Last].Text == ","
                && tokens[bp.Last + 1].Lower is "chaired" or "presided" && !(bp.First > sentence.First && IsComplement(tokens, bp.First, sentence.First)))
            {
                return bp;
            }

            var j = bp.Last;
            if (j < sentence.Last && tokens[j].Text == ",")
            {
                continue;
            }

            for (var n = 0; n < 4 && j < sentence.Last; n++, j++)
            {
                var l = tokens[j].Lower;
                if (l is "met" or "meets" or "convened" && !(j - 1 >= sentence.First && MeetingWords.Modals.Contains(tokens[j - 1].Lower)))
                {
                    return bp;
                }

                if (!(l is "on" or "in" or "also" or "again" or "last" or "earlier" or "then" or "later" or "subsequently" or "itself" || DateWords.IsDateWord(l)))
                {
                    break;
                }
            }
        }

        return null;
    }

    // "The 33rd Arab Summit was held today", "The National Conference on X, held on Friday", "X opened".
    private static bool GatheringTookPlace(List<Token> tokens, int end, int last)
    {
        var k = end;
        if (k < last && tokens[k].Text == ",")
        {
            k++;
        }

        if (k < last && tokens[k].Lower is "was" or "is" or "has" or "had" or "been")
        {
            k++;
        }

        return k < last && MeetingWords.GatheringVerbs.Contains(tokens[k].Lower)
            && (tokens[k].Lower != "took" || (k + 1 < last && tokens[k + 1].Lower == "place"));
    }

    // No meeting noun at all: a body that acts ("The cabinet on Tuesday approved ..."). A named body
    // is preferred; a bare head ("The legislature passed ...") serves when no name acts.
    private static void Fallback(Analysis a)
    {
        if (!FallbackPass(a, generic: false))
        {
            FallbackPass(a, generic: true);
        }
    }

    private static bool FallbackPass(Analysis a, bool generic)
    {
        for (var s = 0; s < a.Sentences.Count; s++)
        {
            foreach (var bp in a.Bodies[s])
            {
                if (bp.IsGeneric != generic || (generic && !LeadsSentence(a, s, bp)))
                {
                    continue;
                }

                for (var j = bp.Last; j < Math.Min(bp.Last + 16, a.Sentences[s].Last); j++)
                {
                    if (Resolutions.DirectiveVerbs.IsActionVerb(a.Tokens[j].Lower) || a.Tokens[j].Lower == "voted")
                    {
                        var mention = new Mention(bp.First, bp.HeadIndex, bp.Last, bp.Text, bp.First, bp.Last, generic, "meeting", true, false, false, null);
                        Create(a, s, mention, bp.Text, bp.First, bp.Last, generic);
                        for (var k = 0; k < a.Sentences.Count; k++)
                        {
                            a.SentenceMeeting[k] = 0;
                        }

                        return true;
                    }
                }
            }
        }

        return false;
    }

    // "The high-level security cabinet voted ...": the bare head is the sentence's subject.
    private static bool LeadsSentence(Analysis a, int s, BodyPhrase bp)
    {
        var k = bp.First;
        while (k > a.Sentences[s].First && a.Tokens[k - 1].IsWord && a.Tokens[k - 1].Lower is "the" or "high-level" or "full" or "powerful" or "new")
        {
            k--;
        }

        return k == a.Sentences[s].First;
    }
}
