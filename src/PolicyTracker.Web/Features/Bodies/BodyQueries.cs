using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;
using PolicyTracker.Web.Features.Browse;
using PolicyTracker.Web.Features.Meetings;

namespace PolicyTracker.Web.Features.Bodies;

public sealed record BodyFilter(string? Text = null);

public sealed record BodyRow(Guid Id, string Name, Guid? ParentId, string? Parent, int Aliases, int Meetings, DateOnly? FirstMeeting, DateOnly? LastMeeting);

public sealed record BodyList(IReadOnlyList<BodyRow> Rows, int Total);

public sealed record BodyLink(Guid Id, string Name, int Meetings);

public sealed record BodyMeetingLine(Guid Id, DateOnly? Date, string? Session, string? Chair, int Participants, int Resolutions, int Documents);

public sealed record BodyDetail(Guid Id, string Name, IReadOnlyList<string> Aliases, BodyLink? Parent, IReadOnlyList<BodyLink> Children,
    IReadOnlyList<BodyMeetingLine> Meetings, IReadOnlyList<MonthCount> Activity);

public sealed class BodyQueries(PublishedData published)
{
    /// <summary>One page of bodies; <paramref name="pageSize"/> null returns every filtered row (CSV).</summary>
    public async Task<BodyList> ListAsync(BodyFilter filter, int page, int? pageSize, string? sort, bool descending, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var query = db.Bodies;
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = LikePattern.Containing(filter.Text.Trim());
            query = query.Where(o => EF.Functions.ILike(o.Name, pattern) || o.Aliases.Any(a => EF.Functions.ILike(a.Alias, pattern)));
        }
        var total = await query.CountAsync(ct);

        query = (sort, descending) switch
        {
            ("meetings", false) => query.OrderBy(o => o.Meetings.AsQueryable().Where(Published.Meeting).Count()).ThenBy(o => o.Name),
            ("meetings", true) => query.OrderByDescending(o => o.Meetings.AsQueryable().Where(Published.Meeting).Count()).ThenBy(o => o.Name),
            ("firstmeeting", false) => query.OrderBy(o => o.Meetings.AsQueryable().Where(Published.Meeting).Min(m => m.Date)).ThenBy(o => o.Name),
            ("firstmeeting", true) => query.OrderByDescending(o => o.Meetings.AsQueryable().Where(Published.Meeting).Min(m => m.Date)).ThenBy(o => o.Name),
            ("lastmeeting", false) => query.OrderBy(o => o.Meetings.AsQueryable().Where(Published.Meeting).Max(m => m.Date)).ThenBy(o => o.Name),
            ("lastmeeting", true) => query.OrderByDescending(o => o.Meetings.AsQueryable().Where(Published.Meeting).Max(m => m.Date)).ThenBy(o => o.Name),
            ("parent", false) => query.OrderBy(o => o.Parent!.Name).ThenBy(o => o.Name),
            ("parent", true) => query.OrderByDescending(o => o.Parent!.Name).ThenBy(o => o.Name),
            ("name", true) => query.OrderByDescending(o => o.Name),
            _ => query.OrderBy(o => o.Name),
        };
        if (pageSize is { } size)
        {
            query = query.Skip(page * size).Take(size);
        }
        var rows = await query
            .Select(o => new BodyRow(o.Id, o.Name, o.ParentId, o.Parent != null ? o.Parent.Name : null, o.Aliases.Count,
                o.Meetings.AsQueryable().Where(Published.Meeting).Count(), o.Meetings.AsQueryable().Where(Published.Meeting).Min(m => m.Date), o.Meetings.AsQueryable().Where(Published.Meeting).Max(m => m.Date)))
            .ToListAsync(ct);
        return new BodyList(rows, total);
    }

    public async Task<BodyDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var body = await db.Bodies.Where(o => o.Id == id)
            .Select(o => new
            {
                o.Id,
                o.Name,
                Aliases = o.Aliases.OrderBy(a => a.Alias).Select(a => a.Alias).ToList(),
                Parent = o.Parent == null ? null : new BodyLink(o.Parent.Id, o.Parent.Name, o.Parent.Meetings.AsQueryable().Count(Published.Meeting)),
                Children = o.Children.AsQueryable().Where(Published.Body).OrderBy(c => c.Name).Select(c => new BodyLink(c.Id, c.Name, c.Meetings.AsQueryable().Count(Published.Meeting))).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (body is null)
        {
            return null;
        }
        var meetings = await db.Meetings.Where(m => m.OrganizationId == id)
            .OrderByDescending(m => m.Date)
            .Select(m => new BodyMeetingLine(m.Id, m.Date, m.Session,
                m.Participations.AsQueryable().Where(Published.Participation).Where(p => p.Role == ParticipationRole.Chair).Select(p => p.Person.Name).FirstOrDefault(),
                m.Participations.AsQueryable().Count(Published.Participation), m.Resolutions.AsQueryable().Count(Published.Resolution),
                m.DocumentActions.AsQueryable().Count(Published.Action)))
            .ToListAsync(ct);
        return new BodyDetail(body.Id, body.Name, body.Aliases, body.Parent, body.Children, meetings, Months.Count(meetings.Select(m => m.Date)));
    }
}
