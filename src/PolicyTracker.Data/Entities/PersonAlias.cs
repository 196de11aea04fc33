namespace PolicyTracker.Data.Entities;

public class PersonAlias : Entity
{
    public Guid PersonId { get; set; }

    public Person Person { get; set; } = null!;

    public required string Alias { get; set; }

    public string AliasKey { get; private set; } = null!;
}
