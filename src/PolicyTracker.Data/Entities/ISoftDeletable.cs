namespace PolicyTracker.Data.Entities;

// Rows are never removed: the audit interceptor turns a Remove into these two columns,
// and a global query filter hides rows where DeletedAt is set.
public interface ISoftDeletable
{
    DateTimeOffset? DeletedAt { get; set; }

    string? DeletedBy { get; set; }
}
