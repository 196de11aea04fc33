using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Web.Features.Browse;

namespace PolicyTracker.Web.Features.Bodies;

/// <summary>How often a body meets, from the gaps between its latest dated meetings.</summary>
/// <param name="TypicalDays">The median gap in days between the latest meetings; null with fewer than
/// <see cref="BodyCadence.MinimumGaps"/> gaps (too few meetings to say).</param>
/// <param name="Gaps">How many gaps the median was taken over.</param>
/// <param name="LastMeeting">The latest dated meeting.</param>
/// <param name="DaysSinceLast">Days from <see cref="LastMeeting"/> to today.</param>
/// <param name="Late">True when it is longer since the last meeting than <see cref="BodyCadence.LateFactor"/> times the typical gap.</param>
public sealed record Cadence(double? TypicalDays, int Gaps, DateOnly? LastMeeting, int? DaysSinceLast, bool Late)
{
    public DateOnly? Expected => LastMeeting is { } last && TypicalDays is { } typical ? last.AddDays((int)Math.Round(typical)) : null;
}

public static class BodyCadence
{
    /// <summary>The cadence is taken over the latest gaps only, so a body that changed rhythm years ago is read by its rhythm now.</summary>
    public const int RecentGaps = 20;

    public const int MinimumGaps = 3;

    public const double LateFactor = 1.5;

    /// <summary>Cadence from distinct meeting dates (any order) and today.</summary>
    public static Cadence From(IReadOnlyCollection<DateOnly> dates, DateOnly today)
    {
        var ordered = dates.Distinct().OrderBy(d => d).TakeLast(RecentGaps + 1).ToList();
        if (ordered.Count == 0)
        {
            return new Cadence(null, 0, null, null, false);
        }
        var last = ordered[^1];
        var since = Math.Max(0, today.DayNumber - last.DayNumber);
        var gaps = ordered.Zip(ordered.Skip(1), (a, b) => b.DayNumber - a.DayNumber).Order().ToList();
        if (gaps.Count < MinimumGaps)
        {
            return new Cadence(null, gaps.Count, last, since, false);
        }
        var median = gaps.Count % 2 == 1 ? gaps[gaps.Count / 2] : (gaps[gaps.Count / 2 - 1] + gaps[gaps.Count / 2]) / 2.0;
        return new Cadence(median, gaps.Count, last, since, since > LateFactor * median);
    }
}

public sealed record BodyPersonLine(Guid PersonId, string Name, int Meetings, DateOnly? Last);

public sealed record BodyDocumentLine(Guid DocumentId, string Title, string? Kind, int Actions, DocumentActionKind LatestAction, DateOnly? Last);

public sealed record BodyDocuments(IReadOnlyList<BodyDocumentLine> Rows, int Total);

/// <summary>The body page's sections beyond the header, each grouped in PostgreSQL with a limit.</summary>
public sealed class BodyInsightQueries(PublishedData published, TimeProvider clock)
{
    public const int ChairLimit = 5;

    public const int AttendeeLimit = 10;

    public const int DocumentLimit = 15;

