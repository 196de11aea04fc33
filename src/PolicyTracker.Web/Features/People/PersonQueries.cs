using System.Runtime.CompilerServices;
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
    IReadOnlyList<PersonMeetingLine> Meetings, IReadOnlyList<PersonSourceLine> Sources, int MeetingTotal, int SourceTotal,
    IReadOnlyList<MonthCount> Activity);

public sealed class PersonQueries(PublishedData published)
{
    /// <summary>One page of people and the filtered total.</summary>
    public async Task<PersonList> ListAsync(PersonFilter filter, int page, int pageSize, string? sort, bool descending, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var query = Filtered(db, filter);
        var total = await query.CountAsync(ct);
        var rows = await Project(Ordered(query, sort, descending).Skip(page * pageSize).Take(pageSize)).ToListAsync(ct);
        return new PersonList(rows, total);
    }

    /// <summary>Every filtered person in the grid's order, read from the database as it is consumed (CSV).</summary>
    public async IAsyncEnumerable<PersonRow> ExportAsync(PersonFilter filter, string? sort, bool descending,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        await foreach (var row in Project(Ordered(Filtered(db, filter), sort, descending)).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return row;
        }
    }

    private static IQueryable<Person> Filtered(PublishedView db, PersonFilter filter)
    {
        var query = db.People;
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            // ILIKE '%…%' is served by the pg_trgm GIN indexes on name and alias.
            var pattern = LikePattern.Containing(filter.Text.Trim());
            query = query.Where(p => EF.Functions.ILike(p.Name, pattern) || p.Aliases.Any(a => EF.Functions.ILike(a.Alias, pattern)));
        }
        return query;
    }

    // Counts come from person_counts (kept on publish), so sorting by them reads one small table.
    private static IQueryable<Person> Ordered(IQueryable<Person> query, string? sort, bool descending) => (sort, descending) switch
    {
        ("meetings", false) => query.OrderBy(p => p.Counts!.Meetings).ThenBy(p => p.Name).ThenBy(p => p.Id),
        ("meetings", true) => query.OrderByDescending(p => p.Counts!.Meetings).ThenBy(p => p.Name).ThenBy(p => p.Id),
        ("lastmeeting", false) => query.OrderBy(p => p.Counts!.LastMeeting).ThenBy(p => p.Name).ThenBy(p => p.Id),
        ("lastmeeting", true) => query.OrderByDescending(p => p.Counts!.LastMeeting).ThenBy(p => p.Name).ThenBy(p => p.Id),
        ("name", true) => query.OrderByDescending(p => p.Name).ThenBy(p => p.Id),
        _ => query.OrderBy(p => p.Name).ThenBy(p => p.Id),
    };

    private static IQueryable<PersonRow> Project(IQueryable<Person> query) => query
        .Select(p => new PersonRow(
            p.Id, p.Name,
            p.Aliases.OrderBy(a => a.Alias).Select(a => a.Alias).ToList(),
            p.Titles.AsQueryable().Where(Published.Title).OrderByDescending(t => t.LastSeen).ThenByDescending(t => t.FirstSeen).Select(t => t.Title).FirstOrDefault(),
            p.Counts != null ? p.Counts.Meetings : 0,
            p.Counts != null ? p.Counts.LastMeeting : null));

    public const int MeetingLimit = 50;

    public const int SourceLimit = 20;

    /// <summary>A person with their latest <see cref="MeetingLimit"/> meetings, latest sources, the totals and meetings per month.</summary>
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
        // Only the latest meetings and sources are loaded; the page links to the filtered meetings list for the rest.
        // Participations carry their meeting's date, so the latest ones come off one index (person, date) in order.
        var latest = await db.Participations.Where(p => p.PersonId == id)
            .OrderByDescending(p => p.MeetingDate).ThenByDescending(p => p.MeetingId)
            .Take(MeetingLimit)
            .Select(p => new { p.Id, p.MeetingId, Date = p.MeetingDate, p.Meeting.OrganizationId, Body = p.Meeting.Organization.Name, p.Meeting.Session, p.Role, p.TitleAsWritten })
            .ToListAsync(ct);
        var shown = latest.Select(m => m.Id).ToList();
        var claims = await db.ParticipationSources.Where(s => shown.Contains(s.FactId)).AsClaims().ByFactAsync(ct);
        // person_counts holds both totals (kept on publish): counting 7,000 meetings and their 10,000 sources on every view
        // costs more than the page.
        var totals = await db.People.Where(p => p.Id == id)
            .Select(p => new { Meetings = p.Counts != null ? p.Counts.Meetings : 0, Sources = p.Counts != null ? p.Counts.Sources : 0 })
            .FirstAsync(ct);
        var activity = await MonthCounts.OfAsync(db.Participations.Where(p => p.PersonId == id).Select(p => p.MeetingDate), ct);
        // The reports behind the meetings shown, newest first: bounded by the page, not by the person's whole record.
        var sources = await db.ParticipationSources.Where(s => shown.Contains(s.FactId))
            .GroupBy(p => new { p.SourceReportId, p.SourceReport.Headline, p.SourceReport.Outlet, p.SourceReport.Published })
            .OrderByDescending(g => g.Key.Published).ThenBy(g => g.Key.SourceReportId)
            .Take(SourceLimit)
            .Select(g => new PersonSourceLine(g.Key.SourceReportId, g.Key.Headline, g.Key.Outlet, g.Key.Published, g.Count()))
            .ToListAsync(ct);
        return new PersonDetail(person.Id, person.Name, person.Aliases, titles,
            [.. latest.Select(m => new PersonMeetingLine(m.MeetingId, m.Date, m.OrganizationId, m.Body, m.Session, m.Role, m.TitleAsWritten, claims.GetValueOrDefault(m.Id, [])))],
            sources, totals.Meetings, totals.Sources, activity);
    }
}
