using NpgsqlTypes;

namespace PolicyTracker.Data.Entities;

public class Resolution : ExtractedRecord
{
    public Guid MeetingId { get; set; }

    public Meeting Meeting { get; set; } = null!;

    public required string Text { get; set; }

    // As written: "called for", "stressed".
    public required string Verb { get; set; }

    // "meeting" or a name as the report gave it; IssuedByPerson when the name is a known person.
    public string? IssuedBy { get; set; }

    public Guid? IssuedByPersonId { get; set; }

    public Person? IssuedByPerson { get; set; }

    public int Position { get; set; }

    public NpgsqlTsVector SearchVector { get; set; } = null!;
}
