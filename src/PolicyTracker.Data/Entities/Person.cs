namespace PolicyTracker.Data.Entities;

public class Person : Entity
{
    public required string Name { get; set; }

    public string NameKey { get; private set; } = null!;

    public ICollection<PersonAlias> Aliases { get; set; } = [];

    public ICollection<PersonTitle> Titles { get; set; } = [];

    public ICollection<Participation> Participations { get; set; } = [];

    public PersonCounts? Counts { get; set; }
}
