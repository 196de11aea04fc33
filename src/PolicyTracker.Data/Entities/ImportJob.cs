namespace PolicyTracker.Data.Entities;

public enum ImportSourceKind
{
    Folder,
    Zip,
    JsonLines,
    Files,
    Feed,
}

public enum ImportJobStatus
{
    Running,
    Paused,
    Cancelled,
    Completed,
}

// One bulk import: a folder, zip or JSON Lines file split into items at creation. Operational
// state, written with SQL by ImportJobs and ImportWorker (not audited row by row: the reports it
// stores are).
public class ImportJob
{
    public Guid Id { get; set; }

    public ImportSourceKind Kind { get; set; }

    // The path or file name the editor gave.
    public required string Source { get; set; }

    // Store the reports as published ("trust the extractor") rather than as drafts.
    public bool Publish { get; set; }

    public ImportJobStatus Status { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public int TotalItems { get; set; }

    // The feed whose poll queued this job; its items are named by the entry's link.
    public Guid? FeedId { get; set; }

    public Feed? Feed { get; set; }

    public ICollection<ImportItem> Items { get; set; } = [];
}
