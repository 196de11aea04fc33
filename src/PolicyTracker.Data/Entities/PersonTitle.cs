namespace PolicyTracker.Data.Entities;

// A title as a report gave it ("Premier"), with the span of dates it was seen.
public class PersonTitle : Entity
{
    public Guid PersonId { get; set; }

    public Person Person { get; set; } = null!;

    public required string Title { get; set; }

    public DateOnly? FirstSeen { get; set; }

    public DateOnly? LastSeen { get; set; }

    public Guid? SourceReportId { get; set; }

    public Report? SourceReport { get; set; }
}
