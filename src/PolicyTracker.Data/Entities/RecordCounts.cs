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

// A person's published meetings at one body: the person page's bodies and the body page's chairs and attendees
// read their top rows here instead of grouping every participation of a busy person or body.
public class PersonBodyCounts
{
    public Guid PersonId { get; set; }

    public Guid OrganizationId { get; set; }

    public int Meetings { get; set; }

    public int Chaired { get; set; }

    public DateOnly? FirstMeeting { get; set; }

    public DateOnly? LastMeeting { get; set; }

    public DateOnly? LastChaired { get; set; }
}

// How many published meetings of one body two people were both at (stored both ways round): the person page's
// co-attendees and network read one person's rows instead of every participation at that person's meetings.
public class CoAttendanceCounts
{
    public Guid PersonId { get; set; }

    public Guid OtherPersonId { get; set; }

    public Guid OrganizationId { get; set; }

    public int Meetings { get; set; }

    public DateOnly? LastMeeting { get; set; }
}

// A report's live meeting claims (what the reports grid shows and sorts by), with its entry time copied (it never
// changes) so the grid's "most meetings" order is one index walk.
public class ReportCounts
{
    public Guid ReportId { get; set; }

    public int Meetings { get; set; }

    public DateTimeOffset EnteredAt { get; set; }
}
