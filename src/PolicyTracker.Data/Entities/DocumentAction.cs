namespace PolicyTracker.Data.Entities;

public class DocumentAction : Fact<DocumentActionSource>
{
    public Guid DocumentId { get; set; }

    public Document Document { get; set; } = null!;

    public DocumentActionKind Action { get; set; }
}
