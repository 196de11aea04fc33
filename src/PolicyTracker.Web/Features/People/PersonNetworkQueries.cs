using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Web.Features.Browse;

namespace PolicyTracker.Web.Features.People;

public sealed record RoleCounts(int Chaired, int Spoke, int Attended)
{
    public int Total => Chaired + Spoke + Attended;
}

public sealed record PersonBodyLine(Guid BodyId, string Name, int Meetings, int Chaired, DateOnly? First, DateOnly? Last);

public sealed record PersonBodies(IReadOnlyList<PersonBodyLine> Rows, int Total);

public sealed record CoAttendee(Guid PersonId, string Name, int Meetings, DateOnly? Last);

/// <summary>How many of the person's meetings with <see cref="PersonId"/> were meetings of <see cref="BodyId"/>.</summary>
public sealed record NetworkLink(Guid PersonId, Guid BodyId, int Meetings);

public sealed record NetworkBody(Guid BodyId, string Name, int Meetings);

/// <summary>A person, the people they most often meet, and the bodies whose meetings bring them together.</summary>
public sealed record PersonNetwork(Guid PersonId, string Name, IReadOnlyList<CoAttendee> CoAttendees, IReadOnlyList<NetworkBody> Bodies,
    IReadOnlyList<NetworkLink> Links);

public sealed record TimelinePage(IReadOnlyList<PersonMeetingLine> Meetings, int Total, int Page, int PageSize);

/// <summary>The person page's sections beyond the header: each one query with a limit, grouped in PostgreSQL,
/// so the busiest person of a 100,000-meeting archive costs the same rows on the wire as anyone else.</summary>
public sealed class PersonNetworkQueries(PublishedData published)
{
    public const int TimelinePageSize = 25;

    public const int BodyLimit = 15;

    public const int CoAttendeeLimit = 12;

    public const int NetworkPeople = 10;

    public const int NetworkBodies = 5;

