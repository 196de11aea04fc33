using NpgsqlTypes;

namespace PolicyTracker.Data.Entities;

public class Report : Entity
{
    public required string Headline { get; set; }

    public string? Outlet { get; set; }

    public DateOnly? Published { get; set; }

    public string? SourceUrl { get; set; }

    // Exactly as entered; the interceptor and a database trigger refuse any later change.
    public required string Text { get; set; }

    // SHA-256 of the UTF-8 text, lowercase hex; unique, so the same text is never stored twice.
    public required string ContentHash { get; set; }

    public ReportStatus Status { get; set; }

    public required string EnteredBy { get; set; }

    public DateTimeOffset EnteredAt { get; set; }

    public string? ExtractorVersion { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    // Who last published it and when; kept for the editors' throughput figures.
    public string? PublishedBy { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public NpgsqlTsVector SearchVector { get; set; } = null!;

    public ICollection<MeetingSource> MeetingSources { get; set; } = [];

    // Kept by Records.RecordCounts in the transaction that changes the report's claims.
    public ReportCounts? Counts { get; set; }
}
