using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import;
using PolicyTracker.Data.Records;

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

        // A meeting an editor removed from this report stays out of its draft.
        var sources = await db.MeetingSources.AsNoTracking().Where(s => s.SourceReportId == reportId && s.Verdict != Verdict.Removed)
            .Select(s => new
            {
                s.Id,
                s.Version,
                s.MeetingId,
                s.SpanStart,
                s.SpanLength,
                s.Confidence,
                s.Verdict,
                s.InBulk,
                MeetingVersion = s.Meeting.Version,
                s.Meeting.OrganizationId,
                Body = s.Meeting.Organization.Name,
                s.Meeting.Date,
                s.Meeting.Session,
                s.Meeting.Location,
                OtherSources = s.Meeting.Sources.Count(o => o.SourceReportId != reportId && o.Verdict != Verdict.Removed),
            })
            .OrderBy(s => s.SpanStart).ThenBy(s => s.Date)
            .ToListAsync(ct);
        var participants = await db.ParticipationSources.AsNoTracking().Where(s => s.SourceReportId == reportId && s.Verdict != Verdict.Removed)
            .OrderBy(s => s.Fact.Position).ThenBy(s => s.SpanStart)
            .Select(s => new
            {
                s.Fact.MeetingId,
                Item = new ReviewParticipant
                {
                    Id = s.FactId,
                    Version = s.Fact.Version,
                    SourceId = s.Id,
                    SourceVersion = s.Version,
                    SpanStart = s.SpanStart,
                    SpanLength = s.SpanLength,
                    Confidence = s.Confidence,
                    Verdict = s.Verdict,
                    InBulk = s.InBulk,
                    VerdictBy = s.VerdictBy,
                    VerdictAt = s.VerdictAt,
                    OtherReports = s.Fact.Sources.Count(o => o.SourceReportId != reportId && o.Verdict != Verdict.Removed),
                    PersonId = s.Fact.PersonId,
                    Name = s.Fact.Person.Name,
                    Role = s.Fact.Role,
                    TitleAsWritten = s.Fact.TitleAsWritten,
                    Position = s.Fact.Position,
                },
            })
            .ToListAsync(ct);
        var resolutions = await db.ResolutionSources.AsNoTracking().Where(s => s.SourceReportId == reportId && s.Verdict != Verdict.Removed)
            .OrderBy(s => s.Fact.Position).ThenBy(s => s.SpanStart)
            .Select(s => new
            {
                s.Fact.MeetingId,
                Item = new ReviewResolution
                {
                    Id = s.FactId,
                    Version = s.Fact.Version,
                    SourceId = s.Id,
                    SourceVersion = s.Version,
                    SpanStart = s.SpanStart,
                    SpanLength = s.SpanLength,
                    Confidence = s.Confidence,
                    Verdict = s.Verdict,
                    InBulk = s.InBulk,
                    VerdictBy = s.VerdictBy,
                    VerdictAt = s.VerdictAt,
                    OtherReports = s.Fact.Sources.Count(o => o.SourceReportId != reportId && o.Verdict != Verdict.Removed),
                    Text = s.Fact.Text,
                    Verb = s.Fact.Verb,
                    IssuedBy = s.Fact.IssuedBy,
                    Position = s.Fact.Position,
                },
            })
            .ToListAsync(ct);
        var documents = await db.DocumentActionSources.AsNoTracking().Where(s => s.SourceReportId == reportId && s.Verdict != Verdict.Removed)
            .OrderBy(s => s.Fact.Position).ThenBy(s => s.SpanStart)
            .Select(s => new
            {
                s.Fact.MeetingId,
                Item = new ReviewDocumentAction
                {
                    Id = s.FactId,
                    Version = s.Fact.Version,
                    SourceId = s.Id,
                    SourceVersion = s.Version,
                    SpanStart = s.SpanStart,
                    SpanLength = s.SpanLength,
                    Confidence = s.Confidence,
                    Verdict = s.Verdict,
                    InBulk = s.InBulk,
                    VerdictBy = s.VerdictBy,
                    VerdictAt = s.VerdictAt,
                    OtherReports = s.Fact.Sources.Count(o => o.SourceReportId != reportId && o.Verdict != Verdict.Removed),
                    DocumentId = s.Fact.DocumentId,
                    Title = s.Fact.Document.Title,
                    DocumentKind = s.Fact.Document.Kind,
                    Action = s.Fact.Action,
                    Position = s.Fact.Position,
                },
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
        var meetingIds = participants.Select(p => p.MeetingId).Concat(resolutions.Select(r => r.MeetingId)).Concat(documents.Select(d => d.MeetingId))
            .Distinct().ToList();
        var orphans = meetingIds.Except(sources.Select(s => s.MeetingId)).ToList();
        var orphanMeetings = orphans.Count == 0 ? [] : await db.Meetings.AsNoTracking().Where(m => orphans.Contains(m.Id))
            .Select(m => new { m.Id, m.Version, m.OrganizationId, Body = m.Organization.Name, m.Date, m.Session, m.Location, Sources = m.Sources.Count(s => s.SourceReportId != reportId) })
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
                LoadedBodyId = s.OrganizationId,
                Body = s.Body,
                Date = s.Date,
                LoadedDate = s.Date,
                Session = s.Session,
                Location = s.Location,
                SpanStart = s.SpanStart,
                SpanLength = s.SpanLength,
                Confidence = s.Confidence,
                Verdict = s.Verdict,
                LoadedVerdict = s.Verdict,
                InBulk = s.InBulk,
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
                LoadedBodyId = m.OrganizationId,
                Body = m.Body,
                Date = m.Date,
                LoadedDate = m.Date,
                Session = m.Session,
                Location = m.Location,
                OtherSources = m.Sources,
                Verdict = Verdict.Added,
                LoadedVerdict = Verdict.Added,
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

    // Writes every change in the draft in one transaction. Publishing publishes: it accepts nothing
    // nobody looked at (the editor's "accept all remaining" does that, and says so on each item).
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
                await transaction.CommitAsync(ct);
                _log.LogInformation("Report {ReportId} {Action} by {User}: {Writes} record(s) written", draft.ReportId, publish ? "published" : "saved as draft", user.Name, counts);
                var unjudged = draft.Unjudged.Count();
                return ReviewSaveResult.Ok(publish
                    ? $"Published: {counts} record(s) written; {unjudged} item(s) nobody has checked yet stay unverified."
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
            else if (conflict.Key.EndsWith(SourceSuffix, StringComparison.Ordinal) && draft.Find(conflict.Key[..^SourceSuffix.Length]) is { } judged)
            {
                judged.SourceVersion = conflict.CurrentVersion;
            }
            else if (draft.Find(conflict.Key) is { } item)
            {
                if (fresh?.Items.FirstOrDefault(i => i.Id == item.Id) is { } theirs && item.Original is { } original)
                {
                    MergeFields(item, original, theirs);
                }

                item.Version = conflict.CurrentVersion;
                item.SourceVersion = conflict.CurrentSourceVersion ?? item.SourceVersion;
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
        if (mine.Verdict == Verdict.Extracted)
        {
            (mine.Verdict, mine.InBulk) = (theirs.Verdict, theirs.InBulk);
        }
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

                var key = conflict.Key.EndsWith(SourceSuffix, StringComparison.Ordinal) ? conflict.Key[..^SourceSuffix.Length] : conflict.Key;
                Replace(meeting.Participants, key, fresh);
                Replace(meeting.Resolutions, key, fresh);
                Replace(meeting.Documents, key, fresh);
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

                if (item.SpanStart < 0 || item.SpanLength < 0 || item.SpanEnd > draft.Text.Length)
                {
                    return $"“{item.Label}” points outside the report text.";
                }
            }
        }

        return null;
    }

    // One save's working state: the resolver, the facts of each meeting touched, and what to tidy after.
    private sealed class Write(PolicyTrackerDbContext db, Report report, DateTimeOffset now)
    {
        public PolicyTrackerDbContext Db { get; } = db;

        public Report Report { get; } = report;

        public DateTimeOffset Now { get; } = now;

        public EntityResolver Resolver { get; } = new(db);

        public Dictionary<Guid, MeetingFacts> Facts { get; } = [];

        public HashSet<Guid> Meetings { get; } = [];

        public HashSet<Guid> Documents { get; } = [];

        public int Writes { get; set; }

        public async Task<MeetingFacts> FactsAsync(Meeting meeting, CancellationToken ct)
        {
            Meetings.Add(meeting.Id);
            if (!Facts.TryGetValue(meeting.Id, out var facts))
            {
                facts = await MeetingFacts.LoadAsync(Db, meeting, ct);
                Facts[meeting.Id] = facts;
            }

            return facts;
        }
    }

    private async Task<int> ApplyAsync(PolicyTrackerDbContext db, Report report, ReviewDraft draft, bool publish, CancellationToken ct)
    {
        var write = new Write(db, report, time.GetUtcNow());
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

            write.Writes++;
        }

        foreach (var reviewed in draft.Meetings)
        {
            if (reviewed.IsNew && reviewed.Removed)
            {
                continue;
            }

            if (reviewed.Removed)
            {
                await RemoveMeetingAsync(write, reviewed, ct);
                continue;
            }

            var meeting = await MeetingAsync(write, reviewed, ct);
            await MeetingSourceAsync(write, meeting, reviewed, ct);
            var facts = await write.FactsAsync(meeting, ct);
            var moved = reviewed.MeetingId is { } storedId && storedId != meeting.Id;
            if (moved)
            {
                write.Meetings.Add(reviewed.MeetingId!.Value);
            }

            foreach (var item in reviewed.Items)
            {
                await ApplyItemAsync(write, meeting, facts, item, moved, ct);
            }
        }

        await db.SaveChangesAsync(ct);
        await Orphans.RetireAsync(db, write.Meetings, ct);
        await Orphans.RetireDocumentsAsync(db, write.Documents, ct);
        await PublishedFlags.RefreshAsync(db, write.Meetings, ct);
        await PublishedFlags.RefreshReportAsync(db, report.Id, ct);
        return write.Writes;
    }

    // The meeting this report's claims belong to after the save: the stored one (changed in place
    // for every report, unless the editor chose to move only this report), a merge target, or a new one.
    private static async Task<Meeting> MeetingAsync(Write write, ReviewMeeting reviewed, CancellationToken ct)
    {
        var db = write.Db;
        if (reviewed.MergeInto is { } intoId)
        {
            return await db.Meetings.SingleAsync(m => m.Id == intoId, ct);
        }

        if (reviewed.MeetingId is { } id && !(reviewed.MovesSharedMeeting && reviewed.Scope == MeetingEditScope.ThisReport))
        {
            var stored = await db.Meetings.IgnoreQueryFilters().SingleAsync(m => m.Id == id, ct);
            if (reviewed.Changed)
            {
                db.Entry(stored).Property(m => m.Version).OriginalValue = reviewed.MeetingVersion;
                var body = await write.Resolver.BodyAsync(reviewed.BodyId, reviewed.Body, [], ct);
                stored.Organization = body;
                stored.Date = reviewed.Date;
                stored.Session = Blank(reviewed.Session);
                stored.Location = Blank(reviewed.Location);
                Restore(stored);
                write.Writes++;
            }

            return stored;
        }

        // A new meeting, or this report leaving a shared one: the body's meeting on that date if stored.
        var newBody = await write.Resolver.BodyAsync(reviewed.BodyId, reviewed.Body, [], ct);
        var existing = reviewed.Date is { } date && db.Entry(newBody).State != EntityState.Added
            ? await db.Meetings.Where(m => m.OrganizationId == newBody.Id && m.Date == date && m.Id != reviewed.MeetingId)
                .OrderBy(m => m.Id).FirstOrDefaultAsync(ct)
            : null;
        if (existing is not null)
        {
            existing.Session ??= Blank(reviewed.Session);
            existing.Location ??= Blank(reviewed.Location);
            return existing;
        }

        var added = new Meeting
        {
            Organization = newBody,
            OrganizationId = newBody.Id,
            Date = reviewed.Date,
            Session = Blank(reviewed.Session),
            Location = Blank(reviewed.Location),
        };
        db.Meetings.Add(added);
        write.Writes++;
        return added;
    }

    private async Task MeetingSourceAsync(Write write, Meeting meeting, ReviewMeeting reviewed, CancellationToken ct)
    {
        var db = write.Db;
        var source = reviewed.SourceId is { } sourceId
            ? await db.MeetingSources.SingleOrDefaultAsync(s => s.Id == sourceId, ct)
            : null;
        if (source is not null && source.MeetingId != meeting.Id)
        {
            var already = await db.MeetingSources.SingleOrDefaultAsync(s => s.MeetingId == meeting.Id && s.SourceReportId == write.Report.Id, ct);
            if (already is not null)
            {
                db.MeetingSources.Remove(source);
                source = already;
            }
            else
            {
                source.Meeting = meeting;
                source.MeetingId = meeting.Id;
            }

            write.Writes++;
        }

        if (source is null)
        {
            source = await db.MeetingSources.SingleOrDefaultAsync(s => s.MeetingId == meeting.Id && s.SourceReportId == write.Report.Id, ct);
        }

        if (source is null)
        {
            db.MeetingSources.Add(new MeetingSource
            {
                Meeting = meeting,
                MeetingId = meeting.Id,
                SourceReportId = write.Report.Id,
                Confidence = 1,
                Verdict = Verdict.Added,
                VerdictBy = user.Name,
                VerdictAt = write.Now,
            });
            write.Writes++;
            return;
        }

        var verdict = reviewed.Changed && reviewed.Verdict is Verdict.Extracted or Verdict.Accepted ? Verdict.Edited : reviewed.Verdict;
        if (source.Verdict != verdict || source.InBulk != reviewed.InBulk)
        {
            db.Entry(source).Property(s => s.Version).OriginalValue = reviewed.SourceVersion;
            Judge(source, verdict, reviewed.InBulk, write.Now);
            write.Writes++;
        }
    }

    // The editor removed a meeting from this report: its claims are marked removed, kept for the
    // quality figures; the meeting and facts go when no other report stands behind them.
    private async Task RemoveMeetingAsync(Write write, ReviewMeeting reviewed, CancellationToken ct)
    {
        var db = write.Db;
        var meetingId = reviewed.MeetingId!.Value;
        write.Meetings.Add(meetingId);
        foreach (var item in reviewed.Items.Where(i => !i.IsNew))
        {
            item.Removed = true;
            if (await SourceAsync(db, item, ct) is { } source)
            {
                db.Entry(source).Property(s => s.Version).OriginalValue = item.SourceVersion;
                Judge(source, Verdict.Removed, false, write.Now);
                write.Writes++;
            }
        }

        if (reviewed.SourceId is { } sourceId && await db.MeetingSources.SingleOrDefaultAsync(s => s.Id == sourceId, ct) is { } meetingSource)
        {
            db.Entry(meetingSource).Property(s => s.Version).OriginalValue = reviewed.SourceVersion;
            Judge(meetingSource, Verdict.Removed, false, write.Now);
            write.Writes++;
        }
    }

    // One item: its fact found or created by what identifies it, this report's source judged.
    // A fact other reports also claim is never rewritten into a different fact: this report's
    // source moves to the fact it now describes, and the others keep theirs.
    private async Task ApplyItemAsync(Write write, Meeting meeting, MeetingFacts facts, ReviewItem item, bool moved, CancellationToken ct)
    {
        if (item.IsNew ? item.Removed : !(item.HasChanges || moved))
        {
            return;
        }

        var db = write.Db;
        var source = item.IsNew ? null : await SourceAsync(db, item, ct);
        if (!item.IsNew && source is null)
        {
            return;
        }

        if (source is not null)
        {
            db.Entry(source).Property(s => s.Version).OriginalValue = item.SourceVersion;
        }

        if (item.Removed)
        {
            Judge(source!, Verdict.Removed, false, write.Now);
            write.Meetings.Add(FactOf(source!).MeetingId);
            write.Writes++;
            return;
        }

        if (item.Changed || moved || item.IsNew)
        {
            var fact = source is null ? null : FactOf(source);
            if (fact is not null && item.Changed)
            {
                db.Entry(fact).Property(f => f.Version).OriginalValue = item.Version;
            }

            var target = await TargetFactAsync(write, meeting, facts, item, fact, ct);
            if (source is null)
            {
                source = AddSource(target, write.Report.Id);
            }
            else if (!ReferenceEquals(target, fact))
            {
                source = MoveSource(db, source, target, write.Report.Id);
                write.Meetings.Add(fact!.MeetingId);
            }

            source.SpanStart = Math.Max(0, item.SpanStart);
            source.SpanLength = Math.Max(0, item.SpanLength);
            if (target is Participation { Person: { } person } participation)
            {
                RecordTitle(person, participation.TitleAsWritten, meeting.Date ?? write.Report.Published, write.Report);
            }
        }

        var verdict = item.IsNew ? Verdict.Added : item.Verdict;
        if (source!.Verdict != verdict || source.InBulk != item.InBulk || item.IsNew)
        {
            Judge(source, verdict, item.InBulk, write.Now);
        }

        write.Writes++;
    }

    // The fact the item now describes. The item's own fact is edited in place while it keeps its
    // identity, or while no other report claims it and no other fact has the new identity.
    private static async Task<Fact> TargetFactAsync(Write write, Meeting meeting, MeetingFacts facts, ReviewItem item, Fact? current, CancellationToken ct)
    {
        var db = write.Db;
        switch (item)
        {
            case ReviewParticipant p:
            {
                var person = await write.Resolver.PersonAsync(p.PersonId, p.Name, ct);
                var title = Blank(p.TitleAsWritten);
                var existing = facts.FindParticipation(person.Id);
                if (current is Participation own && (ReferenceEquals(existing, own) || (existing is null && item.OtherReports == 0)))
                {
                    facts.Forget(own);
                    (own.Meeting, own.MeetingId, own.Person, own.PersonId) = (meeting, meeting.Id, person, person.Id);
                    (own.Role, own.TitleAsWritten, own.Position) = (p.Role, title, p.Position);
                    Restore(own);
                    facts.Remember(own);
                    return own;
                }

                var fact = facts.Participation(person, p.Role, title, p.Position);
                if (item.Changed)
                {
                    (fact.Role, fact.TitleAsWritten) = (p.Role, title ?? fact.TitleAsWritten);
                }

                return fact;
            }

            case ReviewResolution r:
            {
                var text = r.Text.Trim();
                var issuer = Blank(r.IssuedBy) is { } name && !string.Equals(name, "meeting", StringComparison.OrdinalIgnoreCase)
                    ? await write.Resolver.FindPersonByMentionAsync(name, ct)
                    : null;
                var existing = facts.FindResolution(text);
                if (current is Resolution own && (ReferenceEquals(existing, own) || (existing is null && item.OtherReports == 0)))
                {
                    facts.Forget(own);
                    (own.Meeting, own.MeetingId, own.Text, own.TextKey) = (meeting, meeting.Id, text, TextKeys.Key(text));
                    (own.Verb, own.IssuedBy, own.IssuedByPerson, own.Position) = (r.Verb.Trim(), Blank(r.IssuedBy), issuer, r.Position);
                    Restore(own);
                    facts.Remember(own);
                    return own;
                }

                var fact = facts.Resolution(text, r.Verb.Trim(), Blank(r.IssuedBy), issuer, r.Position);
                if (item.Changed)
                {
                    (fact.Verb, fact.IssuedBy, fact.IssuedByPerson) = (r.Verb.Trim(), Blank(r.IssuedBy), issuer);
                }

                return fact;
            }

            case ReviewDocumentAction d:
            {
                var document = await write.Resolver.DocumentAsync(d.DocumentId, d.Title, Blank(d.DocumentKind), ct);
                if (current is DocumentAction { DocumentId: var previous } && previous != document.Id)
                {
                    write.Documents.Add(previous);
                }

                var existing = facts.FindAction(document.Id, d.Action);
                if (current is DocumentAction own && (ReferenceEquals(existing, own) || (existing is null && item.OtherReports == 0)))
                {
                    facts.Forget(own);
                    (own.Meeting, own.MeetingId, own.Document, own.DocumentId) = (meeting, meeting.Id, document, document.Id);
                    (own.Action, own.Position) = (d.Action, d.Position);
                    Restore(own);
                    facts.Remember(own);
                    return own;
                }

                return facts.Action(document, d.Action, d.Position);
            }

            default:
                throw new InvalidOperationException($"Unknown item {item.GetType().Name}.");
        }
    }

    private static async Task<FactSource?> SourceAsync(PolicyTrackerDbContext db, ReviewItem item, CancellationToken ct) => item switch
    {
        ReviewParticipant => await db.ParticipationSources.Include(s => s.Fact).ThenInclude(f => f.Sources).SingleOrDefaultAsync(s => s.Id == item.SourceId, ct),
        ReviewResolution => await db.ResolutionSources.Include(s => s.Fact).ThenInclude(f => f.Sources).SingleOrDefaultAsync(s => s.Id == item.SourceId, ct),
        _ => await db.DocumentActionSources.Include(s => s.Fact).ThenInclude(f => f.Sources).SingleOrDefaultAsync(s => s.Id == item.SourceId, ct),
    };

    private static Fact FactOf(FactSource source) => source switch
    {
        ParticipationSource p => p.Fact,
        ResolutionSource r => r.Fact,
        DocumentActionSource a => a.Fact,
        _ => throw new InvalidOperationException($"Unknown source {source.GetType().Name}."),
    };

    private static FactSource AddSource(Fact fact, Guid reportId) => fact switch
    {
        Participation p => Claims.Claim(p, reportId, () => new ParticipationSource { Confidence = 1 }),
        Resolution r => Claims.Claim(r, reportId, () => new ResolutionSource { Confidence = 1 }),
        DocumentAction a => Claims.Claim(a, reportId, () => new DocumentActionSource { Confidence = 1 }),
        _ => throw new InvalidOperationException($"Unknown fact {fact.GetType().Name}."),
    };

    // Re-points this report's source at another fact; when the report already claims that fact,
    // the old source is retired instead and the existing one carries the verdict.
    private static FactSource MoveSource(PolicyTrackerDbContext db, FactSource source, Fact target, Guid reportId)
    {
        var existing = target switch
        {
            Participation p => (FactSource?)p.Sources.FirstOrDefault(s => s.SourceReportId == reportId && s.DeletedAt is null),
            Resolution r => r.Sources.FirstOrDefault(s => s.SourceReportId == reportId && s.DeletedAt is null),
            DocumentAction a => a.Sources.FirstOrDefault(s => s.SourceReportId == reportId && s.DeletedAt is null),
            _ => null,
        };
        if (existing is not null && !ReferenceEquals(existing, source))
        {
            db.Remove(source);
            return existing;
        }

        switch ((source, target))
        {
            case (ParticipationSource s, Participation p):
                s.Fact.Sources.Remove(s);
                (s.Fact, s.FactId) = (p, p.Id);
                p.Sources.Add(s);
                break;
            case (ResolutionSource s, Resolution r):
                s.Fact.Sources.Remove(s);
                (s.Fact, s.FactId) = (r, r.Id);
                r.Sources.Add(s);
                break;
            case (DocumentActionSource s, DocumentAction a):
                s.Fact.Sources.Remove(s);
                (s.Fact, s.FactId) = (a, a.Id);
                a.Sources.Add(s);
                break;
        }

        return source;
    }

    private void Judge(FactSource source, Verdict verdict, bool inBulk, DateTimeOffset now)
    {
        source.Verdict = verdict;
        source.InBulk = inBulk && verdict == Verdict.Accepted;
        source.VerdictBy = user.Name;
        source.VerdictAt = now;
        Restore(source);
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
