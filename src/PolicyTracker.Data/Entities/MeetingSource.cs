namespace PolicyTracker.Data.Entities;

// One report describing one meeting (its body, date and session); a meeting reported twice has two sources.
public class MeetingSource : FactSource
{
    public Guid MeetingId { get; set; }

    public Meeting Meeting { get; set; } = null!;

    // The editor's verdict on each of the meeting's fields as this report's extraction gave them, for the
    // extractor's quality figures: the source's own Verdict says only that someone looked at the meeting.
    // Null when the extractor claimed nothing for the field (no date, no chair) and nobody added one.
    public Verdict BodyVerdict { get; set; }

    public Verdict? DateVerdict { get; set; }

    public Verdict? ChairVerdict { get; set; }
}
