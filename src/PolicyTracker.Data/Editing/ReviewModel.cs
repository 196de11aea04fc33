using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Editing;

// The editor's working copy of one report's extraction. The review page changes it in memory;
// ReviewService.SaveAsync writes the differences in one transaction, checking each row's Version.
public sealed class ReviewDraft
{
    public Guid ReportId { get; init; }

    public uint Version { get; set; }

    public required string Text { get; init; }

    public required string Headline { get; set; }

    public string? Outlet { get; set; }

    public DateOnly? Published { get; set; }

    public string? SourceUrl { get; set; }

    public ReportStatus Status { get; set; }

    public string EnteredBy { get; init; } = string.Empty;

    public DateTimeOffset EnteredAt { get; init; }

    public string? ExtractorVersion { get; init; }

    // When this copy was read: the conflict report lists what others changed after it.
    public DateTimeOffset LoadedAt { get; init; }

    public bool HeaderChanged { get; set; }

    public List<ReviewMeeting> Meetings { get; init; } = [];

    public IEnumerable<ReviewItem> Items => Meetings.SelectMany(m => m.Items);

    public bool HasChanges => HeaderChanged || Meetings.Any(m => m.HasChanges || m.Items.Any(i => i.HasChanges));

    public ReviewItem? Find(string key) => Items.FirstOrDefault(i => i.Key == key);

    // Items still in the report that nobody has looked at.
    public IEnumerable<ReviewItem> Unjudged => Meetings.Where(m => !m.Removed).SelectMany(m => m.Items).Where(i => !i.Removed && !i.IsNew && i.Verdict == Verdict.Extracted);

    // "Accept all remaining": an explicit act, recorded as a bulk acceptance on each item.
    public int AcceptAllRemaining()
    {
        var items = Unjudged.ToList();
        foreach (var item in items)
        {
            item.Accept(inBulk: true);
        }

        foreach (var meeting in Meetings.Where(m => !m.Removed && m.Verdict == Verdict.Extracted))
        {
            meeting.Verdict = Verdict.Accepted;
            meeting.InBulk = true;
        }

        return items.Count;
    }
}

// When the body or date of a meeting other reports also describe changes: this report moves to the
// meeting with the new body and date, or the meeting changes for every report.
public enum MeetingEditScope
{
    Unasked,
    ThisReport,
    AllReports,
}

public sealed class ReviewMeeting
{
    private readonly string _newKey = "m" + Guid.NewGuid().ToString("N")[..12];

    // Stable across reloads for stored meetings, so the page keeps its selection after a save.
    public string Key => MeetingId is { } id ? "m" + id.ToString("N") : _newKey;

    // Null until saved: a meeting the editor added.
    public Guid? MeetingId { get; set; }

    public Guid? SourceId { get; set; }

    public uint MeetingVersion { get; set; }

    public uint SourceVersion { get; set; }

    public Guid? BodyId { get; set; }

    public required string Body { get; set; }

    public DateOnly? Date { get; set; }

    public string? Session { get; set; }

    public string? Location { get; set; }

    public int SpanStart { get; set; }

    public int SpanLength { get; set; }

    public double Confidence { get; set; }

    public Verdict Verdict { get; set; }

    public bool InBulk { get; set; }

    // The body and date as loaded: changing either on a shared meeting needs a Scope.
    public Guid? LoadedBodyId { get; init; }

    public DateOnly? LoadedDate { get; init; }

    // Other reports describing the same meeting.
    public int OtherSources { get; set; }

    public MeetingEditScope Scope { get; set; }

    // Set by a merge: this report's claims move to that stored meeting.
    public Guid? MergeInto { get; set; }

    public bool IsNew => MeetingId is null;

    public bool Changed { get; set; }

    public bool Removed { get; set; }

    public bool Verified => Verdict is not Verdict.Extracted;

    public bool HasChanges => IsNew || Changed || Removed || MergeInto is not null || Verdict != LoadedVerdict;

    public Verdict LoadedVerdict { get; init; }

    // A change of body or date that other reports' view of the meeting would feel.
    public bool MovesSharedMeeting => !IsNew && OtherSources > 0 && Changed
        && (BodyId != LoadedBodyId || Date != LoadedDate);

    public List<ReviewParticipant> Participants { get; init; } = [];

    public List<ReviewResolution> Resolutions { get; init; } = [];

    public List<ReviewDocumentAction> Documents { get; init; } = [];

    public IEnumerable<ReviewItem> Items =>
        Participants.Cast<ReviewItem>().Concat(Resolutions).Concat(Documents);
}

public abstract class ReviewItem
{
    private readonly string _newKey = "n" + Guid.NewGuid().ToString("N")[..12];

    public virtual string Key => Id is { } id ? "i" + id.ToString("N") : _newKey;

    public Guid? Id { get; set; }

    public uint Version { get; set; }

    public int SpanStart { get; set; }

    public int SpanLength { get; set; }

    public double Confidence { get; set; }

