using NpgsqlTypes;

namespace PolicyTracker.Data.Entities;

// A guideline, plan, law... followed across the meetings that reviewed, adopted or issued it.
public class Document : Entity
{
    public required string Title { get; set; }

    // Lowercase, single-spaced, without a leading article: how the importer recognises a title again.
    public required string NormalizedTitle { get; set; }

    // guideline, plan, law, regulation, opinion, report, document...
    public string? Kind { get; set; }

    // Topic ids from the taxonomy file, tagged on the title (TopicTags), with the hash of the file that gave them.
    public string[] Topics { get; set; } = [];

    public string? TopicsHash { get; set; }

    public NpgsqlTsVector SearchVector { get; set; } = null!;

    public ICollection<DocumentAction> Actions { get; set; } = [];

    public DocumentCounts? Counts { get; set; }
}
