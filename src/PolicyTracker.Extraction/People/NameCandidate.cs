namespace PolicyTracker.Extraction.People;

/// <summary>A person reference in the text: tokens [First, Last) hold the bare name; Title is the
/// title written before it, if any.</summary>
internal readonly record struct NameCandidate(int First, int Last, string Name, string? Title, bool Resolved);
