namespace PolicyTracker.Data;

/// <summary>What an extracted fact is; the report page and the review page colour text by it.</summary>
public enum FactKind
{
    Person,
    Body,
    Date,
    Resolution,
    Document,
}
