namespace PolicyTracker.Data.Entities;

// Stored counts of what published reports say, per person, body and document, kept by
// Records.RecordCounts in the transaction that changes the published flags. Grids sort and show
// these instead of counting every row of the fact tables per request. Kept in their own tables so
// a publish never changes a person's, body's or document's row version (an editor's open form
// stays valid).
public class PersonCounts
{
    public Guid PersonId { get; set; }

    public int Meetings { get; set; }

    public DateOnly? LastMeeting { get; set; }

    // Published reports that name the person in a published meeting (the person page's source total).
    public int Sources { get; set; }
}

public class BodyCounts
{
    public Guid OrganizationId { get; set; }

    public int Meetings { get; set; }

    public DateOnly? FirstMeeting { get; set; }

    public DateOnly? LastMeeting { get; set; }
}

public class DocumentCounts
{
    public Guid DocumentId { get; set; }

    public int Actions { get; set; }

    public DateOnly? FirstAction { get; set; }

    public DateOnly? LastAction { get; set; }
}
