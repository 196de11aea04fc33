namespace PolicyTracker.Data.Entities;

// Append-only: written by the audit interceptor, never edited or soft-deleted.
public class AuditEntry
{
    public long Id { get; set; }

    public required string UserName { get; set; }

    public DateTimeOffset At { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    public AuditAction Action { get; set; }

    // JSON objects of column name to value; only the changed columns for a modification.
    public string? OldValues { get; set; }

    public string? NewValues { get; set; }

    public string? ClientAddress { get; set; }
}
