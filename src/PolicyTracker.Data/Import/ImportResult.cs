namespace PolicyTracker.Data.Import;

public enum ImportProblem
{
    Empty,
    TooLarge,
    Binary,
    InvalidSourceUrl,
    InvalidDate,
    DuplicateText,
    DuplicateSourceUrl,
    NotFound,
}

public sealed record ImportResult
{
    public Guid? ReportId { get; init; }

    public ImportProblem? Problem { get; init; }

    public string? Message { get; init; }

    // For a duplicate: the report that already holds this text or URL.
    public Guid? ExistingReportId { get; init; }

    public int Meetings { get; init; }

    public int Participations { get; init; }

    public int Resolutions { get; init; }

    public int DocumentActions { get; init; }

    public bool Succeeded => Problem is null;

    public static ImportResult Failed(ImportProblem problem, string message, Guid? existingReportId = null) =>
        new() { Problem = problem, Message = message, ExistingReportId = existingReportId };
}
