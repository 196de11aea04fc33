namespace PolicyTracker.Data.Entities;

public enum AuditAction
{
    Added,
    Modified,
    Deleted,
    Restored,
}
