using System.Collections.Frozen;
using PolicyTracker.Extraction.Bodies;
using PolicyTracker.Extraction.Gazetteers;
using PolicyTracker.Extraction.Meetings;
using PolicyTracker.Extraction.Text;

namespace PolicyTracker.Extraction.People;

/// <summary>Assigns people to meetings from presence cues. A cue such as "chaired", "spoke" or
/// "attended" gives its role to the names before it (its subjects); "presided over by",
/// "attended by", "Also present were", "Taking part were" give theirs to the names after it.
/// Names with no cue in their sentence are only mentioned, not present.</summary>
internal static class ParticipantExtractor
{
    private static readonly FrozenSet<string> ChairVerbs = Lexicon.Words("chairVerbs");
    private static readonly FrozenSet<string> SpeakerVerbs = Lexicon.Words("speakerVerbs");
    private static readonly FrozenSet<string> AttendeeVerbs = Lexicon.Words("attendeeVerbs");
    private static readonly FrozenSet<string> AttendanceLeads = Lexicon.Words("attendanceLeads");
    private static readonly FrozenSet<string> ChairNouns = Lexicon.Words("chairNouns");
    private static readonly FrozenSet<string> Audiences = Lexicon.Words("meetingAudiences");

    public static void Extract(Analysis a)
    {
        ParticipantRole? carried = null;
        for (var s = 0; s < a.Sentences.Count; s++)
        {
            var m = a.SentenceMeeting[s];
            if (m < 0)
            {
                continue;
            }

            if (a.Names[s].Count > 0)
            {
                carried = Sentence(a, s, a.Meetings[m], carried);
            }
            else
            {
                carried = null;
            }

            GroupPhoto(a, s, a.Meetings[m]);

            s = ListAfterColon(a, s, a.Meetings[m]);
        }

        foreach (var (s, m) in a.SharedSentences)
        {
            if (a.Names[s].Count > 0)
            {
                Sentence(a, s, a.Meetings[m], null);
            }
        }

        // "said the Assembly's President, Health Secretary X": the presiding officer of the body in session.
        for (var s = 0; s < a.Sentences.Count; s++)
        {
            if (a.SentenceMeeting[s] >= 0 && a.Meetings[a.SentenceMeeting[s]] is { Chair: null, Body: { } body } meeting)
            {
                PresidingOfficer(a, s, meeting, body);
            }
        }

        // "also chaired by the Prime Minister": the person the report named with that title.
        foreach (var meeting in a.Meetings)
        {
            if (meeting.Chair is null)
            {
                ChairByTitle(a, meeting);
            }
        }

        // "Putin held a meeting with ..." / "Putin said at a meeting ...": with no chair named, the
        // person who convened or opened the meeting in its introducing sentence chaired it.
        foreach (var meeting in a.Meetings)
        {
            if (meeting.Chair is not null)
            {
                continue;
            }

            foreach (var n in a.Names[meeting.IntroSentence])
            {
                if (n.First >= meeting.IntroToken)
                {
                    break;
                }

                if (n.First > a.Sentences[meeting.IntroSentence].First && a.Tokens[n.First - 1].Lower is "by" or "with" or "and")
                {
                    continue;
                }

                // "On the anniversary of X's inspection tour, the committee held ...": a possessor is no actor.
                if (n.Last < a.Tokens.Count && a.Tokens[n.Last].Lower == "'s")
                {
                    continue;
                }

                if (meeting.Find(n.Name) is null && a.Tokens[meeting.IntroToken].Lower != "symposium")
                {
                    var span = new TextSpan(a.Tokens[n.First].Start, a.Tokens[n.Last - 1].End - a.Tokens[n.First].Start);
                    meeting.AddParticipant(n.Name, ParticipantRole.Chair, n.Title, span, 0.5);
                }

                break;
            }
        }
    }

