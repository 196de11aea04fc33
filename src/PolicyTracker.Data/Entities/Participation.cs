namespace PolicyTracker.Data.Entities;

// One person at one meeting, in the strongest role any source gives (chair over speaker over attendee).
public class Participation : Fact<ParticipationSource>
{
    public Guid PersonId { get; set; }

    public Person Person { get; set; } = null!;

    public ParticipationRole Role { get; set; }

    public string? TitleAsWritten { get; set; }
}
