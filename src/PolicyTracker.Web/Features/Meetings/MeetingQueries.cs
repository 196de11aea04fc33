using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;
using PolicyTracker.Web.Features.Browse;

namespace PolicyTracker.Web.Features.Meetings;

public sealed record MeetingFilter(string? Text = null, Guid? BodyId = null, DateOnly? From = null, DateOnly? To = null, Guid? PersonId = null);

public sealed record MeetingRow(Guid Id, DateOnly? Date, Guid BodyId, string Body, string? Session, string? Chair,
    int Participants, int Resolutions, int Documents, int Sources);

public sealed record MeetingList(IReadOnlyList<MeetingRow> Rows, int Total);

// Each fact once, with every published report that says it.
public sealed record ParticipantLine(Guid Id, Guid PersonId, string Name, ParticipationRole Role, string? Title, IReadOnlyList<SourceRef> Sources)
{
    public bool Verified => Sources.Any(s => s.Verified);
}

public sealed record ResolutionLine(Guid Id, string Verb, string Text, IReadOnlyList<SourceRef> Sources)
{
    public bool Verified => Sources.Any(s => s.Verified);
}

public sealed record DocumentLine(Guid Id, Guid DocumentId, string Title, string? Kind, DocumentActionKind Action, IReadOnlyList<SourceRef> Sources)
{
    public bool Verified => Sources.Any(s => s.Verified);
}

public sealed record SourceLine(Guid ReportId, string Headline, string? Outlet, DateOnly? Published);

public sealed record MeetingDetail(Guid Id, Guid BodyId, string Body, string? Session, DateOnly? Date, string? Location,
    IReadOnlyList<ParticipantLine> Participants, IReadOnlyList<ResolutionLine> Resolutions,
    IReadOnlyList<DocumentLine> Documents, IReadOnlyList<SourceLine> Sources);

public sealed class MeetingQueries(PublishedData published)
{
    public async Task<MeetingList> ListAsync(MeetingFilter filter, int page, int pageSize, string? sort, bool descending, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var query = db.Meetings;
        if (filter.BodyId is { } bodyId)
        {
            query = query.Where(m => m.OrganizationId == bodyId);
        }
        if (filter.PersonId is { } personId)
        {
            query = query.Where(m => m.Participations.AsQueryable().Where(Published.Participation).Any(p => p.PersonId == personId));
        }
        if (filter.From is { } from)
        {
            query = query.Where(m => m.Date >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(m => m.Date <= to);
        }
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = LikePattern.Containing(filter.Text.Trim());
            query = query.Where(m => EF.Functions.ILike(m.Organization.Name, pattern)
                || (m.Session != null && EF.Functions.ILike(m.Session, pattern))
                || m.Participations.AsQueryable().Where(Published.Participation).Any(p => EF.Functions.ILike(p.Person.Name, pattern))
                || m.Resolutions.AsQueryable().Where(Published.Resolution).Any(r => EF.Functions.ILike(r.Text, pattern)));
        }

        var total = await query.CountAsync(ct);
        // Id-first: the page's ids come from the ordered index alone, then the counts are computed for those rows only.
        // Ties break on the id, which the (date, id) order of the published index gives for free.
        query = (sort, descending) switch
        {
            ("body", false) => query.OrderBy(m => m.Organization.Name).ThenByDescending(m => m.Date).ThenByDescending(m => m.Id),
            ("body", true) => query.OrderByDescending(m => m.Organization.Name).ThenByDescending(m => m.Date).ThenByDescending(m => m.Id),
            ("date", false) => query.OrderBy(m => m.Date).ThenBy(m => m.Id),
            _ => query.OrderByDescending(m => m.Date).ThenByDescending(m => m.Id),
        };
        var ids = await query.Skip(page * pageSize).Take(pageSize).Select(m => m.Id).ToListAsync(ct);
        var found = await db.Meetings.Where(m => ids.Contains(m.Id))
            .Select(m => new MeetingRow(
                m.Id, m.Date, m.OrganizationId, m.Organization.Name, m.Session,
                m.Participations.AsQueryable().Where(Published.Participation).Where(p => p.Role == ParticipationRole.Chair).Select(p => p.Person.Name).FirstOrDefault(),
                m.Participations.AsQueryable().Count(Published.Participation), m.Resolutions.AsQueryable().Count(Published.Resolution),
                m.DocumentActions.AsQueryable().Count(Published.Action), m.Sources.AsQueryable().Count(Published.Source)))
            .ToDictionaryAsync(r => r.Id, ct);
        var rows = ids.Select(id => found[id]).ToList();
        return new MeetingList(rows, total);
    }

    public async Task<MeetingDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var meeting = await db.Meetings
            .Where(m => m.Id == id)
            .Select(m => new { m.Id, m.OrganizationId, Body = m.Organization.Name, m.Session, m.Date, m.Location })
            .FirstOrDefaultAsync(ct);
        if (meeting is null)
        {
            return null;
        }

        var people = await db.Participations.Where(p => p.MeetingId == id)
            .OrderBy(p => p.Role == ParticipationRole.Chair ? 0 : 1).ThenBy(p => p.Position)
            .Select(p => new { p.Id, p.PersonId, p.Person.Name, p.Role, p.TitleAsWritten })
            .ToListAsync(ct);
        var peopleSources = await db.ParticipationSources.Where(s => s.Fact.MeetingId == id).AsClaims().ByFactAsync(ct);
        var resolutions = await db.Resolutions.Where(r => r.MeetingId == id)
            .OrderBy(r => r.Position)
            .Select(r => new { r.Id, r.Verb, r.Text })
            .ToListAsync(ct);
        var resolutionSources = await db.ResolutionSources.Where(s => s.Fact.MeetingId == id).AsClaims().ByFactAsync(ct);
        var documents = await db.DocumentActions.Where(a => a.MeetingId == id)
            .OrderBy(a => a.Position)
            .Select(a => new { a.Id, a.DocumentId, a.Document.Title, a.Document.Kind, a.Action })
            .ToListAsync(ct);
        var documentSources = await db.DocumentActionSources.Where(s => s.Fact.MeetingId == id).AsClaims().ByFactAsync(ct);
        var sources = await db.MeetingSources.Where(s => s.MeetingId == id)
            .OrderBy(s => s.SourceReport.Published)
            .Select(s => new SourceLine(s.SourceReportId, s.SourceReport.Headline, s.SourceReport.Outlet, s.SourceReport.Published))
            .ToListAsync(ct);
        return new MeetingDetail(meeting.Id, meeting.OrganizationId, meeting.Body, meeting.Session, meeting.Date, meeting.Location,
            [.. people.Select(p => new ParticipantLine(p.Id, p.PersonId, p.Name, p.Role, p.TitleAsWritten, peopleSources.GetValueOrDefault(p.Id, [])))],
            [.. resolutions.Select(r => new ResolutionLine(r.Id, r.Verb, r.Text, resolutionSources.GetValueOrDefault(r.Id, [])))],
            [.. documents.Select(d => new DocumentLine(d.Id, d.DocumentId, d.Title, d.Kind, d.Action, documentSources.GetValueOrDefault(d.Id, [])))],
            sources);
    }
}
