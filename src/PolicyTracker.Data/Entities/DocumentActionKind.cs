namespace PolicyTracker.Data.Entities;

public enum DocumentActionKind
{
    Reviewed,
    Adopted,
    Approved,
    Discussed,
    Deliberated,
    Passed,
    Issued,
}
