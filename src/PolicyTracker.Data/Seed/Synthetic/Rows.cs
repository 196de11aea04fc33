namespace PolicyTracker.Data.Seed.Synthetic;

internal sealed record OrganizationRow(Guid Id, string Name, Guid? ParentId);

internal sealed record AliasRow(Guid Id, Guid OwnerId, string Alias);

internal sealed record PersonRow(Guid Id, string Name);

internal sealed record PersonTitleRow(Guid Id, Guid PersonId, string Title, DateOnly FirstSeen, DateOnly LastSeen, Guid SourceReportId);

internal sealed record DocumentRow(Guid Id, string Title, string NormalizedTitle, string Kind);

internal sealed record ReportRow(
    Guid Id, string Headline, string Outlet, DateOnly Published, string SourceUrl, string Text, string ContentHash,
    string Status, DateTime EnteredAt, string ExtractorVersion, DateTime? UpdatedAt);

internal sealed record MeetingRow(Guid Id, Guid OrganizationId, string Session, DateOnly Date, string Location)
{
    public bool Published { get; set; }
}

// A source of a meeting (OwnerId is the meeting) or of a fact (OwnerId is the fact).
internal sealed record SourceRow(
    Guid Id, Guid OwnerId, Guid ReportId, int SpanStart, int SpanLength, double Confidence, string? ExtractorVersion,
    string Verdict, bool InBulk, string? VerdictBy, DateTime? VerdictAt);

internal sealed record ParticipationRow(Guid Id, Guid MeetingId, Guid PersonId, string Role, string? TitleAsWritten, int Position)
{
    public bool Published { get; set; }
}

internal sealed record ResolutionRow(
    Guid Id, Guid MeetingId, string Text, string TextKey, string Verb, string IssuedBy, Guid? IssuedByPersonId, int Position)
{
    public bool Published { get; set; }
}

internal sealed record DocumentActionRow(Guid Id, Guid DocumentId, Guid MeetingId, string Action, int Position)
{
    public bool Published { get; set; }
}

internal sealed class Batch
{
    public List<DocumentRow> Documents { get; } = [];

    public List<ReportRow> Reports { get; } = [];

    public List<MeetingRow> Meetings { get; } = [];

    public List<SourceRow> MeetingSources { get; } = [];

    public List<ParticipationRow> Participations { get; } = [];

    public List<SourceRow> ParticipationSources { get; } = [];

    public List<ResolutionRow> Resolutions { get; } = [];

    public List<SourceRow> ResolutionSources { get; } = [];

    public List<DocumentActionRow> DocumentActions { get; } = [];

    public List<SourceRow> DocumentActionSources { get; } = [];
}
