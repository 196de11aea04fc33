using System.Text.Json;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Editing;

// What an editor changed on the review page and has not saved, small enough for the browser to keep
// (no report text): the page writes it to localStorage after every change and forgets it once the
// server confirms a save, so a lost connection, a reload or a restarted server loses nothing.
// Applied to a freshly loaded draft it brings the changes back with the versions they were made
// against, so a save over someone else's later edit meets the usual conflict dialog.
public sealed record ReviewDraftCopy
{
    public const int Format = 1;

    public int Version { get; init; } = Format;

    public Guid ReportId { get; init; }

    public uint ReportVersion { get; init; }

    public HeaderCopy? Header { get; init; }

    public List<MeetingCopy> Meetings { get; init; } = [];

    public sealed record HeaderCopy(string Headline, string? Outlet, DateOnly? Published, string? SourceUrl);

    public sealed record MeetingCopy
    {
        public Guid? MeetingId { get; init; }

        public Guid? SourceId { get; init; }

        public uint MeetingVersion { get; init; }

        public uint SourceVersion { get; init; }

        public bool Changed { get; init; }

        public bool VerdictChanged { get; init; }

        public bool Removed { get; init; }

        public Guid? BodyId { get; init; }

        public string Body { get; init; } = string.Empty;

        public DateOnly? Date { get; init; }

        public string? Session { get; init; }

        public string? Location { get; init; }

        public int SpanStart { get; init; }

        public int SpanLength { get; init; }

        public double Confidence { get; init; }

        public Verdict Verdict { get; init; }

        public bool InBulk { get; init; }

        public MeetingEditScope Scope { get; init; }

        public Guid? MergeInto { get; init; }

        public List<ItemCopy> Items { get; init; } = [];
    }

    public sealed record ItemCopy
    {
        public FactKind Kind { get; init; }

        public Guid? Id { get; init; }

        public uint Version { get; init; }

        public uint SourceVersion { get; init; }

        public bool Changed { get; init; }

        public bool VerdictChanged { get; init; }

        public bool Removed { get; init; }

        public int SpanStart { get; init; }

        public int SpanLength { get; init; }

        public double Confidence { get; init; }

        public int Position { get; init; }

        public Verdict Verdict { get; init; }

        public bool InBulk { get; init; }

        // Person or document the item names, by id.
        public Guid? LinkedId { get; init; }

        // Name, resolution text or document title.
        public string Label { get; init; } = string.Empty;

        // Title as written, verb or document kind.
        public string? Detail { get; init; }

        public string? IssuedBy { get; init; }

