namespace PolicyTracker.Extraction.Dates;

/// <summary>A resolved date expression: tokens [First, Last) and whether it marks a start
/// ("opened on Monday", "from Wednesday").</summary>
internal readonly record struct DateMention(int First, int Last, DateOnly Date, bool IsStart, bool IsPast);
