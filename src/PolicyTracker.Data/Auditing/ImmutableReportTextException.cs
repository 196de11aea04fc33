namespace PolicyTracker.Data.Auditing;

public sealed class ImmutableReportTextException : InvalidOperationException
{
    public ImmutableReportTextException()
        : base("A report's text and content hash are kept exactly as entered and cannot be changed.")
    {
    }

    public ImmutableReportTextException(string message)
        : base(message)
    {
    }

    public ImmutableReportTextException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
