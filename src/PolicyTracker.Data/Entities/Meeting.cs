namespace PolicyTracker.Data.Entities;

public class Meeting : Entity
{
    public Guid OrganizationId { get; set; }

    public Organization Organization { get; set; } = null!;

    public string? Session { get; set; }

    public DateOnly? Date { get; set; }

    public string? Location { get; set; }

    // True while a published report describes it; kept by PublishedFlags.
    public bool Published { get; set; }

    // The union of its published resolutions' and acted-on documents' topics; kept by TopicTags beside PublishedFlags.
    public string[] Topics { get; set; } = [];

    public ICollection<MeetingSource> Sources { get; set; } = [];

    public ICollection<Participation> Participations { get; set; } = [];

    public ICollection<Resolution> Resolutions { get; set; } = [];

    public ICollection<DocumentAction> DocumentActions { get; set; } = [];
}
