using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Editing;

// Reads a report's extraction as an editable draft: the report's header, each meeting this report
// describes, and this report's claims of each meeting's facts with their verdicts.
public sealed class ReviewLoader(IDbContextFactory<PolicyTrackerDbContext> factory, TimeProvider time)
{
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
}
