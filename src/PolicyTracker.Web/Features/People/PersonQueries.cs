using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;
using PolicyTracker.Web.Features.Browse;
using PolicyTracker.Web.Features.Meetings;

namespace PolicyTracker.Web.Features.People;

public sealed record PersonFilter(string? Text = null);

public sealed record PersonRow(Guid Id, string Name, IReadOnlyList<string> Aliases, string? LatestTitle, int Meetings, DateOnly? LastMeeting);

public sealed record PersonList(IReadOnlyList<PersonRow> Rows, int Total);

public sealed record PersonTitleLine(string Title, DateOnly? FirstSeen, DateOnly? LastSeen);

public sealed record PersonMeetingLine(Guid MeetingId, DateOnly? Date, Guid BodyId, string Body, string? Session,
    ParticipationRole Role, string? TitleAsWritten, IReadOnlyList<SourceRef> Sources);

public sealed record PersonSourceLine(Guid ReportId, string Headline, string? Outlet, DateOnly? Published, int Mentions);

public sealed record PersonDetail(Guid Id, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<PersonTitleLine> Titles,
    IReadOnlyList<PersonMeetingLine> Meetings, IReadOnlyList<PersonSourceLine> Sources);

public sealed class PersonQueries(PublishedData published)
{
    /// <summary>One page of people; <paramref name="pageSize"/> null returns every filtered row (CSV).</summary>
    public async Task<PersonList> ListAsync(PersonFilter filter, int page, int? pageSize, string? sort, bool descending, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var query = db.People;
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            // ILIKE '%…%' is served by the pg_trgm GIN indexes on name and alias.
            var pattern = LikePattern.Containing(filter.Text.Trim());
            query = query.Where(p => EF.Functions.ILike(p.Name, pattern) || p.Aliases.Any(a => EF.Functions.ILike(a.Alias, pattern)));
        }
        var total = await query.CountAsync(ct);

        query = (sort, descending) switch
        {
            ("meetings", false) => query.OrderBy(p => p.Participations.AsQueryable().Count(Published.Participation)).ThenBy(p => p.Name),
            ("meetings", true) => query.OrderByDescending(p => p.Participations.AsQueryable().Count(Published.Participation)).ThenBy(p => p.Name),
            ("lastmeeting", false) => query.OrderBy(p => p.Participations.AsQueryable().Where(Published.Participation).Max(x => x.Meeting.Date)).ThenBy(p => p.Name),
            ("lastmeeting", true) => query.OrderByDescending(p => p.Participations.AsQueryable().Where(Published.Participation).Max(x => x.Meeting.Date)).ThenBy(p => p.Name),
            ("name", true) => query.OrderByDescending(p => p.Name).ThenBy(p => p.Id),
            _ => query.OrderBy(p => p.Name).ThenBy(p => p.Id),
        };
        if (pageSize is { } size)
        {
            query = query.Skip(page * size).Take(size);
        }
        var rows = await query
            .Select(p => new PersonRow(
                p.Id, p.Name,
                p.Aliases.OrderBy(a => a.Alias).Select(a => a.Alias).ToList(),
                p.Titles.AsQueryable().Where(Published.Title).OrderByDescending(t => t.LastSeen).ThenByDescending(t => t.FirstSeen).Select(t => t.Title).FirstOrDefault(),
                p.Participations.AsQueryable().Count(Published.Participation),
                p.Participations.AsQueryable().Where(Published.Participation).Max(x => x.Meeting.Date)))
            .ToListAsync(ct);
        return new PersonList(rows, total);
    }

    public async Task<PersonDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var person = await db.People.Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Name, Aliases = p.Aliases.OrderBy(a => a.Alias).Select(a => a.Alias).ToList() })
            .FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return null;
        }
        var titles = await db.Titles.Where(t => t.PersonId == id)
            .OrderByDescending(t => t.LastSeen).ThenBy(t => t.Title)
            .Select(t => new PersonTitleLine(t.Title, t.FirstSeen, t.LastSeen))
            .ToListAsync(ct);
        var meetings = await db.Participations.Where(p => p.PersonId == id)
            .OrderByDescending(p => p.Meeting.Date).ThenBy(p => p.Meeting.Organization.Name)
            .Select(p => new { p.Id, p.MeetingId, p.Meeting.Date, p.Meeting.OrganizationId, Body = p.Meeting.Organization.Name, p.Meeting.Session, p.Role, p.TitleAsWritten })
            .ToListAsync(ct);
        var claims = await db.ParticipationSources.Where(s => s.Fact.PersonId == id).AsClaims().ByFactAsync(ct);
        var sources = await db.ParticipationSources.Where(s => s.Fact.PersonId == id)
            .GroupBy(p => new { p.SourceReportId, p.SourceReport.Headline, p.SourceReport.Outlet, p.SourceReport.Published })
            .OrderByDescending(g => g.Key.Published)
            .Select(g => new PersonSourceLine(g.Key.SourceReportId, g.Key.Headline, g.Key.Outlet, g.Key.Published, g.Count()))
            .ToListAsync(ct);
        return new PersonDetail(person.Id, person.Name, person.Aliases, titles,
            [.. meetings.Select(m => new PersonMeetingLine(m.MeetingId, m.Date, m.OrganizationId, m.Body, m.Session, m.Role, m.TitleAsWritten, claims.GetValueOrDefault(m.Id, [])))],
            sources);
    }
}
