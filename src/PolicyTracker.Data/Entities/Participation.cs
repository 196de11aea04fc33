namespace PolicyTracker.Data.Entities;

public class Participation : ExtractedRecord
{
    public Guid MeetingId { get; set; }

    public Meeting Meeting { get; set; } = null!;

    public Guid PersonId { get; set; }

    public Person Person { get; set; } = null!;

    public ParticipationRole Role { get; set; }

    public string? TitleAsWritten { get; set; }

    // Order of appearance in the report, from 0.
    public int Position { get; set; }
}
