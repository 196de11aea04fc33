namespace PolicyTracker.Data.Entities;

// One report describing one meeting; a meeting reported twice has two sources.
public class MeetingSource : ExtractedRecord
{
    public Guid MeetingId { get; set; }

    public Meeting Meeting { get; set; } = null!;
}
