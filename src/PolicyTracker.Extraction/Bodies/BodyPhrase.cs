namespace PolicyTracker.Extraction.Bodies;

/// <summary>A written name of a body: tokens [First, Last), its head word ("council") and whether
/// it is a bare common noun ("the cabinet") that needs an antecedent.</summary>
internal readonly record struct BodyPhrase(int First, int Last, int HeadIndex, string Text, string Head, bool IsGeneric);
