namespace PolicyTracker.Data.Entities;

// One report describing one meeting (its body, date and session); a meeting reported twice has two sources.
public class MeetingSource : FactSource
{
    public Guid MeetingId { get; set; }

    public Meeting Meeting { get; set; } = null!;
}