    /// <summary>Gives the sentence's people their roles; returns the role a list still open at a paragraph's
    /// end ("... were A (X), B (Y)," then "C (Z) and D (W).") carries into the next one.</summary>
    private static ParticipantRole? Sentence(Analysis a, int s, MeetingDraft meeting, ParticipantRole? carried)
    {
        var tokens = a.Tokens;
        var sentence = a.Sentences[s];
        var names = a.Names[s];
        var pending = new List<NameCandidate>();
        var lastGroup = new List<NameCandidate>();
        ParticipantRole? forward = carried is ParticipantRole.Attendee ? carried : null;
        var forwardOnce = false;
        var nameIndex = 0;
        var sawAttendance = false;

        // "X attended the meeting. So did Y and Z.": the names after an elliptical "so did" attend as well.
        if (sentence.Last - sentence.First > 2 && tokens[sentence.First].Lower == "so" && tokens[sentence.First + 1].Lower == "did" && s > 0
            && a.SentenceMeeting[s - 1] == a.SentenceMeeting[s] && HasAttendeeVerb(tokens, a.Sentences[s - 1]))
        {
            forward = ParticipantRole.Attendee;
        }

        var depth = 0;
        var nameEnd = sentence.First;
        var assignedForward = false;
        var forwardByPassive = false;
        for (var i = sentence.First; i < sentence.Last; i++)
        {
            depth += tokens[i].Text switch { "(" => 1, ")" => depth > 0 ? -1 : 0, _ => 0 };
            while (nameIndex < names.Count && names[nameIndex].First == i)
            {
                var n = names[nameIndex++];
                if (a.AssignedNames.Contains(n.First))
                {
                    continue;
                }


                // "Ana Lind (Fisheries and Coastal Affairs)": a portfolio or gloss in parentheses names no one.
                if (depth > 0)
                {
                    continue;
                }

                // "X's inspection tour ..., the committee held a meeting": a possessor is not the subject of the verb.
                if (n.Last < sentence.Last && tokens[n.Last].Lower == "'s" && forward is null)
                {
                    continue;
                }

                pending.Add(n);
                nameEnd = Math.Max(nameEnd, n.Last);
                if (forward is { } fr)
                {
                    Assign(a, meeting, n, fr);
                    assignedForward = true;
                    if (forwardOnce)
                    {
                        forward = null;
                    }
                }
            }

            var t = tokens[i];
            if (!t.IsWord)
            {
                continue;
            }

            // "chaired by Prime Minister X, the premier read out his talks with President Y": the list of
            // names after "by" ends at the first ordinary word; Y was not chairing.
            // "Denmark was represented by A and Finland by B": a gapped "and PLACE by" goes on with the list.
            if (forward is not null && forwardByPassive && assignedForward && i >= nameEnd && !t.IsCap && t.Lower is not ("and" or "or" or "as" or "well" or "also")
                && !PersonNameNormalizer.IsTitleWord(t.Lower) && !GappedBy(tokens, sentence.First, i)
                && !(t.Lower is "of" or "for" && i > sentence.First && PersonNameNormalizer.IsTitleWord(tokens[i - 1].Lower) && i + 1 < sentence.Last && tokens[i + 1].IsCap))
            {
                forward = null;
            }

            var cue = Cue(a, sentence, i, out var passive, out var initial, out var skip);
            if (cue is { } role)
            {
                if (role == ParticipantRole.Attendee)
                {
                    sawAttendance = true;
                }

                if (passive || initial)
                {
                    forward = role;
                    forwardOnce = initial;
                    forwardByPassive = passive;
                    assignedForward = false;
                    pending.Clear();
                }
                else if (pending.Count > 0)
                {
                    foreach (var n in pending)
                    {
                        Assign(a, meeting, n, role);
                    }

                    lastGroup = [.. pending];
                    pending.Clear();
                    forward = null;
                }
                else
                {
                    foreach (var n in lastGroup)
                    {
                        Assign(a, meeting, n, role);
                    }
                }

                i += skip;
                continue;
            }

            // "Also present were ...", "Taking part were ...", "Around the table were ..."
            // "Accompanying the Chief Warden were ...": a name inside the lead phrase is not a subject of "were".
            // "Attendees were briefed on ...": a passive verb after the copula, no list.
            if ((t.Lower is "were" or "was" or "included" or "include" or "includes" or "are") && i > sentence.First
                && AttendanceLead(tokens, sentence.First, pending.Count == 0 ? i : pending[0].First)
                && !(i + 1 < sentence.Last && tokens[i + 1].IsWord && !tokens[i + 1].IsCap && tokens[i + 1].Lower.EndsWith("ed", StringComparison.Ordinal)))
            {
                pending.Clear();

                // "Presiding over the meeting and speaking at it was X": the chair cue already points forward.
                if (forward == ParticipantRole.Chair)
                {
                    continue;
                }

                forward = SpeakingLead(tokens, sentence.First, i) ? ParticipantRole.Speaker : ParticipantRole.Attendee;
                forwardByPassive = false;
                forwardOnce = false;
                continue;
            }

            if ((t.Lower is "together" or "along") && i + 1 < sentence.Last && tokens[i + 1].Lower == "with" && (sawAttendance || lastGroup.Count > 0))
            {
                forward = lastGroup.Count > 0 ? BestRole(meeting, lastGroup) : ParticipantRole.Attendee;
                forwardByPassive = false;
                if (forward == ParticipantRole.Chair)
                {
                    forward = ParticipantRole.Attendee;
                    forwardByPassive = false;
                }

                forwardOnce = false;
                i++;
                continue;
            }

            // "took part in the session with the leaders of eight countries, among them X and Y": the people counted in attend.
            if (sawAttendance && ((t.Lower == "among" && i + 1 < sentence.Last && tokens[i + 1].Lower is "them" or "whom") || t.Lower == "including")
                && i > sentence.First && tokens[i - 1].Text == ",")
            {
                forward = ParticipantRole.Attendee;
                forwardByPassive = false;
                forwardOnce = false;
                pending.Clear();
                continue;
            }

            if (t.Lower == "as" && i + 1 < sentence.Last && tokens[i + 1].Lower is "was" or "were" or "did" && sawAttendance)
            {
                forward = ParticipantRole.Attendee;
                forwardByPassive = false;
                forwardOnce = false;
                i++;
            }
        }

        return forward is ParticipantRole.Attendee && tokens[sentence.Last - 1].Text == "," ? forward : null;
    }