    public async Task<RoleCounts> RoleCountsAsync(Guid personId, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var rows = await db.Participations.Where(p => p.PersonId == personId)
            .GroupBy(p => p.Role).Select(g => new { Role = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        int Of(ParticipationRole r) => rows.FirstOrDefault(x => x.Role == r)?.Count ?? 0;
        return new RoleCounts(Of(ParticipationRole.Chair), Of(ParticipationRole.Speaker), Of(ParticipationRole.Attendee));
    }

    /// <summary>One page (from 0) of the person's meetings, newest first, optionally in one role only.</summary>
    public async Task<TimelinePage> TimelineAsync(Guid personId, ParticipationRole? role, int page, int pageSize = TimelinePageSize, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var query = db.Participations.Where(p => p.PersonId == personId);
        if (role is { } r)
        {
            query = query.Where(p => p.Role == r);
        }
        var total = await query.CountAsync(ct);
        var last = Math.Max(0, (total - 1) / pageSize);
        page = Math.Clamp(page, 0, last);
        var rows = await query
            .OrderByDescending(p => p.MeetingDate).ThenByDescending(p => p.MeetingId)
            .Skip(page * pageSize).Take(pageSize)
            .Select(p => new { p.Id, p.MeetingId, Date = p.MeetingDate, p.Meeting.OrganizationId, Body = p.Meeting.Organization.Name, p.Meeting.Session, p.Role, p.TitleAsWritten })
            .ToListAsync(ct);
        var shown = rows.Select(m => m.Id).ToList();
        var claims = await db.ParticipationSources.Where(s => shown.Contains(s.FactId)).AsClaims().ByFactAsync(ct);
        return new TimelinePage(
            [.. rows.Select(m => new PersonMeetingLine(m.MeetingId, m.Date, m.OrganizationId, m.Body, m.Session, m.Role, m.TitleAsWritten, claims.GetValueOrDefault(m.Id, [])))],
            total, page, pageSize);
    }

    /// <summary>The bodies whose meetings the person attended, most meetings first.</summary>
    public async Task<PersonBodies> BodiesAsync(Guid personId, int limit = BodyLimit, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        // person_body_counts is kept on publish: the busiest person's bodies are a few dozen rows, not 7,000 meetings.
        var mine = from c in db.PersonBodyCounts
                   where c.PersonId == personId
                   join o in db.BodiesOfFacts on c.OrganizationId equals o.Id
                   select new { c.OrganizationId, Body = o.Name, c.Meetings, c.Chaired, c.FirstMeeting, c.LastMeeting };
        var total = await mine.CountAsync(ct);
        var rows = await mine.OrderByDescending(b => b.Meetings).ThenBy(b => b.Body).ThenBy(b => b.OrganizationId)
            .Take(limit)
            .ToListAsync(ct);
        return new PersonBodies([.. rows.Select(b => new PersonBodyLine(b.OrganizationId, b.Body, b.Meetings, b.Chaired, b.FirstMeeting, b.LastMeeting))], total);
    }

    /// <summary>The people who were at the most meetings with this person (each shared meeting counted once).</summary>
    public async Task<IReadOnlyList<CoAttendee>> CoAttendeesAsync(Guid personId, int limit = CoAttendeeLimit, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        return await CoAttendeesAsync(db, personId, limit, ct);
    }

    /// <summary>The person's network. <paramref name="coAttendees"/>: what <see cref="CoAttendeesAsync(Guid, int, CancellationToken)"/>
    /// gave with a limit of at least <paramref name="people"/>, when the caller has it (the page shows both); otherwise read here.</summary>
    public async Task<PersonNetwork?> NetworkAsync(Guid personId, int people = NetworkPeople, int bodies = NetworkBodies,
        IReadOnlyList<CoAttendee>? coAttendees = null, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var name = await db.People.Where(p => p.Id == personId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return null;
        }
        IReadOnlyList<CoAttendee> shown = coAttendees is { } known ? [.. known.Take(people)] : await CoAttendeesAsync(db, personId, people, ct);
        var ids = shown.Select(c => c.PersonId).ToList();
        // One stored row per (co-attendee, body): at most people × the bodies they share with the person.
        var links = await (from c in db.CoAttendanceCounts
                           where c.PersonId == personId && ids.Contains(c.OtherPersonId)
                           join o in db.BodiesOfFacts on c.OrganizationId equals o.Id
                           select new { PersonId = c.OtherPersonId, c.OrganizationId, Body = o.Name, c.Meetings })
            .ToListAsync(ct);
        // The bodies drawn are those where the person meets the people drawn most often.
        var shownBodies = links.GroupBy(l => (l.OrganizationId, l.Body))
            .Select(g => new { g.Key.OrganizationId, g.Key.Body, Weight = g.Sum(l => l.Meetings) })
            .OrderByDescending(b => b.Weight).ThenBy(b => b.Body).Take(bodies).ToList();
        var bodyIds = shownBodies.Select(b => b.OrganizationId).ToList();
        var bodyMeetings = await db.PersonBodyCounts.Where(c => c.PersonId == personId && bodyIds.Contains(c.OrganizationId))
            .ToDictionaryAsync(c => c.OrganizationId, c => c.Meetings, ct);
        return new PersonNetwork(personId, name, shown,
            [.. shownBodies.Select(b => new NetworkBody(b.OrganizationId, b.Body, bodyMeetings.GetValueOrDefault(b.OrganizationId)))],
            [.. links.Where(l => bodyIds.Contains(l.OrganizationId)).Select(l => new NetworkLink(l.PersonId, l.OrganizationId, l.Meetings))
                .OrderBy(l => l.PersonId).ThenBy(l => l.BodyId)]);
    }

    private static async Task<IReadOnlyList<CoAttendee>> CoAttendeesAsync(PublishedView db, Guid personId, int limit, CancellationToken ct)
    {
        // co_attendance_counts holds each pair per body, kept on publish; a shared meeting is of one body, so the sum over
        // bodies counts it once. Names are joined for the people shown only.
        var counts = from c in db.CoAttendanceCounts
                     where c.PersonId == personId
                     group c by c.OtherPersonId into g
                     select new { PersonId = g.Key, Meetings = g.Sum(x => x.Meetings), Last = g.Max(x => x.LastMeeting) };
        var rows = await (from c in counts
                          join pe in db.PeopleOfFacts on c.PersonId equals pe.Id
                          orderby c.Meetings descending, pe.Name, c.PersonId
                          select new { c.PersonId, pe.Name, c.Meetings, c.Last })
            .Take(limit)
            .ToListAsync(ct);
        return [.. rows.Select(c => new CoAttendee(c.PersonId, c.Name, c.Meetings, c.Last))];
    }
}