    // This report's source of the fact.
    public Guid? SourceId { get; set; }

    public uint SourceVersion { get; set; }

    public Verdict Verdict { get; set; }

    public bool InBulk { get; set; }

    public string? VerdictBy { get; set; }

    public DateTimeOffset? VerdictAt { get; set; }

    // Other reports that claim the same fact.
    public int OtherReports { get; set; }

    public bool Removed { get; set; }

    public bool Changed { get; set; }

    public bool IsNew => Id is null;

    // Looked at by a person: accepted, edited or added (removed items leave the list).
    public bool Verified => Verdict is Verdict.Accepted or Verdict.Edited or Verdict.Added;

    public bool VerdictChanged => Original is { } original && (original.Verdict != Verdict || original.InBulk != InBulk);

    public bool HasChanges => IsNew ? !Removed : Changed || Removed || VerdictChanged;

    public void Accept(bool inBulk = false)
    {
        if (Verdict == Verdict.Extracted)
        {
            Verdict = Verdict.Accepted;
            InBulk = inBulk;
        }
    }

    // An editor applied an edit: the extractor's claim was wrong in part, or, when nothing
    // differs from what was loaded, right as it was.
    public void MarkEdited()
    {
        if (Original is { } original && SameFields(original))
        {
            Accept();
            return;
        }

        Changed = true;
        if (Verdict is Verdict.Extracted or Verdict.Accepted)
        {
            Verdict = Verdict.Edited;
            InBulk = false;
        }
    }

    // The item as loaded: after a conflict, the fields the editor did not touch take the other
    // editor's values, so "keep mine" keeps both people's work.
    public ReviewItem? Original { get; private set; }

    internal void Snapshot() => Original = (ReviewItem)MemberwiseClone();

    public abstract FactKind Kind { get; }

    protected abstract bool SameFields(ReviewItem other);

    public abstract string Label { get; }

    public int SpanEnd => SpanStart + SpanLength;
}

public sealed class ReviewParticipant : ReviewItem
{
    public Guid? PersonId { get; set; }

    public required string Name { get; set; }

    public ParticipationRole Role { get; set; }

    public string? TitleAsWritten { get; set; }

    public int Position { get; set; }

    public override FactKind Kind => FactKind.Person;

    protected override bool SameFields(ReviewItem other) => other is ReviewParticipant o
        && o.PersonId == PersonId && o.Name == Name && o.Role == Role && o.TitleAsWritten == TitleAsWritten
        && o.SpanStart == SpanStart && o.SpanLength == SpanLength;

    public override string Label => Name;
}

public sealed class ReviewResolution : ReviewItem
{
    public required string Text { get; set; }

    public string Verb { get; set; } = string.Empty;

    public string? IssuedBy { get; set; }

    public int Position { get; set; }

    public override FactKind Kind => FactKind.Resolution;

    protected override bool SameFields(ReviewItem other) => other is ReviewResolution o
        && o.Text == Text && o.Verb == Verb && o.IssuedBy == IssuedBy && o.SpanStart == SpanStart && o.SpanLength == SpanLength;

    public override string Label => Text;
}

public sealed class ReviewDocumentAction : ReviewItem
{
    public Guid? DocumentId { get; set; }

    public required string Title { get; set; }

    public string? DocumentKind { get; set; }

    public DocumentActionKind Action { get; set; }

    public int Position { get; set; }

    public override FactKind Kind => FactKind.Document;

    protected override bool SameFields(ReviewItem other) => other is ReviewDocumentAction o
        && o.DocumentId == DocumentId && o.Title == Title && o.DocumentKind == DocumentKind && o.Action == Action
        && o.SpanStart == SpanStart && o.SpanLength == SpanLength;

    public override string Label => Title;
}

public enum SaveOutcome
{
    Saved,
    Conflict,
    NotFound,
    Invalid,
}

// A row someone else changed since this draft was loaded: who, when, and what it holds now.
// CurrentSourceVersion: when this report's source of the item moved too (its verdict), so "keep mine" takes both.
public sealed record ReviewConflict(string Key, string What, string? ChangedBy, DateTimeOffset? ChangedAt,
    IReadOnlyList<FieldChange> TheirChanges, bool RemovedByThem, uint CurrentVersion, uint? CurrentSourceVersion = null);

public sealed record FieldChange(string Field, string? Old, string? New);

public sealed record ReviewSaveResult(SaveOutcome Outcome, string Message, IReadOnlyList<ReviewConflict> Conflicts)
{
    public static ReviewSaveResult Ok(string message) => new(SaveOutcome.Saved, message, []);
}

public sealed record LookupOption(Guid? Id, string Name, string? Detail);

public sealed record MergeSuggestion(string MeetingKey, Guid IntoMeetingId, string Body, DateOnly? Date, int Sources, IReadOnlyList<string> Headlines);

public sealed record DocumentSuggestion(string ItemKey, Guid DocumentId, string Title, string History);