    private static void ChairByTitle(Analysis a, MeetingDraft meeting)
    {
        var tokens = a.Tokens;
        var sentence = a.Sentences[meeting.IntroSentence];
        for (var k = sentence.First; k + 3 < sentence.Last; k++)
        {
            var by = tokens[k].Lower == "chaired" && tokens[k + 1].Lower == "by" ? k + 2
                : tokens[k].Lower == "presided" && tokens[k + 1].Lower == "over" && tokens[k + 2].Lower == "by" ? k + 3 : -1;
            if (by < 0 || by >= sentence.Last || tokens[by].Lower != "the")
            {
                continue;
            }

            var end = by + 1;
            while (end < sentence.Last && end <= by + 3 && tokens[end].IsWord && PersonNameNormalizer.IsTitleWord(tokens[end].Text))
            {
                end++;
            }

            if (end == by + 1 || (end < sentence.Last && tokens[end].IsCap))
            {
                continue;
            }

            var title = a.Text[tokens[by + 1].Start..tokens[end - 1].End];
            ParticipantDraft? match = null;
            var count = 0;
            foreach (var other in a.Meetings)
            {
                foreach (var p in other.Participants)
                {
                    if (p.Title is { } t && t.EndsWith(title, StringComparison.OrdinalIgnoreCase) && !ReferenceEquals(match, p) && match?.Name != p.Name)
                    {
                        match = p;
                        count++;
                    }
                }
            }

            if (count == 1 && match is not null)
            {
                meeting.AddParticipant(match.Name, ParticipantRole.Chair, match.Title, new TextSpan(tokens[by].Start, tokens[end - 1].End - tokens[by].Start), 0.8);
            }

            return;
        }
    }

    private static void PresidingOfficer(Analysis a, int s, MeetingDraft meeting, string body)
    {
        var tokens = a.Tokens;
        var sentence = a.Sentences[s];
        var space = body.LastIndexOf(' ');
        var head = (space < 0 ? body : body[(space + 1)..]).ToLowerInvariant();
        for (var k = sentence.First + 1; k + 2 < sentence.Last; k++)
        {
            if (tokens[k].Lower != "'s" || tokens[k - 1].Lower != head || tokens[k + 1].Lower is not ("president" or "chair" or "chairman" or "chairwoman" or "chairperson" or "speaker"))
            {
                continue;
            }

            var after = tokens[k + 2].Text == "," ? k + 3 : k + 2;
            foreach (var n in a.Names[s])
            {
                if (n.First >= after && n.First <= after + 4)
                {
                    Assign(a, meeting, n, ParticipantRole.Chair);
                    return;
                }
            }
        }
    }

