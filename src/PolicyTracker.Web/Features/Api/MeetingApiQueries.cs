using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;
using PolicyTracker.Web.Features.Browse;
using PolicyTracker.Web.Features.Meetings;

namespace PolicyTracker.Web.Features.Api;

/// <summary>The API's reads of meetings, through <see cref="PublishedView"/> like the pages, paged by keyset
/// (date, id): a page costs the same at row 10 as at row 100,000.</summary>
public sealed class MeetingApiQueries(PublishedData published)
{
    public async Task<(IReadOnlyList<MeetingSummaryDto> Rows, bool More)> ListAsync(MeetingFilter filter, bool descending, MeetingCursor? after, int limit,
        CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var query = filter.Apply(db);

        // PostgreSQL sorts NULL last ascending and first descending; the keyset conditions follow that.
        if (after is not null)
        {
            var id = after.Id;
            if (after.Date is { } date)
            {
                query = descending
                    ? query.Where(m => m.Date < date || (m.Date == date && m.Id.CompareTo(id) < 0))
                    : query.Where(m => m.Date > date || (m.Date == date && m.Id.CompareTo(id) > 0) || m.Date == null);
            }
            else
            {
                query = descending
                    ? query.Where(m => (m.Date == null && m.Id.CompareTo(id) < 0) || m.Date != null)
                    : query.Where(m => m.Date == null && m.Id.CompareTo(id) > 0);
            }
        }
        query = descending
            ? query.OrderByDescending(m => m.Date).ThenByDescending(m => m.Id)
            : query.OrderBy(m => m.Date).ThenBy(m => m.Id);

        var rows = await query.Take(limit + 1)
            .Select(m => new MeetingSummaryDto(
                m.Id, m.Date, new BodyRef(m.OrganizationId, m.Organization.Name), m.Session,
                m.Participations.AsQueryable().Where(Published.Participation).Where(p => p.Role == ParticipationRole.Chair).Select(p => p.Person.Name).FirstOrDefault(),
                m.Participations.AsQueryable().Count(Published.Participation), m.Resolutions.AsQueryable().Count(Published.Resolution),
                m.DocumentActions.AsQueryable().Count(Published.Action), m.Sources.AsQueryable().Count(Published.Source)))
            .ToListAsync(ct);
        return rows.Count > limit ? (rows[..limit], true) : (rows, false);
    }

    public async Task<MeetingDto?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var meeting = await db.Meetings.Where(m => m.Id == id)
            .Select(m => new { m.Id, m.Date, Body = new BodyRef(m.OrganizationId, m.Organization.Name), m.Session, m.Location })
            .FirstOrDefaultAsync(ct);
        if (meeting is null)
        {
            return null;
        }

        // Chair first, then everyone in the order the report gave them.
        var people = await db.Participations.Where(p => p.MeetingId == id)
            .OrderBy(p => p.Role == ParticipationRole.Chair ? 0 : 1).ThenBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.PersonId, p.Person.Name, p.Role, p.TitleAsWritten })
            .ToListAsync(ct);
        var peopleSources = await db.ParticipationSources.Where(s => s.Fact.MeetingId == id).AsClaims().ByFactAsync(ct);
        var resolutions = await db.Resolutions.Where(r => r.MeetingId == id).OrderBy(r => r.Position).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Verb, r.Text })
            .ToListAsync(ct);
        var resolutionSources = await db.ResolutionSources.Where(s => s.Fact.MeetingId == id).AsClaims().ByFactAsync(ct);
        var documents = await db.DocumentActions.Where(a => a.MeetingId == id).OrderBy(a => a.Position).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.DocumentId, a.Document.Title, a.Document.Kind, a.Action })
            .ToListAsync(ct);
        var documentSources = await db.DocumentActionSources.Where(s => s.Fact.MeetingId == id).AsClaims().ByFactAsync(ct);
        var sources = await db.MeetingSources.Where(s => s.MeetingId == id)
            .OrderBy(s => s.SourceReport.Published).ThenBy(s => s.SourceReportId)
            .Select(s => new { s.SourceReportId, s.SourceReport.Headline, s.SourceReport.Outlet, s.SourceReport.Published, s.SpanStart, s.SpanLength })
            .ToListAsync(ct);

        return new MeetingDto(meeting.Id, meeting.Date, meeting.Body, meeting.Session, meeting.Location,
            [.. people.Select(p => new ParticipantDto(p.PersonId, p.Name, p.Role, p.TitleAsWritten, Sources(peopleSources, p.Id)))],
            [.. resolutions.Select(r => new ResolutionDto(r.Id, r.Verb, r.Text, Sources(resolutionSources, r.Id)))],
            [.. documents.Select(d => new DocumentActionDto(d.DocumentId, d.Title, d.Kind, d.Action, Sources(documentSources, d.Id)))],
            [.. sources.Select(s => new MeetingReportDto(s.SourceReportId, s.Headline, s.Outlet, s.Published, s.SpanStart, s.SpanLength,
                Link(s.SourceReportId, s.SpanStart, s.SpanLength)))]);
    }

    internal static List<SourceDto> Sources(Dictionary<Guid, IReadOnlyList<SourceRef>> claims, Guid factId) =>
        [.. claims.GetValueOrDefault(factId, []).Select(s => new SourceDto(s.ReportId, s.Headline, s.Outlet, s.SpanStart, s.SpanLength, s.Verdict,
            Link(s.ReportId, s.SpanStart, s.SpanLength)))];

    internal static string Link(Guid reportId, int start, int length) => $"/reports/{reportId}?span={start}-{length}";
}
