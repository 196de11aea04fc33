namespace PolicyTracker.Data.Import;

public sealed class ReportImporter
{
}
