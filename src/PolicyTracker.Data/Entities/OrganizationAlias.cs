namespace PolicyTracker.Data.Entities;

public class OrganizationAlias : Entity
{
    public Guid OrganizationId { get; set; }

    public Organization Organization { get; set; } = null!;

    public required string Alias { get; set; }

    public string AliasKey { get; private set; } = null!;
}
