using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Editing;

// The editor's working copy of one report's extraction. The review page changes it in memory
// through the methods here; ReviewSaver writes the differences in one transaction, checking each
// row's Version.
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

    // What a save would write, as the page counts it: the header, each meeting and each item.
    public int Unsaved => (HeaderChanged ? 1 : 0) + Meetings.Count(m => m.IsNew ? !m.Removed : m.Changed || m.Removed)
        + Items.Count(i => i.HasChanges);

    // Items still in the report: those of removed meetings and removed items do not count.
    public IEnumerable<ReviewItem> Kept => Meetings.Where(m => !m.Removed).SelectMany(m => m.Items).Where(i => !i.Removed);

    public int Total => Kept.Count();

    public int VerifiedCount => Kept.Count(i => i.Verified);

    public ReviewItem? Find(string key) => Items.FirstOrDefault(i => i.Key == key);

    public ReviewMeeting? FindMeeting(string? key) => Meetings.FirstOrDefault(m => m.Key == key);

    public ReviewMeeting? MeetingOf(ReviewItem item) => Meetings.FirstOrDefault(m => m.Items.Contains(item));

    // Where an item taken from a selection goes: the chosen meeting, else the first one still in the report.
    public ReviewMeeting? TargetMeeting(string? key) =>
        Meetings.FirstOrDefault(m => m.Key == key && !m.Removed) ?? Meetings.FirstOrDefault(m => !m.Removed);

    // Items still in the report that nobody has looked at.
    public IEnumerable<ReviewItem> Unjudged => Meetings.Where(m => !m.Removed).SelectMany(m => m.Items).Where(i => !i.Removed && !i.IsNew && i.Verdict == Verdict.Extracted);

    public void EditHeader(Action<ReviewDraft> change)
    {
        change(this);
        HeaderChanged = true;
    }

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

    // The part of the text a person selected, without the white space at either end; null when
    // nothing of the text is left.
    public (int Start, int End)? Selection(int start, int end)
    {
        if (start < 0 || end <= start || end > Text.Length)
        {
            return null;
        }

        while (start < end && char.IsWhiteSpace(Text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(Text[end - 1]))
        {
            end--;
        }

        return end > start ? (start, end) : null;
    }

    public ReviewMeeting AddMeeting(string? body)
    {
        var meeting = new ReviewMeeting { Body = body ?? string.Empty, Verdict = Verdict.Added };
        Meetings.Add(meeting);
        return meeting;
    }

    // A new item of the meeting, named by the selected text when there is one, placed in report order.
    public ReviewItem AddItem(ReviewMeeting meeting, FactKind kind, (int Start, int End)? span = null)
    {
        var text = span is { } s ? Text[s.Start..s.End] : string.Empty;
        ReviewItem item = kind switch
        {
            FactKind.Person => new ReviewParticipant { Name = text, Role = ParticipationRole.Attendee },
            FactKind.Resolution => new ReviewResolution { Text = text, Verb = "called for" },
            _ => new ReviewDocumentAction { Title = text, Action = DocumentActionKind.Adopted },
        };
        item.Verdict = Verdict.Added;
        item.Confidence = 1;
        if (span is { } range)
        {
            item.SpanStart = range.Start;
            item.SpanLength = range.End - range.Start;
        }

        meeting.Insert(item);
        return item;
    }

    // A stored item is marked removed, kept for the quality figures and undoable; a new one is dropped.
    public void Remove(ReviewItem item)
    {
        if (item.IsNew)
        {
            foreach (var meeting in Meetings)
            {
                meeting.Drop(item);
            }
        }
        else
        {
            item.Removed = true;
        }
    }

    // Drops a meeting or item the editor added and then cancelled before applying.
    public void Discard(string key)
    {
        if (FindMeeting(key) is { IsNew: true } meeting)
        {
            Meetings.Remove(meeting);
        }
        else if (Find(key) is { IsNew: true } item)
        {
            Remove(item);
        }
    }

    // Why the draft cannot be saved as it stands, or null when it can.
    // The header fields' own limits (the report columns'), said on the field as well as at save.
    public string? HeadlineTooLong => FieldLimits.TooLong("The headline", Headline, FieldLimits.Headline);

    public string? OutletTooLong => FieldLimits.TooLong("The outlet", Outlet, FieldLimits.Outlet);

    public string? SourceUrlTooLong => FieldLimits.TooLong("The source URL", SourceUrl?.Trim(), FieldLimits.SourceUrl);

    public string? FirstProblem()
    {
        if (string.IsNullOrWhiteSpace(Headline))
        {
            return "The headline is empty.";
        }

        if ((HeadlineTooLong ?? OutletTooLong ?? SourceUrlTooLong) is { } tooLong)
        {
            return tooLong;
        }

        if (!string.IsNullOrWhiteSpace(SourceUrl) && !ReportInput.IsWebAddress(SourceUrl.Trim()))
        {
            return "The source URL must be a full http:// or https:// address.";
        }

        foreach (var meeting in Meetings.Where(m => !m.Removed))
        {
            if (string.IsNullOrWhiteSpace(meeting.Body))
            {
                return "Every meeting needs a body.";
            }

            if (meeting.MovesSharedMeeting && meeting.Scope == MeetingEditScope.Unasked && meeting.MergeInto is null)
            {
                return $"The meeting of {meeting.Body} is also described by {meeting.OtherSources} other report(s). "
                    + $"Choose whether to move only this report to the meeting with the new body and date, or to change the meeting for all {meeting.OtherSources + 1} reports.";
            }

            foreach (var item in meeting.Items.Where(i => !i.Removed))
            {
                if (string.IsNullOrWhiteSpace(item.Label))
                {
                    return $"An item of the meeting of {meeting.Body} has no {(item.Kind == FactKind.Person ? "name" : "text")}.";
                }

                if (item.SpanStart < 0 || item.SpanLength < 0 || item.SpanEnd > Text.Length)
                {
                    return $"“{item.Label}” points outside the report text.";
                }
            }
        }

        return null;
    }

    // After a conflict: "keep mine" takes the current versions, so the next save goes through.
    // Fields the editor did not change take the other editor's values first (a three-way merge).
    public void KeepMine(ReviewDraft? fresh, IEnumerable<ReviewConflict> conflicts)
    {
        foreach (var conflict in conflicts)
        {
            if (conflict.Key == ReviewConflict.ReportKey)
            {
                Version = conflict.CurrentVersion;
                HeaderChanged = true;
            }
            else if (FindMeeting(conflict.Key) is { } meeting)
            {
                meeting.MeetingVersion = conflict.CurrentVersion;
                meeting.Changed = true;
            }
            else if (conflict.OnSource && Find(conflict.ItemKey) is { } judged)
            {
                judged.SourceVersion = conflict.CurrentVersion;
            }
            else if (Find(conflict.Key) is { } item)
            {
                if (fresh?.Items.FirstOrDefault(i => i.Id == item.Id) is { } theirs)
                {
                    item.TakeUntouchedFields(theirs);
                }

                item.Version = conflict.CurrentVersion;
                item.SourceVersion = conflict.CurrentSourceVersion ?? item.SourceVersion;
                item.Changed = true;
            }
        }
    }

    // "Use theirs": the conflicting records are replaced by their stored state; other edits stay.
    public void TakeTheirs(ReviewDraft fresh, IEnumerable<ReviewConflict> conflicts)
    {
        foreach (var conflict in conflicts)
        {
            if (conflict.Key == ReviewConflict.ReportKey)
            {
                (Headline, Outlet, Published, SourceUrl, Status, Version, HeaderChanged) =
                    (fresh.Headline, fresh.Outlet, fresh.Published, fresh.SourceUrl, fresh.Status, fresh.Version, false);
                continue;
            }

            foreach (var meeting in Meetings)
            {
                if (meeting.Key == conflict.Key && fresh.Meetings.FirstOrDefault(m => m.MeetingId == meeting.MeetingId) is { } theirs)
                {
                    meeting.TakeFields(theirs);
                }

                meeting.Replace(conflict.ItemKey, fresh);
            }
        }
    }
}
