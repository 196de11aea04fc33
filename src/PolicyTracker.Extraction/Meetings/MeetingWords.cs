using System.Collections.Frozen;
using PolicyTracker.Extraction.Gazetteers;

namespace PolicyTracker.Extraction.Meetings;

/// <summary>The vocabulary of meeting reports.</summary>
internal static class MeetingWords
{
    public static readonly FrozenSet<string> Nouns = Lexicon.Words("meetingNouns");

    /// <summary>"held an open debate", "convened a videoconference": nouns that name a meeting only as what was held.</summary>
    public static readonly FrozenSet<string> HeldNouns = Lexicon.Words("heldMeetingNouns");

    private static readonly FrozenSet<string> HoldingVerbs = new[]
    {
        "held", "holds", "holding", "convened", "convenes", "convening", "hosted", "hosts", "hosting", "conducted", "conducts", "chaired", "chairs", "chairing",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A held noun that a holding verb governs, across a determiner and a few modifiers.</summary>
    public static bool IsHeldNoun(List<Text.Token> tokens, int i, int first)
    {
        if (!HeldNouns.Contains(tokens[i].Lower))
        {
            return false;
        }

        for (var k = i - 1; k >= first && k >= i - 5; k--)
        {
            var t = tokens[k];
            if (HoldingVerbs.Contains(t.Lower))
            {
                return true;
            }

            if (!t.IsWord || (t.IsCap && !Determiners.Contains(t.Lower)))
            {
                return false;
            }
        }

        return false;
    }

    // Words between the determiner and the noun that describe the session, not the body.
    public static readonly FrozenSet<string> Modifiers = Lexicon.Words("sessionModifiers");

    // A meeting named with these is another meeting mentioned in passing.
    public static readonly FrozenSet<string> PassingModifiers = Lexicon.Words("passingModifiers");

    public static readonly FrozenSet<string> PassingPrepositions = Lexicon.Words("passingPrepositions");

    /// <summary>"said on Wednesday", "told reporters on Monday": a date after these dates the statement.</summary>
    public static readonly FrozenSet<string> ReportingVerbs = Lexicon.Words("reportingVerbs");

    /// <summary>"the conference room", "the summit venue": a meeting noun modifying another noun names no meeting.</summary>
    public static readonly FrozenSet<string> NounCompounds = Lexicon.Words("meetingNounCompounds");

    /// <summary>"it is normally the president who convenes the council": a habit, not a meeting held.</summary>
    public static readonly FrozenSet<string> HabitualAdverbs = Lexicon.Words("habitualAdverbs");

    public static readonly FrozenSet<string> AnchorVerbs = Lexicon.Words("anchorVerbs");

    public static readonly FrozenSet<string> Modals = Lexicon.Words("modals");

    public static readonly FrozenSet<string> Determiners = Lexicon.Words("determiners");

    /// <summary>Heads of names that are themselves gatherings ("Arab Summit", "National Conference on X").</summary>
    public static readonly FrozenSet<string> GatheringHeads = Lexicon.Words("gatheringHeads");

    /// <summary>"X was held", "X, held on ...", "X opened": verbs that say a gathering took place.</summary>
    public static readonly FrozenSet<string> GatheringVerbs = Lexicon.Words("gatheringVerbs");

    /// <summary>"at the end of the meeting": nouns that frame this meeting, not another one.</summary>
    public static readonly FrozenSet<string> FrameNouns = Lexicon.Words("meetingFrameNouns");

    /// <summary>"... at the end of a two-day meeting", "... at its session": where a directive or document was
    /// acted on, not part of it.</summary>
    public static bool IsMeetingFrame(List<Text.Token> tokens, int k, int last)
    {
        // "the arrangements adopted at the session": a participle ties the phrase to a noun of the clause.
        if (tokens[k].Lower is not ("at" or "during") || (tokens[k - 1].IsWord && tokens[k - 1].Lower.EndsWith("ed", StringComparison.Ordinal)))
        {
            return false;
        }

        for (var j = k + 1; j < last && j <= k + 7; j++)
        {
            var l = tokens[j].Lower;
            if (Nouns.Contains(l))
            {
                return true;
            }

            if (!(Determiners.Contains(l) || Modifiers.Contains(l) || FrameNouns.Contains(l) || l == "of"))
            {
                return false;
            }
        }

        return false;
    }

    public static string KindOf(string noun, IEnumerable<string> modifiers)
    {
        var kind = noun switch
        {
            "symposium" => "symposium",
            "plenum" => "plenary",
            "conference" => "conference",
            _ => "meeting",
        };
        foreach (var m in modifiers)
        {
            if (m == "study")
            {
                return "study";
            }

            if (m == "plenary")
            {
                kind = "plenary";
            }
        }

        return kind;
    }
}