    private static bool HasAttendeeVerb(List<Token> tokens, Sentence sentence)
    {
        for (var k = sentence.First; k < sentence.Last; k++)
        {
            if (AttendeeVerbs.Contains(tokens[k].Lower))
            {
                return true;
            }
        }

        return false;
    }

    // "Leaders pose for a family photo. From left: President X, Prime Minister Y and Chancellor Z.": the people
    // in the meeting's group photo were there.
    private static void GroupPhoto(Analysis a, int s, MeetingDraft meeting)
    {
        var tokens = a.Tokens;
        var sentence = a.Sentences[s];
        var posed = false;
        for (var k = sentence.First; k + 1 < sentence.Last; k++)
        {
            if (tokens[k].Lower is "pose" or "poses" or "posed" or "posing" && tokens[k + 1].Lower == "for")
            {
                posed = true;
                break;
            }
        }

        if (!posed)
        {
            return;
        }

        for (var k = s; k <= s + 1 && k < a.Sentences.Count; k++)
        {
            var item = a.Sentences[k];
            var f = item.First;
            var lead = f + 1 < item.Last && ((tokens[f].Lower == "from" && tokens[f + 1].Lower is "left" or "right") || (tokens[f].Lower is "left" or "right" && tokens[f + 1].Lower is "to" or "-"));
            if (!lead)
            {
                continue;
            }

            foreach (var n in a.Names[k])
            {
                Assign(a, meeting, n, ParticipantRole.Attendee);
            }

            a.SentenceMeeting[k] = a.SentenceMeeting[s];
        }
    }

    // "Board members present were:" or "the following directors voted:" followed by one line per person
    // ("- Ana Lind (Finance);", "LIND Ana, Deputy Governor"): each line's leading name attends.
    private static int ListAfterColon(Analysis a, int s, MeetingDraft meeting)
    {
        var sentence = a.Sentences[s];
        if (sentence.Last - 1 <= sentence.First || a.Tokens[sentence.Last - 1].Text != ":" || !ListLead(a.Tokens, sentence.First, sentence.Last - 1))
        {
            return s;
        }

        var role = SpeakingLead(a.Tokens, sentence.First, sentence.Last) ? ParticipantRole.Speaker : ParticipantRole.Attendee;
        var k = s + 1;
        for (; k < a.Sentences.Count && k <= s + 60; k++)
        {
            var item = a.Sentences[k];
            var start = ItemStart(a.Tokens, item);
            var names = a.Names[k];
            if (item.Last - item.First > 40)
            {
                break;
            }

            // "The Vice President": a line naming an office, no person; the list goes on.
            if (names.Count == 0 && TitleOnly(a.Tokens, start, item.Last))
            {
                a.SentenceMeeting[k] = a.SentenceMeeting[s];
                continue;
            }

            // "Secretary of State Antony Blinken", "Mayor Helen O'Connor (chair)": the office before the name.
            if (names.Count == 0 || (names[0].First != start && !TitleOnly(a.Tokens, start, names[0].First)))
            {
                break;
            }

            a.SentenceMeeting[k] = a.SentenceMeeting[s];
            Assign(a, meeting, names[0], ChairMark(a.Tokens, names[0].Last, item.Last) ? ParticipantRole.Chair : role);
        }

        return k - 1;
    }

    // Capitalised words and the small words of an office ("Secretary of State", "Director of the CIA").
    private static bool TitleOnly(List<Token> tokens, int first, int last)
    {
        if (last <= first)
        {
            return false;
        }

        for (var k = first; k < last; k++)
        {
            var t = tokens[k];
            if (t.IsWord ? !(t.IsCap || t.Lower is "of" or "the" or "for" or "and" or "on" or "to") : t.Text is not ("." or "'s" or "-" or "," or "&"))
            {
                return false;
            }
        }

        return true;
    }

    // "Helen O'Connor (chair)", "Ana Lind, presiding": the list marks its chair after the name.
    private static bool ChairMark(List<Token> tokens, int after, int last)
    {
        for (var k = after; k < last && k <= after + 2; k++)
        {
            if (tokens[k].Lower is "chair" or "chairman" or "chairwoman" or "chairperson" or "presiding" or "chairing")
            {
                return true;
            }

            if (tokens[k].Text is not ("(" or "," or "-" or "\u2013" or "\u2014"))
            {
                return false;
            }
        }

        return false;
    }

