namespace PolicyTracker.Data.Entities;

// Something a meeting did or had, stored once however many reports say it.
public abstract class Fact : Entity
{
    public Guid MeetingId { get; set; }

    public Meeting Meeting { get; set; } = null!;

    // Order of appearance in the first report that gave it, from 0.
    public int Position { get; set; }

    // True while a published report still claims it (a source not removed by an editor).
    // Kept by PublishedFlags in the transaction that changes it, so browse queries filter on a column.
    public bool Published { get; set; }
}

public abstract class Fact<TSource> : Fact
    where TSource : FactSource
{
    public ICollection<TSource> Sources { get; set; } = [];
}
