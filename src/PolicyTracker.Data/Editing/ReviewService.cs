using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import;

namespace PolicyTracker.Data.Editing;

// Loads a report's extraction as an editable draft and writes the editor's changes back:
// save draft or publish, each in one transaction, refusing to overwrite rows changed meanwhile.
public sealed partial class ReviewService(
    IDbContextFactory<PolicyTrackerDbContext> factory, TimeProvider time, ICurrentUser user, ILogger<ReviewService>? logger = null)
{
    private readonly ILogger _log = logger ?? NullLogger<ReviewService>.Instance;

    public async Task<ReviewDraft?> LoadAsync(Guid reportId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var report = await db.Reports.AsNoTracking().IgnoreQueryFilters().Where(r => r.Id == reportId)
            .Select(r => new { r.Id, r.Version, r.Text, r.Headline, r.Outlet, r.Published, r.SourceUrl, r.Status, r.EnteredBy, r.EnteredAt, r.ExtractorVersion, r.DeletedAt })
            .SingleOrDefaultAsync(ct);
        if (report is null || report.DeletedAt is not null)
        {
            return null;
        }

        var sources = await db.MeetingSources.AsNoTracking().Where(s => s.SourceReportId == reportId)
            .Select(s => new
            {
                s.Id,
                s.Version,
                s.MeetingId,
                s.SpanStart,
                s.SpanLength,
                s.Confidence,
                s.Verified,
                MeetingVersion = s.Meeting.Version,
                s.Meeting.OrganizationId,
                Body = s.Meeting.Organization.Name,
                s.Meeting.Date,
                s.Meeting.Session,
                s.Meeting.Location,
                OtherSources = s.Meeting.Sources.Count(o => o.SourceReportId != reportId),
            })
            .OrderBy(s => s.SpanStart).ThenBy(s => s.Date)
            .ToListAsync(ct);
        var participants = await db.Participations.AsNoTracking().Where(p => p.SourceReportId == reportId)
            .OrderBy(p => p.Position).ThenBy(p => p.SpanStart)
            .Select(p => new
            {
                p.MeetingId,
                Item = new ReviewParticipant
                {
                    Id = p.Id,
                    Version = p.Version,
                    SpanStart = p.SpanStart,
                    SpanLength = p.SpanLength,
                    Confidence = p.Confidence,
                    Verified = p.Verified,
                    VerifiedBy = p.VerifiedBy,
                    PersonId = p.PersonId,
                    Name = p.Person.Name,
                    Role = p.Role,
                    TitleAsWritten = p.TitleAsWritten,
                    Position = p.Position,
                }
            })
            .ToListAsync(ct);
        var resolutions = await db.Resolutions.AsNoTracking().Where(r => r.SourceReportId == reportId)
            .OrderBy(r => r.Position).ThenBy(r => r.SpanStart)
            .Select(r => new
            {
                r.MeetingId,
                Item = new ReviewResolution
                {
                    Id = r.Id,
                    Version = r.Version,
                    SpanStart = r.SpanStart,
                    SpanLength = r.SpanLength,
                    Confidence = r.Confidence,
                    Verified = r.Verified,
                    VerifiedBy = r.VerifiedBy,
                    Text = r.Text,
                    Verb = r.Verb,
                    IssuedBy = r.IssuedBy,
                    Position = r.Position,
                }
            })
            .ToListAsync(ct);
        var documents = await db.DocumentActions.AsNoTracking().Where(a => a.SourceReportId == reportId)
            .OrderBy(a => a.Position).ThenBy(a => a.SpanStart)
            .Select(a => new
            {
                a.MeetingId,
                Item = new ReviewDocumentAction
                {
                    Id = a.Id,
                    Version = a.Version,
                    SpanStart = a.SpanStart,
                    SpanLength = a.SpanLength,
                    Confidence = a.Confidence,
                    Verified = a.Verified,
                    VerifiedBy = a.VerifiedBy,
                    DocumentId = a.DocumentId,
                    Title = a.Document.Title,
                    DocumentKind = a.Document.Kind,
                    Action = a.Action,
                    Position = a.Position,
                }
            })
            .ToListAsync(ct);

        var draft = new ReviewDraft
        {
            ReportId = report.Id,
            Version = report.Version,
            Text = report.Text,
            Headline = report.Headline,
            Outlet = report.Outlet,
            Published = report.Published,
            SourceUrl = report.SourceUrl,
            Status = report.Status,
            EnteredBy = report.EnteredBy,
            EnteredAt = report.EnteredAt,
            ExtractorVersion = report.ExtractorVersion,
            LoadedAt = time.GetUtcNow(),
        };
        var meetingIds = sources.Select(s => s.MeetingId)
            .Concat(participants.Select(p => p.MeetingId)).Concat(resolutions.Select(r => r.MeetingId)).Concat(documents.Select(d => d.MeetingId))
            .Distinct().ToList();
        var orphans = meetingIds.Except(sources.Select(s => s.MeetingId)).ToList();
        var orphanMeetings = orphans.Count == 0 ? [] : await db.Meetings.AsNoTracking().Where(m => orphans.Contains(m.Id))
            .Select(m => new { m.Id, m.Version, m.OrganizationId, Body = m.Organization.Name, m.Date, m.Session, m.Location })
            .ToListAsync(ct);

        foreach (var s in sources)
        {
            draft.Meetings.Add(new ReviewMeeting
            {
                MeetingId = s.MeetingId,
                SourceId = s.Id,
                SourceVersion = s.Version,
                MeetingVersion = s.MeetingVersion,
                BodyId = s.OrganizationId,
                Body = s.Body,
                Date = s.Date,
                Session = s.Session,
                Location = s.Location,
                SpanStart = s.SpanStart,
                SpanLength = s.SpanLength,
                Confidence = s.Confidence,
                Verified = s.Verified,
                OtherSources = s.OtherSources,
            });
        }

        foreach (var m in orphanMeetings)
        {
            draft.Meetings.Add(new ReviewMeeting
            {
                MeetingId = m.Id,
                MeetingVersion = m.Version,
                BodyId = m.OrganizationId,
                Body = m.Body,
                Date = m.Date,
                Session = m.Session,
                Location = m.Location,
            });
        }

        var byMeeting = draft.Meetings.Where(m => m.MeetingId is not null).GroupBy(m => m.MeetingId!.Value).ToDictionary(g => g.Key, g => g.First());
        foreach (var p in participants)
        {
            byMeeting[p.MeetingId].Participants.Add(p.Item);
        }

        foreach (var r in resolutions)
        {
            byMeeting[r.MeetingId].Resolutions.Add(r.Item);
        }

        foreach (var d in documents)
        {
            byMeeting[d.MeetingId].Documents.Add(d.Item);
        }

        foreach (var item in draft.Items)
        {
            item.Snapshot();
        }

        return draft;
    }

    // Writes every change in the draft in one transaction. Publishing also marks every remaining
    // item verified by the current editor: a published report is one a person has checked.
    public async Task<ReviewSaveResult> SaveAsync(ReviewDraft draft, bool publish, CancellationToken ct = default)
    {
        if (Validate(draft) is { } invalid)
        {
            return new ReviewSaveResult(SaveOutcome.Invalid, invalid, []);
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == draft.ReportId, ct);
                if (report is null)
                {
                    return new ReviewSaveResult(SaveOutcome.NotFound, "This report no longer exists.", []);
                }

                var conflicts = await FindConflictsAsync(db, draft, publish, ct);
                if (conflicts.Count > 0)
                {
                    _log.LogWarning("Review of report {ReportId} by {User} not saved: {Count} record(s) changed meanwhile", draft.ReportId, user.Name, conflicts.Count);
                    return new ReviewSaveResult(SaveOutcome.Conflict, Conflicted(conflicts.Count), conflicts);
                }

                var counts = await ApplyAsync(db, report, draft, publish, ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                _log.LogInformation("Report {ReportId} {Action} by {User}: {Writes} record(s) written", draft.ReportId, publish ? "published" : "saved as draft", user.Name, counts);
                return ReviewSaveResult.Ok(publish
                    ? $"Published: {counts} record(s) written and verified."
                    : $"Draft saved: {counts} change(s).");
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between the check and the write: report what they changed.
            await using var fresh = await factory.CreateDbContextAsync(ct);
            var conflicts = await FindConflictsAsync(fresh, draft, publish, ct);
            return new ReviewSaveResult(SaveOutcome.Conflict, Conflicted(Math.Max(1, conflicts.Count)), conflicts);
        }
    }

    // After a conflict: "keep mine" takes the current versions, so the next save goes through.
    // Fields the editor did not change take the other editor's values first (a three-way merge).
    public static void KeepMine(ReviewDraft draft, ReviewDraft? fresh, IEnumerable<ReviewConflict> conflicts)
    {
        foreach (var conflict in conflicts)
        {
            if (conflict.Key == ReportKey)
            {
                draft.Version = conflict.CurrentVersion;
                draft.HeaderChanged = true;
            }
            else if (draft.Meetings.FirstOrDefault(m => m.Key == conflict.Key) is { } meeting)
            {
                meeting.MeetingVersion = conflict.CurrentVersion;
                meeting.Changed = true;
            }
            else if (draft.Find(conflict.Key) is { } item)
            {
                if (fresh?.Items.FirstOrDefault(i => i.Id == item.Id) is { } theirs && item.Original is { } original)
                {
                    MergeFields(item, original, theirs);
                }

                item.Version = conflict.CurrentVersion;
                item.Changed = true;
            }
        }
    }

    private static void MergeFields(ReviewItem mine, ReviewItem original, ReviewItem theirs)
    {
        switch ((mine, original, theirs))
        {
            case (ReviewParticipant m, ReviewParticipant o, ReviewParticipant t):
                (m.PersonId, m.Name) = Pick((m.PersonId, m.Name), (o.PersonId, o.Name), (t.PersonId, t.Name));
                m.Role = Pick(m.Role, o.Role, t.Role);
                m.TitleAsWritten = Pick(m.TitleAsWritten, o.TitleAsWritten, t.TitleAsWritten);
                m.Position = Pick(m.Position, o.Position, t.Position);
                break;
            case (ReviewResolution m, ReviewResolution o, ReviewResolution t):
                m.Text = Pick(m.Text, o.Text, t.Text);
                m.Verb = Pick(m.Verb, o.Verb, t.Verb);
                m.IssuedBy = Pick(m.IssuedBy, o.IssuedBy, t.IssuedBy);
                break;
            case (ReviewDocumentAction m, ReviewDocumentAction o, ReviewDocumentAction t):
                (m.DocumentId, m.Title) = Pick((m.DocumentId, m.Title), (o.DocumentId, o.Title), (t.DocumentId, t.Title));
                m.DocumentKind = Pick(m.DocumentKind, o.DocumentKind, t.DocumentKind);
                m.Action = Pick(m.Action, o.Action, t.Action);
                break;
        }

        (mine.SpanStart, mine.SpanLength) = Pick((mine.SpanStart, mine.SpanLength), (original.SpanStart, original.SpanLength), (theirs.SpanStart, theirs.SpanLength));
        mine.Verified |= theirs.Verified;
    }

    private static T Pick<T>(T mine, T original, T theirs) => EqualityComparer<T>.Default.Equals(mine, original) ? theirs : mine;

    // "Use theirs": the conflicting items are replaced by their stored state; other edits stay.
    public static void TakeTheirs(ReviewDraft draft, ReviewDraft fresh, IEnumerable<ReviewConflict> conflicts)
    {
        foreach (var conflict in conflicts)
        {
            if (conflict.Key == ReportKey)
            {
                (draft.Headline, draft.Outlet, draft.Published, draft.SourceUrl, draft.Status, draft.Version, draft.HeaderChanged) =
                    (fresh.Headline, fresh.Outlet, fresh.Published, fresh.SourceUrl, fresh.Status, fresh.Version, false);
                continue;
            }

            foreach (var meeting in draft.Meetings)
            {
                if (meeting.Key == conflict.Key && fresh.Meetings.FirstOrDefault(m => m.MeetingId == meeting.MeetingId) is { } theirs)
                {
                    (meeting.BodyId, meeting.Body, meeting.Date, meeting.Session, meeting.Location, meeting.MeetingVersion, meeting.Changed) =
                        (theirs.BodyId, theirs.Body, theirs.Date, theirs.Session, theirs.Location, theirs.MeetingVersion, false);
                }

                Replace(meeting.Participants, conflict.Key, fresh);
                Replace(meeting.Resolutions, conflict.Key, fresh);
                Replace(meeting.Documents, conflict.Key, fresh);
            }
        }
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

    internal const string ReportKey = "report";

    private static string Conflicted(int count) =>
        $"{count} record(s) were changed by someone else since you opened this report. Nothing was saved; your changes are still here.";

    private static string? Validate(ReviewDraft draft)
    {
        if (string.IsNullOrWhiteSpace(draft.Headline))
        {
            return "The headline is empty.";
        }

        if (!string.IsNullOrWhiteSpace(draft.SourceUrl) && !ReportInput.IsWebAddress(draft.SourceUrl.Trim()))
        {
            return "The source URL must be a full http:// or https:// address.";
        }

        foreach (var meeting in draft.Meetings.Where(m => !m.Removed))
        {
            if (string.IsNullOrWhiteSpace(meeting.Body))
            {
                return "Every meeting needs a body.";
            }

            foreach (var item in meeting.Items.Where(i => !i.Removed))
            {
                if (string.IsNullOrWhiteSpace(item.Label))
                {
                    return $"An item of the meeting of {meeting.Body} has no {(item.Kind == FactKind.Person ? "name" : "text")}.";
                }

                if (item.SpanStart < 0 || item.SpanLength < 0 || item.SpanEnd > draft.Text.Length)
                {
                    return $"“{item.Label}” points outside the report text.";
                }
            }
        }

        return null;
    }

    private async Task<int> ApplyAsync(PolicyTrackerDbContext db, Report report, ReviewDraft draft, bool publish, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var writes = 0;
        if (draft.HeaderChanged || publish)
        {
            db.Entry(report).Property(r => r.Version).OriginalValue = draft.Version;
            report.Headline = TextKeys.Clean(draft.Headline);
            report.Outlet = Blank(draft.Outlet);
            report.Published = draft.Published;
            report.SourceUrl = Blank(draft.SourceUrl);
            if (publish)
            {
                report.Status = ReportStatus.Published;
            }

            writes++;
        }

        foreach (var reviewed in draft.Meetings)
        {
            if (reviewed.IsNew && reviewed.Removed)
            {
                continue;
            }

            var meeting = await MeetingAsync(db, reviewed, ct);
            if (reviewed.Removed)
            {
                writes += await RemoveMeetingAsync(db, report.Id, meeting, reviewed, ct);
                continue;
            }

            var source = reviewed.SourceId is { } sourceId
                ? await db.MeetingSources.IgnoreQueryFilters().SingleAsync(s => s.Id == sourceId, ct)
                : null;
            if (source is null)
            {
                source = new MeetingSource { Meeting = meeting, SourceReportId = report.Id, SpanStart = 0, SpanLength = 0, Confidence = 1 };
                db.MeetingSources.Add(source);
                writes++;
            }

            if (publish && !source.Verified)
            {
                db.Entry(source).Property(s => s.Version).OriginalValue = reviewed.SourceVersion;
                Verify(source, now);
            }

            writes += await ApplyParticipantsAsync(db, report, meeting, reviewed, publish, now, ct);
            writes += await ApplyResolutionsAsync(db, report, meeting, reviewed, publish, now, ct);
            writes += await ApplyDocumentsAsync(db, report, meeting, reviewed, publish, now, ct);
        }

        return writes;
    }

    private static async Task<Meeting> MeetingAsync(PolicyTrackerDbContext db, ReviewMeeting reviewed, CancellationToken ct)
    {
        if (reviewed.MeetingId is { } id)
        {
            var meeting = await db.Meetings.IgnoreQueryFilters().SingleAsync(m => m.Id == id, ct);
            if (reviewed.Changed && !reviewed.Removed)
            {
                db.Entry(meeting).Property(m => m.Version).OriginalValue = reviewed.MeetingVersion;
                var body = await EntityLookup.FindOrCreateBodyAsync(db, reviewed.BodyId, reviewed.Body, ct);
                meeting.Organization = body;
                meeting.Date = reviewed.Date;
                meeting.Session = Blank(reviewed.Session);
                meeting.Location = Blank(reviewed.Location);
                Restore(meeting);
            }

            return meeting;
        }

        var newBody = await EntityLookup.FindOrCreateBodyAsync(db, reviewed.BodyId, reviewed.Body, ct);
        var added = new Meeting
        {
            Organization = newBody,
            Date = reviewed.Date,
            Session = Blank(reviewed.Session),
            Location = Blank(reviewed.Location),
        };
        db.Meetings.Add(added);
        return added;
    }

    private static async Task<int> RemoveMeetingAsync(PolicyTrackerDbContext db, Guid reportId, Meeting meeting, ReviewMeeting reviewed, CancellationToken ct)
    {
        var writes = 0;
        foreach (var item in reviewed.Items.Where(i => i.Id is not null))
        {
            item.Removed = true;
        }

        writes += await RemoveItemsAsync(db.Participations, reviewed.Participants, ct);
        writes += await RemoveItemsAsync(db.Resolutions, reviewed.Resolutions, ct);
        writes += await RemoveItemsAsync(db.DocumentActions, reviewed.Documents, ct);
        if (reviewed.SourceId is { } sourceId)
        {
            var source = await db.MeetingSources.SingleAsync(s => s.Id == sourceId, ct);
            db.Entry(source).Property(s => s.Version).OriginalValue = reviewed.SourceVersion;
            db.MeetingSources.Remove(source);
            writes++;
        }

        // The meeting itself goes only when no other report describes it.
        if (!await db.MeetingSources.AnyAsync(s => s.MeetingId == meeting.Id && s.SourceReportId != reportId, ct))
        {
            db.Meetings.Remove(meeting);
            writes++;
        }

        return writes;
    }

    private static async Task<int> RemoveItemsAsync<T>(DbSet<T> set, IEnumerable<ReviewItem> items, CancellationToken ct)
        where T : ExtractedRecord
    {
        var writes = 0;
        foreach (var item in items.Where(i => i.Id is not null && i.Removed))
        {
            var row = await set.SingleOrDefaultAsync(r => r.Id == item.Id, ct);
            if (row is not null)
            {
                set.Entry(row).Property(r => r.Version).OriginalValue = item.Version;
                set.Remove(row);
                writes++;
            }
        }

        return writes;
    }

    private async Task<int> ApplyParticipantsAsync(PolicyTrackerDbContext db, Report report, Meeting meeting, ReviewMeeting reviewed, bool publish, DateTimeOffset now, CancellationToken ct)
    {
        var writes = await RemoveItemsAsync(db.Participations, reviewed.Participants, ct);
        foreach (var item in reviewed.Participants.Where(i => !i.Removed))
        {
            var row = await RowAsync(db.Participations, item, publish, ct);
            if (row is null && !item.IsNew)
            {
                continue;
            }

            var person = await EntityLookup.FindOrCreatePersonAsync(db, item.PersonId, item.Name, ct);
            if (row is null)
            {
                row = new Participation { Meeting = meeting, Person = person, SourceReportId = report.Id, Confidence = 1 };
                db.Participations.Add(row);
            }

            row.Person = person;
            row.Meeting = meeting;
            row.Role = item.Role;
            row.TitleAsWritten = Blank(item.TitleAsWritten);
            row.Position = item.Position;
            Span(row, item);
            RecordTitle(person, row.TitleAsWritten, meeting.Date ?? report.Published, report);
            if (publish || item.Verified)
            {
                Verify(row, now);
            }

            writes++;
        }

        return writes;
    }

    private async Task<int> ApplyResolutionsAsync(PolicyTrackerDbContext db, Report report, Meeting meeting, ReviewMeeting reviewed, bool publish, DateTimeOffset now, CancellationToken ct)
    {
        var writes = await RemoveItemsAsync(db.Resolutions, reviewed.Resolutions, ct);
        foreach (var item in reviewed.Resolutions.Where(i => !i.Removed))
        {
            var row = await RowAsync(db.Resolutions, item, publish, ct);
            if (row is null && !item.IsNew)
            {
                continue;
            }

            if (row is null)
            {
                row = new Resolution { Meeting = meeting, SourceReportId = report.Id, Text = item.Text, Verb = item.Verb, Confidence = 1 };
                db.Resolutions.Add(row);
            }

            row.Meeting = meeting;
            row.Text = item.Text.Trim();
            row.Verb = item.Verb.Trim();
            row.IssuedBy = Blank(item.IssuedBy);
            row.Position = item.Position;
            Span(row, item);
            if (publish || item.Verified)
            {
                Verify(row, now);
            }

            writes++;
        }

        return writes;
    }

    private async Task<int> ApplyDocumentsAsync(PolicyTrackerDbContext db, Report report, Meeting meeting, ReviewMeeting reviewed, bool publish, DateTimeOffset now, CancellationToken ct)
    {
        var writes = await RemoveItemsAsync(db.DocumentActions, reviewed.Documents, ct);
        foreach (var item in reviewed.Documents.Where(i => !i.Removed))
        {
            var row = await RowAsync(db.DocumentActions, item, publish, ct);
            if (row is null && !item.IsNew)
            {
                continue;
            }

            var document = await EntityLookup.FindOrCreateDocumentAsync(db, item.DocumentId, item.Title, Blank(item.DocumentKind), ct);
            if (row is null)
            {
                row = new DocumentAction { Meeting = meeting, Document = document, SourceReportId = report.Id, Confidence = 1 };
                db.DocumentActions.Add(row);
            }

            row.Document = document;
            row.Meeting = meeting;
            row.Action = item.Action;
            row.Position = item.Position;
            Span(row, item);
            if (publish || item.Verified)
            {
                Verify(row, now);
            }

            writes++;
        }

        return writes;
    }

    // The stored row an item will write to, with the version the editor saw as the concurrency
    // token; null when the item has no changes to write.
    private static async Task<T?> RowAsync<T>(DbSet<T> set, ReviewItem item, bool publish, CancellationToken ct)
        where T : ExtractedRecord
    {
        if (item.IsNew || !(item.Changed || (publish && !item.Verified)))
        {
            return null;
        }

        var row = await set.IgnoreQueryFilters().SingleOrDefaultAsync(r => r.Id == item.Id, ct);
        if (row is null)
        {
            return null;
        }

        set.Entry(row).Property(r => r.Version).OriginalValue = item.Version;
        Restore(row);
        return row;
    }

    private static void Span(ExtractedRecord row, ReviewItem item)
    {
        row.SpanStart = item.SpanStart;
        row.SpanLength = item.SpanLength;
    }

    private void Verify(ExtractedRecord row, DateTimeOffset now)
    {
        if (!row.Verified)
        {
            row.Verified = true;
            row.VerifiedBy = user.Name;
            row.VerifiedAt = now;
        }
    }

    private static void Restore(Entity entity)
    {
        if (entity.DeletedAt is not null)
        {
            entity.DeletedAt = null;
            entity.DeletedBy = null;
        }
    }

    private static void RecordTitle(Person person, string? title, DateOnly? seen, Report report)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return;
        }

        var existing = person.Titles.FirstOrDefault(t => string.Equals(t.Title, title, StringComparison.OrdinalIgnoreCase));
        if (existing is null)
        {
            person.Titles.Add(new PersonTitle { Title = title, FirstSeen = seen, LastSeen = seen, SourceReportId = report.Id });
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : TextKeys.Clean(value);

    internal static IReadOnlyList<FieldChange> Changes(string? oldJson, string? newJson)
    {
        var old = Parse(oldJson);
        var now = Parse(newJson);
        return [.. now.Keys.Union(old.Keys)
            .Where(k => k is not ("version" or "verified_at"))
            .Select(k => new FieldChange(k.Replace('_', ' '), old.GetValueOrDefault(k), now.GetValueOrDefault(k)))
            .Where(c => c.Old != c.New)];
    }

    private static Dictionary<string, string?> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                _ => p.Value.GetRawText(),
            });
    }
}