    private static bool ListLead(List<Token> tokens, int first, int last)
    {
        for (var k = first; k < last; k++)
        {
            var l = tokens[k].Lower;
            if (AttendanceLeads.Contains(l) || AttendeeVerbs.Contains(l) || l is "members" or "participants" or "attendees" or "delegates")
            {
                return true;
            }
        }

        return false;
    }

    private static int ItemStart(List<Token> tokens, Sentence item)
    {
        var start = ListItem.ContentStart(tokens, item.First, item.Last);
        return start < 0 ? item.First : start;
    }

    private static ParticipantRole BestRole(MeetingDraft meeting, List<NameCandidate> group)
    {
        var role = ParticipantRole.Attendee;
        foreach (var n in group)
        {
            var p = meeting.Find(n.Name);
            if (p is not null && p.Role < role)
            {
                role = p.Role;
            }
        }

        return role;
    }

    private static void Assign(Analysis a, MeetingDraft meeting, NameCandidate n, ParticipantRole role)
    {
        // "Voting were Ana Lind, Chair; ...": the title after a listed name says who chaired.
        if (role == ParticipantRole.Attendee && n.Last + 1 < a.Tokens.Count && a.Tokens[n.Last].Text == ","
            && a.Tokens[n.Last + 1].Lower is "chair" or "chairman" or "chairwoman" or "chairperson" && a.Tokens[n.Last + 1].IsCap)
        {
            role = ParticipantRole.Chair;
        }

        var span = new TextSpan(a.Tokens[n.First].Start, a.Tokens[n.Last - 1].End - a.Tokens[n.First].Start);
        // A name written in full next to its presence cue is right nine times in ten; a surname resolved
        // to an earlier full name less often; an unresolved single name rarely.
        var confidence = n.Last - n.First >= 2 ? 0.9 : n.Resolved ? 0.8 : 0.6;
        meeting.AddParticipant(n.Name, role, n.Title, span, confidence);
    }

    private static bool SignsMeetingText(List<Token> tokens, int i, Sentence sentence)
    {
        if (i + 2 >= sentence.Last || i == sentence.First || tokens[i - 1].Lower is "was" or "were" or "been" or "be" or "had" or "to" || tokens[i + 1].Lower is not ("the" or "its" or "their"))
        {
            return false;
        }

        var head = tokens[i + 2].Lower is "joint" or "final" && i + 3 < sentence.Last ? tokens[i + 3].Lower : tokens[i + 2].Lower;
        return head is "text" or "communique" or "communiqué" or "declaration" or "statement" or "accord" or "agreement";
    }

