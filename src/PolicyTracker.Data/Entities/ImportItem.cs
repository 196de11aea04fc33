namespace PolicyTracker.Data.Entities;

public enum ImportItemStatus
{
    Pending,
    Running,
    Imported,
    Duplicate,
    Failed,
    Cancelled,
}

// One report to import: a file of a folder or zip, or a line of a JSON Lines file. The bytes are
// kept until the item is imported, so a resume or a retry needs neither the source nor its process.
public class ImportItem
{
    public Guid Id { get; set; }

    public Guid JobId { get; set; }

    public ImportJob Job { get; set; } = null!;

    // Order within the job: workers take items in this order.
    public int Position { get; set; }

    // The file's path inside the source, or "line N".
    public required string Name { get; set; }

    public byte[]? Payload { get; set; }

    public long Bytes { get; set; }

    public ImportItemStatus Status { get; set; }

    public int Attempts { get; set; }

    // The worker holding the item and until when; an expired lease is taken over by another worker.
    public string? ClaimedBy { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? Error { get; set; }

    public Guid? ReportId { get; set; }

    // For a duplicate: the report that already holds this text or URL.
    public Guid? ExistingReportId { get; set; }
}
