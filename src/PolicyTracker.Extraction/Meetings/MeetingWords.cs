using System.Collections.Frozen;

namespace PolicyTracker.Extraction.Meetings;

/// <summary>The vocabulary of meeting reports.</summary>
internal static class MeetingWords
{
    public static readonly FrozenSet<string> Nouns = new[]
    {
        "meeting", "session", "symposium", "plenum", "conference", "forum", "summit",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Words between the determiner and the noun that describe the session, not the body.
    public static readonly FrozenSet<string> Modifiers = new[]
    {
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
        "executive", "plenary", "special", "weekly", "regular", "emergency", "extraordinary", "closing", "opening", "working",
        "study", "group", "themed", "full", "enlarged", "expanded", "joint", "high-level", "summit-level", "closed-door", "annual",
        "monthly", "biweekly", "extended", "ordinary", "inaugural", "final", "urgent", "video", "virtual", "online", "new-term",
        "leadership", "ministerial", "formal", "informal", "routine", "fortnightly", "daily", "morning", "afternoon", "evening",
        "cabinet-level", "council", "standing", "collective", "second-day", "two-day", "three-day", "one-day", "hour-long",
    }.ToFrozenSet(StringComparer.Ordinal);

    // A meeting named with these is another meeting mentioned in passing.
    public static readonly FrozenSet<string> PassingModifiers = new[]
    {
        "news", "press", "separate", "previous", "earlier", "next", "upcoming", "coming", "last", "future", "preparatory",
        "another", "other", "subsequent", "forthcoming", "planned", "past", "recent", "following", "media",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> PassingPrepositions = new[]
    {
        "to", "for", "since", "after", "before", "until", "ahead", "following", "toward", "towards", "into", "than", "like", "of",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> AnchorVerbs = new[]
    {
        "held", "holds", "holding", "convened", "convenes", "convening", "chaired", "chairs", "chairing", "presided", "presides",
        "presiding", "attended", "attends", "attending", "addressed", "addresses", "addressing", "opened", "opens", "closed",
        "closes", "concluded", "concludes", "wrapped", "began", "begins", "started", "hosted", "hosts", "hosting", "told", "tells",
        "led", "leads", "leading", "called", "calls", "summoned", "summons", "gathered",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> Modals = new[]
    {
        "will", "would", "to", "shall", "may", "might", "could", "should", "must", "plans", "plan", "planned", "expected",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> Determiners = new[]
    {
        "a", "an", "the", "its", "their", "his", "her", "this", "that", "our",
    }.ToFrozenSet(StringComparer.Ordinal);

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
