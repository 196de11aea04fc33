using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;
using PolicyTracker.Web.Features.Browse;

namespace PolicyTracker.Web.Features.Api;

public sealed record NameFilter(string? Text, string? Kind = null, DocumentActionKind? Action = null)
{
    public string Key => $"{Text}|{Kind}|{Action}";
}

/// <summary>The API's reads of people, bodies and documents, keyset-paged by (name, id) like the meetings by (date, id).</summary>
public sealed class DirectoryApiQueries(PublishedData published)
{
    public const int LatestMeetings = 50;

    public const int TopBodies = 20;

    public async Task<(IReadOnlyList<PersonSummaryDto> Rows, bool More)> PeopleAsync(NameFilter filter, bool descending, NameCursor? after, int limit,
        CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var query = db.People;
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = LikePattern.Containing(filter.Text.Trim());
            query = query.Where(p => EF.Functions.ILike(p.Name, pattern) || p.Aliases.Any(a => EF.Functions.ILike(a.Alias, pattern)));
        }
        if (after is not null)
        {
            var (name, id) = (after.Name, after.Id);
            query = descending
                ? query.Where(p => string.Compare(p.Name, name) < 0 || (p.Name == name && p.Id.CompareTo(id) < 0))
                : query.Where(p => string.Compare(p.Name, name) > 0 || (p.Name == name && p.Id.CompareTo(id) > 0));
        }
        query = descending ? query.OrderByDescending(p => p.Name).ThenByDescending(p => p.Id) : query.OrderBy(p => p.Name).ThenBy(p => p.Id);
        var rows = await query.Take(limit + 1)
            .Select(p => new PersonSummaryDto(p.Id, p.Name, p.Aliases.OrderBy(a => a.Alias).Select(a => a.Alias).ToList(),
                p.Titles.AsQueryable().Where(Published.Title).OrderByDescending(t => t.LastSeen).ThenByDescending(t => t.FirstSeen).Select(t => t.Title).FirstOrDefault(),
                p.Counts != null ? p.Counts.Meetings : 0, p.Counts != null ? p.Counts.LastMeeting : null))
            .ToListAsync(ct);
        return rows.Count > limit ? (rows[..limit], true) : (rows, false);
    }

    public async Task<PersonDto?> PersonAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var person = await db.People.Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Name, Aliases = p.Aliases.OrderBy(a => a.Alias).Select(a => a.Alias).ToList(), Meetings = p.Counts != null ? p.Counts.Meetings : 0 })
            .FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return null;
        }
        var titles = await db.Titles.Where(t => t.PersonId == id).OrderByDescending(t => t.LastSeen).ThenBy(t => t.Title)
            .Select(t => new TitleDto(t.Title, t.FirstSeen, t.LastSeen)).ToListAsync(ct);
        var bodyCounts = await db.Participations.Where(p => p.PersonId == id)
            .GroupBy(p => p.Meeting.OrganizationId)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .OrderByDescending(b => b.Count).ThenBy(b => b.Id).Take(TopBodies)
            .ToListAsync(ct);
        var bodyIds = bodyCounts.Select(b => b.Id).ToList();
        var bodyNames = await db.Bodies.Where(o => bodyIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var bodies = bodyCounts.Select(b => new CountedRef(b.Id, bodyNames.GetValueOrDefault(b.Id, ""), b.Count))
            .OrderByDescending(b => b.Meetings).ThenBy(b => b.Name, StringComparer.Ordinal).ToList();
        var meetings = await db.Participations.Where(p => p.PersonId == id)
            .OrderByDescending(p => p.Meeting.Date).ThenByDescending(p => p.MeetingId).Take(LatestMeetings)
            .Select(p => new PersonMeetingDto(p.MeetingId, p.Meeting.Date, new BodyRef(p.Meeting.OrganizationId, p.Meeting.Organization.Name),
                p.Meeting.Session, p.Role, p.TitleAsWritten))
            .ToListAsync(ct);
        return new PersonDto(person.Id, person.Name, person.Aliases, titles, person.Meetings, bodies, meetings, $"/api/meetings?person={id}");
    }

    public async Task<(IReadOnlyList<BodySummaryDto> Rows, bool More)> BodiesAsync(NameFilter filter, bool descending, NameCursor? after, int limit,
        CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var query = db.Bodies;
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = LikePattern.Containing(filter.Text.Trim());
            query = query.Where(o => EF.Functions.ILike(o.Name, pattern) || o.Aliases.Any(a => EF.Functions.ILike(a.Alias, pattern)));
        }
        if (after is not null)
        {
            var (name, id) = (after.Name, after.Id);
            query = descending
                ? query.Where(o => string.Compare(o.Name, name) < 0 || (o.Name == name && o.Id.CompareTo(id) < 0))
                : query.Where(o => string.Compare(o.Name, name) > 0 || (o.Name == name && o.Id.CompareTo(id) > 0));
        }
        query = descending ? query.OrderByDescending(o => o.Name).ThenByDescending(o => o.Id) : query.OrderBy(o => o.Name).ThenBy(o => o.Id);
        var rows = await query.Take(limit + 1)
            .Select(o => new BodySummaryDto(o.Id, o.Name, o.Parent == null ? null : new BodyRef(o.Parent.Id, o.Parent.Name),
                o.Counts != null ? o.Counts.Meetings : 0, o.Counts != null ? o.Counts.FirstMeeting : null, o.Counts != null ? o.Counts.LastMeeting : null))
            .ToListAsync(ct);
        return rows.Count > limit ? (rows[..limit], true) : (rows, false);
    }

    public async Task<BodyDto?> BodyAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var body = await db.Bodies.Where(o => o.Id == id)
            .Select(o => new
            {
                o.Id,
                o.Name,
                Aliases = o.Aliases.OrderBy(a => a.Alias).Select(a => a.Alias).ToList(),
                Parent = o.Parent == null ? null : new BodyRef(o.Parent.Id, o.Parent.Name),
                Children = o.Children.AsQueryable().Where(Published.Body).OrderBy(c => c.Name)
                    .Select(c => new CountedRef(c.Id, c.Name, c.Counts != null ? c.Counts.Meetings : 0)).ToList(),
                Meetings = o.Counts != null ? o.Counts.Meetings : 0,
                First = o.Counts != null ? o.Counts.FirstMeeting : null,
                Last = o.Counts != null ? o.Counts.LastMeeting : null,
            })
            .FirstOrDefaultAsync(ct);
        if (body is null)
        {
            return null;
        }
        var latest = await db.Meetings.Where(m => m.OrganizationId == id)
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.Id).Take(LatestMeetings)
            .Select(m => new MeetingSummaryDto(m.Id, m.Date, new BodyRef(m.OrganizationId, m.Organization.Name), m.Session,
                m.Participations.AsQueryable().Where(Published.Participation).Where(p => p.Role == ParticipationRole.Chair).Select(p => p.Person.Name).FirstOrDefault(),
                m.Participations.AsQueryable().Count(Published.Participation), m.Resolutions.AsQueryable().Count(Published.Resolution),
                m.DocumentActions.AsQueryable().Count(Published.Action), m.Sources.AsQueryable().Count(Published.Source)))
            .ToListAsync(ct);
        return new BodyDto(body.Id, body.Name, body.Aliases, body.Parent, body.Children, body.Meetings, body.First, body.Last, latest,
            $"/api/meetings?body={id}");
    }

    public async Task<(IReadOnlyList<DocumentSummaryDto> Rows, bool More)> DocumentsAsync(NameFilter filter, bool descending, NameCursor? after, int limit,
        CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var query = db.Documents;
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = LikePattern.Containing(filter.Text.Trim());
            query = query.Where(d => EF.Functions.ILike(d.Title, pattern));
        }
        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            query = query.Where(d => d.Kind == filter.Kind);
        }
        if (filter.Action is { } action)
        {
            query = query.Where(d => d.Actions.AsQueryable().Where(Published.Action).Any(a => a.Action == action));
        }
        if (after is not null)
        {
            var (title, id) = (after.Name, after.Id);
            query = descending
                ? query.Where(d => string.Compare(d.Title, title) < 0 || (d.Title == title && d.Id.CompareTo(id) < 0))
                : query.Where(d => string.Compare(d.Title, title) > 0 || (d.Title == title && d.Id.CompareTo(id) > 0));
        }
        query = descending ? query.OrderByDescending(d => d.Title).ThenByDescending(d => d.Id) : query.OrderBy(d => d.Title).ThenBy(d => d.Id);
        var rows = await query.Take(limit + 1)
            .Select(d => new DocumentSummaryDto(d.Id, d.Title, d.Kind, d.Counts != null ? d.Counts.Actions : 0,
                d.Counts != null ? d.Counts.FirstAction : null, d.Counts != null ? d.Counts.LastAction : null))
            .ToListAsync(ct);
        return rows.Count > limit ? (rows[..limit], true) : (rows, false);
    }

    public async Task<DocumentDto?> DocumentAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var document = await db.Documents.Where(d => d.Id == id).Select(d => new { d.Id, d.Title, d.Kind }).FirstOrDefaultAsync(ct);
        if (document is null)
        {
            return null;
        }
        var steps = await db.DocumentActions.Where(a => a.DocumentId == id)
            .OrderBy(a => a.Meeting.Date).ThenBy(a => a.Position).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Action, a.MeetingId, a.Meeting.Date, Body = new BodyRef(a.Meeting.OrganizationId, a.Meeting.Organization.Name), a.Meeting.Session })
            .ToListAsync(ct);
        var claims = await db.DocumentActionSources.Where(s => s.Fact.DocumentId == id).AsClaims().ByFactAsync(ct);
        return new DocumentDto(document.Id, document.Title, document.Kind,
            [.. steps.Select(s => new DocumentStepDto(s.Action, s.MeetingId, s.Date, s.Body, s.Session, MeetingApiQueries.Sources(claims, s.Id)))],
            $"/api/meetings?document={id}");
    }
}
