namespace PolicyTracker.Data.Entities;

public abstract class Entity : ISoftDeletable
{
    // Client-generated (UUIDv7) so the audit interceptor knows the id before the INSERT and can
    // write its audit row in the same SaveChanges.
    public Guid Id { get; set; }

    // Mapped to PostgreSQL's xmin system column: the optimistic concurrency token.
    public uint Version { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public string? DeletedBy { get; set; }
}
