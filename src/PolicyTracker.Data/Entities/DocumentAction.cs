namespace PolicyTracker.Data.Entities;

public class DocumentAction : ExtractedRecord
{
    public Guid DocumentId { get; set; }

    public Document Document { get; set; } = null!;

    public Guid MeetingId { get; set; }

    public Meeting Meeting { get; set; } = null!;

    public DocumentActionKind Action { get; set; }

    public int Position { get; set; }
}
