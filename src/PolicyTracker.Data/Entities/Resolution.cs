using NpgsqlTypes;

namespace PolicyTracker.Data.Entities;

public class Resolution : Fact<ResolutionSource>
{
    public required string Text { get; set; }

    // Lowercase and single-spaced: the same call reported twice is one resolution.
    public string TextKey { get; set; } = string.Empty;

    // As written: "called for", "stressed".
    public required string Verb { get; set; }

    // "meeting" or a name as the report gave it; IssuedByPerson when the name is a known person.
    public string? IssuedBy { get; set; }

    public Guid? IssuedByPersonId { get; set; }

    public Person? IssuedByPerson { get; set; }

    // Topic ids from the taxonomy file (TopicTags), with the hash of the file that gave them.
    public string[] Topics { get; set; } = [];

    public string? TopicsHash { get; set; }

    public NpgsqlTsVector SearchVector { get; set; } = null!;
}
