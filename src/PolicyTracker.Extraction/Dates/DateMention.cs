namespace PolicyTracker.Extraction.Dates;

/// <summary>A resolved date expression: tokens [First, Last) and whether it marks a start
/// ("opened on Monday", "from Wednesday") and whether it dates a noun rather than an event
/// ("the decisions of 13 May", "Directive 55 of 20 July 2001", "Friday's attack", "the minister said on Monday"),
/// and whether it dates a meeting noun itself ("Thursday's meeting", "the session on 4 May") or the day a
/// meeting opened ("the summit that opened on Tuesday").</summary>
internal readonly record struct DateMention(int First, int Last, DateOnly Date, bool IsStart, bool IsAttributive, bool IsMeetingBound = false, bool IsOpening = false);
