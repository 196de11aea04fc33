using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Import;

// Report text plus what the editor knows better than the extractor; null means "take it from the text".
public sealed record ImportRequest(string? Text)
{
    public string? Headline { get; init; }

    public string? Outlet { get; init; }

    public DateOnly? Published { get; init; }

    public string? SourceUrl { get; init; }

    public string? EnteredBy { get; init; }

    public ReportStatus Status { get; init; } = ReportStatus.Draft;
}
