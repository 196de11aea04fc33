using System.Collections.Frozen;
using PolicyTracker.Extraction.Gazetteers;

namespace PolicyTracker.Extraction.Meetings;

/// <summary>The vocabulary of meeting reports.</summary>
internal static class MeetingWords
{
    public static readonly FrozenSet<string> Nouns = Lexicon.Words("meetingNouns");

    // Words between the determiner and the noun that describe the session, not the body.
    public static readonly FrozenSet<string> Modifiers = Lexicon.Words("sessionModifiers");

    // A meeting named with these is another meeting mentioned in passing.
    public static readonly FrozenSet<string> PassingModifiers = Lexicon.Words("passingModifiers");

    public static readonly FrozenSet<string> PassingPrepositions = Lexicon.Words("passingPrepositions");

    public static readonly FrozenSet<string> AnchorVerbs = Lexicon.Words("anchorVerbs");

    public static readonly FrozenSet<string> Modals = Lexicon.Words("modals");

    public static readonly FrozenSet<string> Determiners = Lexicon.Words("determiners");

    /// <summary>Heads of names that are themselves gatherings ("Arab Summit", "National Conference on X").</summary>
    public static readonly FrozenSet<string> GatheringHeads = Lexicon.Words("gatheringHeads");

    /// <summary>"X was held", "X, held on ...", "X opened": verbs that say a gathering took place.</summary>
    public static readonly FrozenSet<string> GatheringVerbs = Lexicon.Words("gatheringVerbs");

    /// <summary>"at the end of the meeting": nouns that frame this meeting, not another one.</summary>
    public static readonly FrozenSet<string> FrameNouns = Lexicon.Words("meetingFrameNouns");

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
