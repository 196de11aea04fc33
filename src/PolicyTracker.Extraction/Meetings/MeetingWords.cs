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
