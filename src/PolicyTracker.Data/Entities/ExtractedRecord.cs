namespace PolicyTracker.Data.Entities;

// A record the extractor found in a report: where it came from, how sure it was, and whether
// an editor has confirmed it. Re-extraction replaces only unverified records.
public abstract class ExtractedRecord : Entity
{
    public Guid SourceReportId { get; set; }

    public Report SourceReport { get; set; } = null!;

    public int SpanStart { get; set; }

    public int SpanLength { get; set; }

    public double Confidence { get; set; }

    public bool Verified { get; set; }

    public string? VerifiedBy { get; set; }

    public DateTimeOffset? VerifiedAt { get; set; }
}
