namespace PolicyTracker.Data.Editing;

public enum SaveOutcome
{
    Saved,
    Conflict,
    NotFound,
    Invalid,
}

// A row someone else changed since this draft was loaded: who, when, and what it holds now.
// CurrentSourceVersion: when this report's source of the item moved too (its verdict), so "keep mine" takes both.
public sealed record ReviewConflict(string Key, string What, string? ChangedBy, DateTimeOffset? ChangedAt,
    IReadOnlyList<FieldChange> TheirChanges, bool RemovedByThem, uint CurrentVersion, uint? CurrentSourceVersion = null)
{
    // The report's own row: headline, outlet, date, status.
    public const string ReportKey = "report";

    // A conflict on this report's source of an item (its verdict) rather than on the fact itself.
    public const string SourceSuffix = ":source";

    public bool OnSource => Key.EndsWith(SourceSuffix, StringComparison.Ordinal);

    // The draft item or meeting the conflict is about.
    public string ItemKey => OnSource ? Key[..^SourceSuffix.Length] : Key;
}

public sealed record FieldChange(string Field, string? Old, string? New);

public sealed record ReviewSaveResult(SaveOutcome Outcome, string Message, IReadOnlyList<ReviewConflict> Conflicts)
{
    public static ReviewSaveResult Ok(string message) => new(SaveOutcome.Saved, message, []);

    public static ReviewSaveResult NotFound(string message) => new(SaveOutcome.NotFound, message, []);
}

public sealed record LookupOption(Guid? Id, string Name, string? Detail);

public sealed record MergeSuggestion(string MeetingKey, Guid IntoMeetingId, string Body, DateOnly? Date, int Sources, IReadOnlyList<string> Headlines);

public sealed record DocumentSuggestion(string ItemKey, Guid DocumentId, string Title, string History);