        // Participation role or document action, as its number.
        public int Choice { get; init; }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The unsaved changes of the draft, or null when there are none.
    public static ReviewDraftCopy? Of(ReviewDraft draft)
    {
        if (!draft.HasChanges)
        {
            return null;
        }

        var meetings = new List<MeetingCopy>();
        foreach (var m in draft.Meetings)
        {
            var items = m.Items.Where(i => i.HasChanges).Select(CopyOf).ToList();
            if (!m.HasChanges && items.Count == 0)
            {
                continue;
            }

            meetings.Add(new MeetingCopy
            {
                MeetingId = m.MeetingId,
                SourceId = m.SourceId,
                MeetingVersion = m.MeetingVersion,
                SourceVersion = m.SourceVersion,
                Changed = m.Changed || m.IsNew,
                VerdictChanged = m.Verdict != m.LoadedVerdict || m.MergeInto is not null,
                Removed = m.Removed,
                BodyId = m.BodyId,
                Body = m.Body,
                Date = m.Date,
                Session = m.Session,
                Location = m.Location,
                SpanStart = m.SpanStart,
                SpanLength = m.SpanLength,
                Confidence = m.Confidence,
                Verdict = m.Verdict,
                InBulk = m.InBulk,
                Scope = m.Scope,
                MergeInto = m.MergeInto,
                Items = items,
            });
        }

        return new ReviewDraftCopy
        {
            ReportId = draft.ReportId,
            ReportVersion = draft.Version,
            Header = draft.HeaderChanged ? new HeaderCopy(draft.Headline, draft.Outlet, draft.Published, draft.SourceUrl) : null,
            Meetings = meetings,
        };
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    // Null for anything that is not a copy this version of the app wrote.
    public static ReviewDraftCopy? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            var copy = JsonSerializer.Deserialize<ReviewDraftCopy>(json, Json);
            return copy is { Version: Format } ? copy : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Puts the changes back on a freshly loaded draft of the same report. Returns how many changed
    // records could not be restored because they are gone from the report since.
    public int ApplyTo(ReviewDraft draft)
    {
        if (draft.ReportId != ReportId)
        {
            throw new InvalidOperationException("The copy is of another report.");
        }

        var missing = 0;
        if (Header is { } header)
        {
            draft.Headline = header.Headline;
            draft.Outlet = header.Outlet;
            draft.Published = header.Published;
            draft.SourceUrl = header.SourceUrl;
            draft.Version = ReportVersion;
            draft.HeaderChanged = true;
        }

        foreach (var copy in Meetings)
        {
            var meeting = copy.MeetingId is { } id ? draft.Meetings.FirstOrDefault(m => m.MeetingId == id) : NewMeeting(draft, copy);
            if (meeting is null)
            {
                missing += 1 + copy.Items.Count;
                continue;
            }

            if (copy.MeetingId is not null)
            {
                missing += ApplyMeeting(meeting, copy);
            }

            foreach (var item in copy.Items)
            {
                missing += ApplyItem(meeting, item) ? 0 : 1;
            }

            // The order the editor left: stored items keep their places, new ones take theirs.
            meeting.Participants.Sort((a, b) => a.Position.CompareTo(b.Position));
            meeting.Resolutions.Sort((a, b) => a.Position.CompareTo(b.Position));
            meeting.Documents.Sort((a, b) => a.Position.CompareTo(b.Position));
        }

        return missing;
    }

    // Whether the stored report already says everything the copy holds: a save went through but
    // the page closed before it could tell the browser. Such a copy is forgotten, not restored.
    public bool IsSavedIn(ReviewDraft fresh)
    {
        if (fresh.ReportId != ReportId)
        {
            return false;
        }

        if (Header is { } h && (h.Headline, h.Outlet, h.Published, h.SourceUrl) != (fresh.Headline, fresh.Outlet, fresh.Published, fresh.SourceUrl))
        {
            return false;
        }

        foreach (var copy in Meetings)
        {
            var meeting = copy.MeetingId is { } id
                ? fresh.Meetings.FirstOrDefault(m => m.MeetingId == id)
                : fresh.Meetings.FirstOrDefault(m => m.Body == copy.Body && m.Date == copy.Date);
            if (copy.Removed)
            {
                if (meeting is not null && copy.MeetingId is not null)
                {
                    return false;
                }

                continue;
            }

            if (meeting is null || (copy.Changed && (meeting.Body, meeting.Date, meeting.Session, meeting.Location) != (copy.Body, copy.Date, copy.Session, copy.Location))
                || (copy.VerdictChanged && meeting.Verdict != copy.Verdict))
            {
                return false;
            }

            foreach (var item in copy.Items)
            {
                var theirs = item.Id is { } itemId
                    ? meeting.Items.FirstOrDefault(i => i.Id == itemId)
                    : meeting.Items.FirstOrDefault(i => i.Kind == item.Kind && i.Label == item.Label && i.SpanStart == item.SpanStart);
                var saved = item.Removed
                    ? theirs is null || item.Id is null
                    : theirs is not null && theirs.Label == item.Label && theirs.Verdict == item.Verdict;
                if (!saved)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static ReviewMeeting NewMeeting(ReviewDraft draft, MeetingCopy copy)
    {
        var meeting = new ReviewMeeting
        {
            Body = copy.Body,
            BodyId = copy.BodyId,
            Date = copy.Date,
            Session = copy.Session,
            Location = copy.Location,
            SpanStart = copy.SpanStart,
            SpanLength = copy.SpanLength,
            Confidence = copy.Confidence,
            Verdict = copy.Verdict,
            InBulk = copy.InBulk,
            Removed = copy.Removed,
            Changed = true,
        };
        draft.Meetings.Add(meeting);
        return meeting;
    }

    private static int ApplyMeeting(ReviewMeeting meeting, MeetingCopy copy)
    {
        if (copy.Changed)
        {
            (meeting.BodyId, meeting.Body, meeting.Date, meeting.Session, meeting.Location) = (copy.BodyId, copy.Body, copy.Date, copy.Session, copy.Location);
            (meeting.SpanStart, meeting.SpanLength, meeting.Scope) = (copy.SpanStart, copy.SpanLength, copy.Scope);
            meeting.MeetingVersion = copy.MeetingVersion;
            meeting.Changed = true;
        }

        if (copy.VerdictChanged || copy.Removed)
        {
            (meeting.Verdict, meeting.InBulk, meeting.MergeInto) = (copy.Verdict, copy.InBulk, copy.MergeInto);
            meeting.SourceVersion = copy.SourceVersion;
        }

        meeting.Removed = copy.Removed;
        return 0;
    }

    private static bool ApplyItem(ReviewMeeting meeting, ItemCopy copy)
    {
        ReviewItem? item;
        if (copy.Id is { } id)
        {
            item = meeting.Items.FirstOrDefault(i => i.Id == id);
            if (item is null)
            {
                return false;
            }
        }
        else
        {
            item = copy.Kind switch
            {
                FactKind.Person => new ReviewParticipant { Name = copy.Label },
                FactKind.Resolution => new ReviewResolution { Text = copy.Label },
                _ => new ReviewDocumentAction { Title = copy.Label },
            };
            switch (item)
            {
                case ReviewParticipant p:
                    meeting.Participants.Add(p);
                    break;
                case ReviewResolution r:
                    meeting.Resolutions.Add(r);
                    break;
                case ReviewDocumentAction d:
                    meeting.Documents.Add(d);
                    break;
            }
        }

        if (copy.Changed || item.IsNew)
        {
            SetFields(item, copy);
            (item.SpanStart, item.SpanLength, item.Confidence, item.Position) = (copy.SpanStart, copy.SpanLength, copy.Confidence, copy.Position);
            (item.Version, item.SourceVersion) = (copy.Version, copy.SourceVersion);
            item.Changed = !item.IsNew;
        }

        if (copy.VerdictChanged || copy.Removed || copy.Changed || item.IsNew)
        {
            (item.Verdict, item.InBulk) = (copy.Verdict, copy.InBulk);
            item.SourceVersion = copy.SourceVersion;
        }

        item.Removed = copy.Removed;
        return true;
    }

    private static void SetFields(ReviewItem item, ItemCopy copy)
    {
        switch (item)
        {
            case ReviewParticipant p:
                (p.PersonId, p.Name, p.TitleAsWritten, p.Role) = (copy.LinkedId, copy.Label, copy.Detail, (ParticipationRole)copy.Choice);
                break;
            case ReviewResolution r:
                (r.Text, r.Verb, r.IssuedBy) = (copy.Label, copy.Detail ?? string.Empty, copy.IssuedBy);
                break;
            case ReviewDocumentAction d:
                (d.DocumentId, d.Title, d.DocumentKind, d.Action) = (copy.LinkedId, copy.Label, copy.Detail, (DocumentActionKind)copy.Choice);
                break;
        }
    }

    private static ItemCopy CopyOf(ReviewItem item)
    {
        var copy = new ItemCopy
        {
            Kind = item.Kind,
            Id = item.Id,
            Version = item.Version,
            SourceVersion = item.SourceVersion,
            Changed = item.Changed,
            VerdictChanged = item.VerdictChanged,
            Removed = item.Removed,
            SpanStart = item.SpanStart,
            SpanLength = item.SpanLength,
            Confidence = item.Confidence,
            Position = item.Position,
            Verdict = item.Verdict,
            InBulk = item.InBulk,
            Label = item.Label,
        };
        return item switch
        {
            ReviewParticipant p => copy with { LinkedId = p.PersonId, Detail = p.TitleAsWritten, Choice = (int)p.Role },
            ReviewResolution r => copy with { Detail = r.Verb, IssuedBy = r.IssuedBy },
            ReviewDocumentAction d => copy with { LinkedId = d.DocumentId, Detail = d.DocumentKind, Choice = (int)d.Action },
            _ => copy,
        };
    }
}