    public async Task<Cadence> CadenceAsync(Guid bodyId, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        // Only the latest dates come back (served by the (organization_id, date) index), never the whole history.
        var dates = await db.Meetings.Where(m => m.OrganizationId == bodyId && m.Date != null)
            .Select(m => m.Date!.Value).Distinct()
            .OrderByDescending(d => d).Take(BodyCadence.RecentGaps + 1)
            .ToListAsync(ct);
        return BodyCadence.From(dates, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>Who chairs the body's meetings most (role chair) and who is at them most (any role).</summary>
    public async Task<(IReadOnlyList<BodyPersonLine> Chairs, IReadOnlyList<BodyPersonLine> Attendees)> PeopleAsync(Guid bodyId, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        // person_body_counts is kept on publish: a busy body's people are a few hundred stored rows, not every participation.
        var rows = from c in db.PersonBodyCounts
                   where c.OrganizationId == bodyId
                   join pe in db.PeopleOfFacts on c.PersonId equals pe.Id
                   select new { c.PersonId, pe.Name, c.Meetings, c.Chaired, c.LastMeeting, c.LastChaired };
        var chairs = await rows.Where(r => r.Chaired > 0)
            .OrderByDescending(r => r.Chaired).ThenBy(r => r.Name).ThenBy(r => r.PersonId)
            .Take(ChairLimit)
            .Select(r => new BodyPersonLine(r.PersonId, r.Name, r.Chaired, r.LastChaired))
            .ToListAsync(ct);
        var attendees = await rows
            .OrderByDescending(r => r.Meetings).ThenBy(r => r.Name).ThenBy(r => r.PersonId)
            .Take(AttendeeLimit)
            .Select(r => new BodyPersonLine(r.PersonId, r.Name, r.Meetings, r.LastMeeting))
            .ToListAsync(ct);
        return (chairs, attendees);
    }

    /// <summary>How many of the body's latest dated actions are read to find its latest documents before grouping;
    /// a body whose latest <see cref="ProbeActions"/> actions name fewer documents than asked is grouped whole.</summary>
    public const int ProbeActions = 8 * DocumentLimit;

    /// <summary>The documents the body's meetings acted on, latest first (documents acted on only at undated meetings
    /// last), with the latest action and how many there were.</summary>
    public async Task<BodyDocuments> DocumentsAsync(Guid bodyId, int limit = DocumentLimit, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var actions = from a in db.DocumentActions
                      join m in db.Meetings on a.MeetingId equals m.Id
                      where m.OrganizationId == bodyId
                      select new { a.DocumentId, a.Action, a.Position, m.Date, MeetingId = m.Id };
        var total = await actions.Select(a => a.DocumentId).Distinct().CountAsync(ct);
        // The page's documents from the body's latest actions, not from grouping its whole history (2,760 actions at the
        // busiest body at 100k): walking its meetings newest first (ix_meetings_body_published, backwards) finds the
        // date of the limit-th latest document, and only the actions since that date are grouped.
        var recent = await actions.Where(a => a.Date != null).OrderByDescending(a => a.Date).ThenByDescending(a => a.MeetingId)
            .Select(a => new { a.DocumentId, a.Date }).Take(ProbeActions).ToListAsync(ct);
        var latest = recent.DistinctBy(a => a.DocumentId).Take(limit).ToList();
        var grouped = latest.Count == limit && latest[^1].Date is { } since ? actions.Where(a => a.Date >= since) : actions;
        var top = await grouped.GroupBy(a => a.DocumentId)
            .Select(g => new { DocumentId = g.Key, Last = g.Max(a => a.Date) })
            .OrderBy(d => d.Last == null).ThenByDescending(d => d.Last).ThenBy(d => d.DocumentId)
            .Take(limit)
            .ToListAsync(ct);
        var ids = top.Select(d => d.DocumentId).ToList();
        // Counted over all the body's actions for these documents only (the grouping above may have seen the latest ones).
        var counts = await actions.Where(a => ids.Contains(a.DocumentId)).GroupBy(a => a.DocumentId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var details = await db.Documents.IgnoreQueryFilters().AsNoTracking().Where(d => ids.Contains(d.Id) && d.DeletedAt == null)
            .Select(d => new
            {
                d.Id,
                d.Title,
                d.Kind,
                Latest = d.Actions.AsQueryable().Where(Published.Action).Where(a => a.Meeting.OrganizationId == bodyId)
                    .OrderByDescending(a => a.Meeting.Date).ThenByDescending(a => a.Position).Select(a => a.Action).FirstOrDefault(),
            })
            .ToDictionaryAsync(d => d.Id, ct);
        return new BodyDocuments(
            [.. top.Where(d => details.ContainsKey(d.DocumentId)).Select(d =>
            {
                var doc = details[d.DocumentId];
                return new BodyDocumentLine(d.DocumentId, doc.Title, doc.Kind, counts[d.DocumentId], doc.Latest, d.Last);
            })],
            total);
    }
}