    private static bool SpeakingLead(List<Token> tokens, int first, int i)
    {
        for (var k = first; k < i; k++)
        {
            if (tokens[k].Lower is "speaking" or "spoke" or "addressing" or "reporting")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A verb or participle of meeting at most five words before "under" ("met on Monday under", "meeting here under").</summary>
    private static bool MetJustBefore(List<Token> tokens, int first, int under)
    {
        for (var k = under - 1; k >= first && k >= under - 5; k--)
        {
            if (tokens[k].Lower is "met" or "meets" or "meeting" or "convened" or "sat" or "sitting")
            {
                return true;
            }

            if (tokens[k].Text is "," or ";" or ":")
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"... and Finland by": "by" after "and" (or a comma) and one or two capitalised words, the verb left out.</summary>
    private static bool GappedBy(List<Token> tokens, int first, int i)
    {
        if (tokens[i].Lower != "by" || i - 2 < first || !tokens[i - 1].IsCap)
        {
            return false;
        }

        var k = i - 2;
        if (tokens[k].IsCap && k - 1 >= first)
        {
            k--;
        }

        return tokens[k].Lower == "and" || tokens[k].Text == ",";
    }

    private static bool AttendanceLead(List<Token> tokens, int first, int i)
    {
        for (var k = first; k < i; k++)
        {
            if (AttendanceLeads.Contains(tokens[k].Lower))
            {
                return true;
            }
        }

        return false;
    }

    private static ParticipantRole? Cue(Analysis a, Sentence sentence, int i, out bool passive, out bool initial, out int skip)
    {
        var tokens = a.Tokens;
        passive = false;
        initial = false;
        skip = 0;
        var l = tokens[i].Lower;
        var next = i + 1 < sentence.Last ? tokens[i + 1].Lower : string.Empty;
        var next2 = i + 2 < sentence.Last ? tokens[i + 2].Lower : string.Empty;
        ParticipantRole? role = null;
        switch (l)
        {
            case var _ when ChairVerbs.Contains(l):
                role = ParticipantRole.Chair;
                break;
            case var _ when ChairNouns.Contains(l) && next == "of" && i > sentence.First && tokens[i - 1].Lower is "the" or "his" or "her":
                // "under the presidency of King X": the name that follows, and only that one.
                passive = true;
                initial = true;
                skip = 1;
                return ParticipantRole.Chair;
            case "under" when i + 1 < sentence.Last && tokens[i + 1].IsCap && MetJustBefore(tokens, sentence.First, i):
                // "The Cabinet, meeting on Monday under President X, ...", "met under Prime Minister X": the name that follows chairs.
                passive = true;
                initial = true;
                return ParticipantRole.Chair;
            case "led" when next == "by" && i > sentence.First && tokens[i - 1].Lower is "delegation" or "delegations":
                // "the Bahraini delegation, led by Prince X": the head of a delegation attends.
                role = ParticipantRole.Attendee;
                break;
            case "took" or "take" or "takes" when next == "part":
                role = ParticipantRole.Attendee;
                break;
            case "taking" when next == "part" && i > sentence.First:
                // "with X also taking part": the names before it attend ("Taking part were ..." leads a list).
                role = ParticipantRole.Attendee;
                break;
            case "hosted" or "co-hosted" when next == "by" && (MeetingNounBefore(tokens, sentence.First, i) || BodyBefore(a, sentence, i)):
                // "The meeting was hosted by X and attended by Y": the host of a meeting chairs it.
                role = ParticipantRole.Chair;
                break;
            case "opened" or "opening" or "opens" when MeetingNounAfter(tokens, i + 1, sentence.Last) && !(i > sentence.First && tokens[i - 1].Lower is "was" or "were" or "be" or "been" or "being"):
                // "Opening the meeting, Lind said ...": whoever opens the meeting chairs it.
                role = ParticipantRole.Chair;
                break;
            case "held" or "holds" or "hosted" or "hosts" when MeetingNounAfter(tokens, i + 1, sentence.Last) && !(i > sentence.First && tokens[i - 1].Lower is "was" or "were" or "be" or "been" or "being" or "had" or "has" or "have"):
                role = ParticipantRole.Chair;
                break;
            case "chair" when i >= 2 && tokens[i - 1].Lower == "the" && tokens[i - 2].Lower == "in":
                role = ParticipantRole.Chair;
                break;
            case "led" when next == "by" && (MeetingNounBefore(tokens, sentence.First, i) || BodyBefore(a, sentence, i)):
                role = ParticipantRole.Chair;
                break;
            case "briefed" when next != "on" && !(i - 1 >= sentence.First && tokens[i - 1].Lower is "was" or "were" or "also" or "been"):
                role = ParticipantRole.Speaker;
                break;
            case var _ when SpeakerVerbs.Contains(l):
                role = ParticipantRole.Speaker;
                break;
            case "told" or "tells" or "briefed" when (next == "the" ? next2 : next) is var audience && Audiences.Contains(audience):
                // "Rau told the council that ...", "Schmid told ministers ...": an address to the meeting.
                role = ParticipantRole.Speaker;
                break;
            case "reported" or "reports" when next == "on" && !(i > sentence.First && tokens[i - 1].Lower is "was" or "were" or "is" or "be"):
                role = ParticipantRole.Speaker;
                break;
            case "gave" or "delivered" or "made" or "offered" or "presented" when SpeechObject(tokens, i, sentence.Last):
                role = ParticipantRole.Speaker;
                break;
            case "presented" or "presents" or "submitted" or "submits" or "introduced" or "introduces" when ToAudience(tokens, i, sentence.Last)
                && !(i > sentence.First && tokens[i - 1].Lower is "was" or "were" or "be" or "been" or "being"):
                // "Klingbeil presented the draft to the cabinet": putting a text before the meeting is speaking at it.
                role = ParticipantRole.Speaker;
                break;
            case var _ when AttendeeVerbs.Contains(l):
                role = ParticipantRole.Attendee;
                break;
            case "signed" when SignsMeetingText(tokens, i, sentence):
                // "Presidents A of X and B of Y signed the text": the signatories of what the meeting issued were there.
                role = ParticipantRole.Attendee;
                break;
            case "present" when i > sentence.First && tokens[i - 1].Lower is "was" or "were" or "also":
                role = ParticipantRole.Attendee;
                break;
            case "attendance" when i > sentence.First && tokens[i - 1].Lower == "in":
                role = ParticipantRole.Attendee;
                break;
            case "sat" when next is "down" or "in" or "with":
                role = ParticipantRole.Attendee;
                break;
            case "was" or "were" when next == "at" && MeetingNounAfter(tokens, i + 1, sentence.Last):
                role = ParticipantRole.Attendee;
                break;
        }

        if (role is null)
        {
            return null;
        }

        // "presided over by X", "attended by X"
        var k = i + 1;
        if (k < sentence.Last && tokens[k].Lower == "over")
        {
            k++;
        }

        if (k < sentence.Last && tokens[k].Lower == "by")
        {
            // "Presided over by the Standing Committee of the party committee, the session heard ...": a body presides, no one person.
            if (role == ParticipantRole.Chair && BodyAgent(a, sentence, k + 1))
            {
                return null;
            }

            passive = true;
            skip = k - i;
            return role;
        }

        // "Presiding over the session, Moon ordered ..."
        if (i == sentence.First && l.EndsWith("ing", StringComparison.Ordinal))
        {
            initial = true;
            return role;
        }

        if (l is "attending" or "speaking" && i > sentence.First && tokens[i - 1].Lower == "also")
        {
            // "Also attending were ..." is handled by the "were" lead.
            return null;
        }

        _ = next2;
        return role;
    }

    private static bool BodyAgent(Analysis a, Sentence sentence, int k)
    {
        var s = a.Sentences.IndexOf(sentence);
        if (s < 0)
        {
            return false;
        }

        var at = k < sentence.Last && a.Tokens[k].Lower == "the" ? k + 1 : k;
        foreach (var bp in a.Bodies[s])
        {
            if (bp.First == at)
            {
                return !a.Names[s].Any(n => n.First == at);
            }
        }

        return false;
    }

    private static bool ToAudience(List<Token> tokens, int i, int last)
    {
        for (var k = i + 1; k + 1 < last && k <= i + 8; k++)
        {
            if (tokens[k].Lower == "to")
            {
                var head = tokens[k + 1].Lower is "the" or "its" or "his" or "her" && k + 2 < last ? tokens[k + 2].Lower : tokens[k + 1].Lower;
                return Audiences.Contains(head);
            }

            if (tokens[k].IsPunct)
            {
                return false;
            }
        }

        return false;
    }

    private static bool SpeechObject(List<Token> tokens, int i, int last)
    {
        for (var k = i + 1; k < Math.Min(last, i + 6); k++)
        {
            var l = tokens[k].Lower;
            if (l is "speech" or "speeches" or "presentation" or "presentations" or "lecture" or "lectures" or "update" or "updates" or "address" or "briefing" or "briefings" or "talk" or "remarks" or "views" or "report" or "reports")
            {
                return true;
            }

            if (tokens[k].IsPunct)
            {
                return false;
            }
        }

        return false;
    }

    // "The board, led by Governor X, ...": a body led by someone in the meeting's sentence is chaired by them.
    private static bool BodyBefore(Analysis a, Sentence sentence, int i)
    {
        var k = i - 1;
        if (k >= sentence.First && a.Tokens[k].Text == ",")
        {
            k--;
        }

        return k >= sentence.First && (BodyPhraseFinder.GenericHeads.Contains(a.Tokens[k].Lower) || BodyPhraseFinder.OrgHeads.Contains(a.Tokens[k].Lower));
    }

    private static bool MeetingNounBefore(List<Token> tokens, int first, int i)
    {
        for (var k = i - 1; k >= first && k >= i - 5; k--)
        {
            if (MeetingWords.Nouns.Contains(tokens[k].Lower))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MeetingNounAfter(List<Token> tokens, int i, int last)
    {
        for (var k = i; k < last && k < i + 5; k++)
        {
            if (MeetingWords.Nouns.Contains(tokens[k].Lower))
            {
                return true;
            }
        }

        return false;
    }
}
