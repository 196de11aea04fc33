namespace PolicyTracker.Data.Entities;

// One person at one meeting, in the strongest role any source gives (chair over speaker over attendee).
public class Participation : Fact<ParticipationSource>
{
    public Guid PersonId { get; set; }

    public Person Person { get; set; } = null!;

    public ParticipationRole Role { get; set; }

    public string? TitleAsWritten { get; set; }

    // The meeting's date, copied so a person's meetings and the summary's people are read by date from this table
    // alone; kept equal to Meeting.Date by PublishedFlags in the transaction that changes either.
    public DateOnly? MeetingDate { get; set; }
}
