using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Import;

// Report text plus what the editor knows better than the extractor; null means "take it from the text".
public sealed record ImportRequest(string? Text)
{
    public string? Headline { get; init; }

    public string? Outlet { get; init; }

    public DateOnly? Published { get; init; }

    public string? SourceUrl { get; init; }

    // When Published is not given: the date a dateline without a year is read against (the new-report form
    // passes today). Null: the extractor infers the year from the text, as for an archive of unknown age.
    public DateOnly? ReferenceDate { get; init; }

    public string? EnteredBy { get; init; }

    public ReportStatus Status { get; init; } = ReportStatus.Draft;
}
