using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Editing;

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

    public IReadOnlyList<ReviewItem> ItemsOf(FactKind kind) => kind switch
    {
        FactKind.Person => Participants,
        FactKind.Resolution => Resolutions,
        _ => Documents,
    };

    // Whether applying this body and date would move a meeting other reports also describe, so the
    // editor has to say whether only this report moves or the meeting changes for all.
    public bool WouldMoveShared(string body, DateOnly? date) =>
        !IsNew && OtherSources > 0 && (BodyIdAfter(body) != LoadedBodyId || date != LoadedDate);

    // The editor's values for the meeting. A body typed differently is a different body until the
    // save resolves it by name.
    public void Apply(string body, DateOnly? date, string? session, string? location, MeetingEditScope? scope = null)
    {
        BodyId = BodyIdAfter(body);
        Body = body.Trim();
        Date = date;
        Session = Blank(session);
        Location = Blank(location);
        Changed = true;
        if (scope is { } chosen)
        {
            Scope = chosen;
        }
    }

    public void Remove() => Removed = true;

    public void UndoRemove() => Removed = false;

    // In report order: an item taken from the text goes where its span falls, and the items after
    // it move down one place (those are saved too, so the meeting page lists them as written).
    public void Insert(ReviewItem item)
    {
        switch (item)
        {
            case ReviewParticipant p:
                Insert(Participants, p);
                break;
            case ReviewResolution r:
                Insert(Resolutions, r);
                break;
            case ReviewDocumentAction d:
                Insert(Documents, d);
                break;
        }
    }

    public void Drop(ReviewItem item)
    {
        switch (item)
        {
            case ReviewParticipant p:
                Participants.Remove(p);
                break;
            case ReviewResolution r:
                Resolutions.Remove(r);
                break;
            case ReviewDocumentAction d:
                Documents.Remove(d);
                break;
        }
    }

    // "Use theirs" for the meeting itself: the stored body, date, session and place.
    internal void TakeFields(ReviewMeeting theirs) =>
        (BodyId, Body, Date, Session, Location, MeetingVersion, Changed) =
            (theirs.BodyId, theirs.Body, theirs.Date, theirs.Session, theirs.Location, theirs.MeetingVersion, false);

    // "Use theirs" for one item: its stored state, or gone when they removed it.
    internal void Replace(string key, ReviewDraft fresh)
    {
        Replace(Participants, key, fresh);
        Replace(Resolutions, key, fresh);
        Replace(Documents, key, fresh);
    }

    private static void Replace<T>(List<T> items, string key, ReviewDraft fresh)
        where T : ReviewItem
    {
        var index = items.FindIndex(i => i.Key == key);
        if (index < 0)
        {
            return;
        }

        var theirs = fresh.Items.OfType<T>().FirstOrDefault(i => i.Id == items[index].Id);
        if (theirs is null)
        {
            items.RemoveAt(index);
        }
        else
        {
            items[index] = theirs;
        }
    }

    private static void Insert<T>(List<T> list, T item)
        where T : ReviewItem
    {
        var index = item.SpanLength == 0 ? list.Count : list.Count(x => x.SpanLength > 0 && x.SpanStart < item.SpanStart);
        list.Insert(Math.Min(index, list.Count), item);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Position != i)
            {
                list[i].Position = i;
                list[i].Changed |= !list[i].IsNew;
            }
        }
    }

    private Guid? BodyIdAfter(string body) => string.Equals(Body, body.Trim(), StringComparison.Ordinal) ? BodyId : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
