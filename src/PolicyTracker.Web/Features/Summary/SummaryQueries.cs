using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PolicyTracker.Data;
using PolicyTracker.Data.Entities;
using PolicyTracker.Web.Features.Bodies;
using PolicyTracker.Web.Features.Browse;

namespace PolicyTracker.Web.Features.Summary;

public sealed record RankedLine(Guid Id, string Name, int Count);

public sealed record ActionCount(DocumentActionKind Action, int Count);

public sealed record SummaryData(int Meetings, int Undated, IReadOnlyList<MonthCount> Months, IReadOnlyList<RankedLine> TopBodies,
    IReadOnlyList<RankedLine> TopPeople, IReadOnlyList<ActionCount> DocumentActions);

public sealed class SummaryQueries(PublishedData published, IMemoryCache cache)
{
    public const int TopCount = 10;

    // The summary aggregates whole tables, so a computed summary is kept for a short while: at most
    // CacheFor old, and dropped sooner when the stored counts (kept on publish) show the archive changed.
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <summary>Counts over dated meetings between <paramref name="from"/> and <paramref name="to"/>
    /// (both inclusive, either open).</summary>
    public async Task<SummaryData> GetAsync(DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var version = await db.ArchiveVersionAsync(ct);
        var key = (nameof(SummaryQueries), from, to);
        if (cache.TryGetValue(key, out (ArchiveVersion Version, SummaryData Data) hit) && hit.Version == version)
        {
            return hit.Data;
        }
        var data = await ComputeAsync(db, from, to, ct);
        cache.Set(key, (version, data), CacheFor);
        return data;
    }

    private static async Task<SummaryData> ComputeAsync(PublishedView db, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var meetings = db.Meetings.Where(m => m.Date != null);
        if (from is { } f)
        {
            meetings = meetings.Where(m => m.Date >= f);
        }
        if (to is { } t)
        {
            meetings = meetings.Where(m => m.Date <= t);
        }
        var undated = from is null && to is null ? await db.Meetings.CountAsync(m => m.Date == null, ct) : 0;

        var perMonth = await meetings
            .GroupBy(m => new { m.Date!.Value.Year, m.Date.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(ct);
        var months = new List<MonthCount>();
        if (perMonth.Count > 0)
        {
            var counts = perMonth.ToDictionary(x => (x.Year, x.Month), x => x.Count);
            // An explicit range shows its empty months too; otherwise from the first month with data to the last.
            var first = from is { } ff ? (ff.Year, ff.Month) : counts.Keys.Min();
            var last = to is { } tt ? (tt.Year, tt.Month) : counts.Keys.Max();
            months.AddRange(Months.Between(first, last).Select(m => new MonthCount(m.Year, m.Month, counts.GetValueOrDefault(m))));
        }

        var topBodies = await meetings
            .GroupBy(m => new { m.OrganizationId, m.Organization.Name })
            .Select(g => new { g.Key.OrganizationId, g.Key.Name, Count = g.Count() })
            .OrderByDescending(x => x.Count).ThenBy(x => x.Name).Take(TopCount)
            .ToListAsync(ct);
        var participations = db.Participations.Where(p => meetings.Any(m => m.Id == p.MeetingId));
        var topPeople = await participations
            .GroupBy(p => new { p.PersonId, p.Person.Name })
            .Select(g => new { g.Key.PersonId, g.Key.Name, Count = g.Count() })
            .OrderByDescending(x => x.Count).ThenBy(x => x.Name).Take(TopCount)
            .ToListAsync(ct);
        var actions = await db.DocumentActions.Where(a => meetings.Any(m => m.Id == a.MeetingId))
            .GroupBy(a => a.Action)
            .Select(g => new { Action = g.Key, Count = g.Count() })
            .ToListAsync(ct);

        return new SummaryData(
            months.Sum(m => m.Count), undated, months,
            topBodies.Select(b => new RankedLine(b.OrganizationId, b.Name, b.Count)).ToList(),
            topPeople.Select(p => new RankedLine(p.PersonId, p.Name, p.Count)).ToList(),
            actions.OrderByDescending(a => a.Count).Select(a => new ActionCount(a.Action, a.Count)).ToList());
    }
}
