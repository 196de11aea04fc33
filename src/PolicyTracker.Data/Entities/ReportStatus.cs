namespace PolicyTracker.Data.Entities;

public enum ReportStatus
{
    Draft,
    Published,
    Archived,
}
