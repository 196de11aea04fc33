using System.Runtime.CompilerServices;
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
    IReadOnlyList<BodyMeetingLine> Meetings, int MeetingTotal, IReadOnlyList<MonthCount> Activity);

public sealed class BodyQueries(PublishedData published)
{
    /// <summary>One page of bodies and the filtered total.</summary>
    public async Task<BodyList> ListAsync(BodyFilter filter, int page, int pageSize, string? sort, bool descending, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var query = Filtered(db, filter);
        var total = await query.CountAsync(ct);
        var rows = await Project(Ordered(query, sort, descending).Skip(page * pageSize).Take(pageSize)).ToListAsync(ct);
        return new BodyList(rows, total);
    }

    /// <summary>Every filtered body in the grid's order, read from the database as it is consumed (CSV).</summary>
    public async IAsyncEnumerable<BodyRow> ExportAsync(BodyFilter filter, string? sort, bool descending,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        await foreach (var row in Project(Ordered(Filtered(db, filter), sort, descending)).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return row;
        }
    }

    private static IQueryable<Organization> Filtered(PublishedView db, BodyFilter filter)
    {
        var query = db.Bodies;
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = LikePattern.Containing(filter.Text.Trim());
            query = query.Where(o => EF.Functions.ILike(o.Name, pattern) || o.Aliases.Any(a => EF.Functions.ILike(a.Alias, pattern)));
        }
        return query;
    }

    // Counts and dates come from body_counts, kept on publish.
    private static IQueryable<Organization> Ordered(IQueryable<Organization> query, string? sort, bool descending) => (sort, descending) switch
    {
        ("meetings", false) => query.OrderBy(o => o.Counts!.Meetings).ThenBy(o => o.Name).ThenBy(o => o.Id),
        ("meetings", true) => query.OrderByDescending(o => o.Counts!.Meetings).ThenBy(o => o.Name).ThenBy(o => o.Id),
        ("firstmeeting", false) => query.OrderBy(o => o.Counts!.FirstMeeting).ThenBy(o => o.Name).ThenBy(o => o.Id),
        ("firstmeeting", true) => query.OrderByDescending(o => o.Counts!.FirstMeeting).ThenBy(o => o.Name).ThenBy(o => o.Id),
        ("lastmeeting", false) => query.OrderBy(o => o.Counts!.LastMeeting).ThenBy(o => o.Name).ThenBy(o => o.Id),
        ("lastmeeting", true) => query.OrderByDescending(o => o.Counts!.LastMeeting).ThenBy(o => o.Name).ThenBy(o => o.Id),
        ("parent", false) => query.OrderBy(o => o.Parent!.Name).ThenBy(o => o.Name).ThenBy(o => o.Id),
        ("parent", true) => query.OrderByDescending(o => o.Parent!.Name).ThenBy(o => o.Name).ThenBy(o => o.Id),
        ("name", true) => query.OrderByDescending(o => o.Name).ThenBy(o => o.Id),
        _ => query.OrderBy(o => o.Name).ThenBy(o => o.Id),
    };

    private static IQueryable<BodyRow> Project(IQueryable<Organization> query) => query
        .Select(o => new BodyRow(o.Id, o.Name, o.ParentId, o.Parent != null ? o.Parent.Name : null, o.Aliases.Count,
            o.Counts != null ? o.Counts.Meetings : 0, o.Counts != null ? o.Counts.FirstMeeting : null, o.Counts != null ? o.Counts.LastMeeting : null));

    public const int MeetingLimit = 50;

    /// <summary>A body with its latest <see cref="MeetingLimit"/> meetings, the total and meetings per month.</summary>
    public async Task<BodyDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var body = await db.Bodies.Where(o => o.Id == id)
            .Select(o => new
            {
                o.Id,
                o.Name,
                Aliases = o.Aliases.OrderBy(a => a.Alias).Select(a => a.Alias).ToList(),
                Parent = o.Parent == null ? null : new BodyLink(o.Parent.Id, o.Parent.Name, o.Parent.Counts != null ? o.Parent.Counts.Meetings : 0),
                Children = o.Children.AsQueryable().Where(Published.Body).OrderBy(c => c.Name).Select(c => new BodyLink(c.Id, c.Name, c.Counts != null ? c.Counts.Meetings : 0)).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (body is null)
        {
            return null;
        }
        // The latest meetings only, their counts computed for those rows; "all N meetings" opens the filtered list.
        var meetings = await db.Meetings.Where(m => m.OrganizationId == id)
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.Id)
            .Take(MeetingLimit)
            .Select(m => new BodyMeetingLine(m.Id, m.Date, m.Session,
                m.Participations.AsQueryable().Where(Published.Participation).Where(p => p.Role == ParticipationRole.Chair).Select(p => p.Person.Name).FirstOrDefault(),
                m.Participations.AsQueryable().Count(Published.Participation), m.Resolutions.AsQueryable().Count(Published.Resolution),
                m.DocumentActions.AsQueryable().Count(Published.Action)))
            .ToListAsync(ct);
        var total = await db.Meetings.CountAsync(m => m.OrganizationId == id, ct);
        var activity = await MonthCounts.OfAsync(db.Meetings.Where(m => m.OrganizationId == id).Select(m => m.Date), ct);
        return new BodyDetail(body.Id, body.Name, body.Aliases, body.Parent, body.Children, meetings, total, activity);
    }
}
