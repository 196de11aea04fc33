using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Web.Features.Browse;
using PolicyTracker.Web.Features.Summary;

namespace PolicyTracker.Web.Features.Brief;

/// <summary>A decision, or a document acted on, with the sentences of the reports that say so.</summary>
public sealed record BriefResolution(string Verb, string Text, IReadOnlyList<SourceRef> Sources);

public sealed record BriefDocument(Guid DocumentId, string Title, DocumentActionKind Action, Guid MeetingId, string Body, DateOnly Date,
    IReadOnlyList<SourceRef> Sources);

public sealed record BriefMeeting(Guid Id, DateOnly Date, Guid BodyId, string Body, string? Session, string? Chair,
    IReadOnlyList<BriefResolution> Resolutions, IReadOnlyList<BriefDocument> Documents, IReadOnlyList<SourceRef> Sources);

public sealed record BriefName(Guid Id, string Name, int Meetings);

/// <summary>One week as a manager sends it upward: the meetings and what each called for, the documents adopted,
/// the people and bodies seen for the first time.</summary>
public sealed record WeeklyBrief(SummaryPeriod Week, IReadOnlyList<BriefMeeting> Meetings, int TotalMeetings,
    IReadOnlyList<BriefDocument> Adopted, IReadOnlyList<BriefName> NewPeople, IReadOnlyList<BriefName> NewBodies)
{
    public DateOnly Start => Week.Start!.Value;

    public DateOnly End => Week.End!.Value;

    /// <summary>Meetings of the week the brief leaves out (past <see cref="BriefQueries.MaxMeetings"/>); the list has them all.</summary>
    public int MoreMeetings => TotalMeetings - Meetings.Count;
}

public sealed class BriefQueries(PublishedData published)
{
    /// <summary>A brief is read, not searched: past this many meetings it says how many more the list has.</summary>
    public const int MaxMeetings = 200;

    public const int MaxNames = 100;

    public async Task<WeeklyBrief> GetAsync(SummaryPeriod week, CancellationToken ct = default)
    {
        var (start, end) = (week.Start!.Value, week.End!.Value);
        await using var db = await published.OpenAsync(ct);
        var inWeek = db.Meetings.Where(m => m.Date >= start && m.Date <= end);
        var total = await inWeek.CountAsync(ct);
        var meetings = await inWeek.OrderBy(m => m.Date).ThenBy(m => m.Organization.Name).ThenBy(m => m.Id).Take(MaxMeetings)
            .Select(m => new
            {
                m.Id,
                Date = m.Date!.Value,
                m.OrganizationId,
                Body = m.Organization.Name,
                m.Session,
                Chair = m.Participations.Where(p => p.Published && p.Role == ParticipationRole.Chair)
                    .OrderBy(p => p.Position).Select(p => p.Person.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var ids = meetings.Select(m => m.Id).ToList();

        var resolutions = await db.Resolutions.Where(r => ids.Contains(r.MeetingId)).OrderBy(r => r.Position).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.MeetingId, r.Verb, r.Text }).ToListAsync(ct);
        var resolutionSources = await db.ResolutionSources.Where(s => ids.Contains(s.Fact.MeetingId)).AsClaims().ByFactAsync(ct);
        var actions = await db.DocumentActions.Where(a => ids.Contains(a.MeetingId)).OrderBy(a => a.Position).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.MeetingId, a.DocumentId, a.Document.Title, a.Action }).ToListAsync(ct);
        var actionSources = await db.DocumentActionSources.Where(s => ids.Contains(s.Fact.MeetingId)).AsClaims().ByFactAsync(ct);
        var meetingSources = (await db.MeetingSources.Where(s => ids.Contains(s.MeetingId))
            .OrderBy(s => s.SourceReport.Published).ThenBy(s => s.SourceReportId)
            .Select(s => new { s.MeetingId, Source = new SourceRef(s.SourceReportId, s.SourceReport.Headline, s.SourceReport.Outlet, s.SpanStart, s.SpanLength, s.Verdict) })
            .ToListAsync(ct)).ToLookup(s => s.MeetingId, s => s.Source);

        var byId = meetings.ToDictionary(m => m.Id);
        var documents = actions.Select(a => new BriefDocument(a.DocumentId, a.Title, a.Action, a.MeetingId, byId[a.MeetingId].Body, byId[a.MeetingId].Date,
            actionSources.GetValueOrDefault(a.Id, []))).ToList();
        var resolutionsOf = resolutions.ToLookup(r => r.MeetingId, r => new BriefResolution(r.Verb, r.Text, resolutionSources.GetValueOrDefault(r.Id, [])));
        var documentsOf = documents.ToLookup(d => d.MeetingId);
        var lines = meetings.Select(m => new BriefMeeting(m.Id, m.Date, m.OrganizationId, m.Body, m.Session, m.Chair,
            [.. resolutionsOf[m.Id]], [.. documentsOf[m.Id]], [.. meetingSources[m.Id]])).ToList();

        // People in a published meeting of the week and in none dated before it; bodies whose first meeting is in the week.
        var newPeople = await db.AggregateAsync<BriefName>($"""
            SELECT p.person_id AS id, pe.name AS name, count(*)::int AS meetings
            FROM participations p JOIN meetings m ON m.id = p.meeting_id JOIN people pe ON pe.id = p.person_id
            WHERE p.published AND p.deleted_at IS NULL AND m.published AND m.deleted_at IS NULL AND m.date BETWEEN {start} AND {end}
              AND NOT EXISTS (
                SELECT 1 FROM participations p2 JOIN meetings m2 ON m2.id = p2.meeting_id
                WHERE p2.person_id = p.person_id AND p2.published AND p2.deleted_at IS NULL
                  AND m2.published AND m2.deleted_at IS NULL AND m2.date < {start})
            GROUP BY 1, 2 ORDER BY 3 DESC, 2 LIMIT {MaxNames}
            """, ct);
        var newBodies = await db.AggregateAsync<BriefName>($"""
            SELECT b.organization_id AS id, o.name AS name,
                   (SELECT count(*)::int FROM meetings m WHERE m.organization_id = b.organization_id
                      AND m.published AND m.deleted_at IS NULL AND m.date BETWEEN {start} AND {end}) AS meetings
            FROM body_counts b JOIN organizations o ON o.id = b.organization_id
            WHERE o.deleted_at IS NULL AND b.meetings > 0 AND b.first_meeting BETWEEN {start} AND {end}
            ORDER BY b.first_meeting, o.name LIMIT {MaxNames}
            """, ct);

        return new WeeklyBrief(week, lines, total, [.. documents.Where(d => d.Action == DocumentActionKind.Adopted)], newPeople, newBodies);
    }
}
