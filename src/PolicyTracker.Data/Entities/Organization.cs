namespace PolicyTracker.Data.Entities;

// A body that meets: a cabinet, a commission, a council.
public class Organization : Entity
{
    public required string Name { get; set; }

    // lower(name), computed by PostgreSQL; carries the case-insensitive unique index.
    public string NameKey { get; private set; } = null!;

    public Guid? ParentId { get; set; }

    public Organization? Parent { get; set; }

    public ICollection<Organization> Children { get; set; } = [];

    public ICollection<OrganizationAlias> Aliases { get; set; } = [];

    public ICollection<Meeting> Meetings { get; set; } = [];

    public BodyCounts? Counts { get; set; }
}
