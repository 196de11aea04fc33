using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PolicyTracker.Data;
using PolicyTracker.Data.Entities;
using PolicyTracker.Web.Features.Browse;

namespace PolicyTracker.Web.Features.Overview;

public sealed record OverviewCounts(int Reports, int Drafts, int Meetings, int People, int Bodies, int Documents);

public sealed class OverviewQueries(PublishedData published, IMemoryCache cache)
{
    /// <summary>The home page's tiles: kept like the summary (at most SummaryQueries.CacheFor old, dropped when the archive changes).</summary>
    public async Task<OverviewCounts> CountsAsync(CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var version = await db.ArchiveVersionAsync(ct);
        if (cache.TryGetValue(nameof(OverviewQueries), out (ArchiveVersion Version, OverviewCounts Counts) hit) && hit.Version == version)
        {
            return hit.Counts;
        }
        var (reports, drafts) = await db.ReportCountsAsync(ct);
        var counts = new OverviewCounts(
            reports,
            drafts,
            // The stored counts (kept on publish) give the meeting and document totals without reading those tables.
            (int)version.Meetings,
            // A listed person has a published participation, which is what a stored meeting count above zero says.
            await db.PeopleOfFacts.CountAsync(p => p.Counts!.Meetings > 0, ct),
            await db.Bodies.CountAsync(ct),
            await db.ListedDocuments.CountAsync(ct));
        cache.Set(nameof(OverviewQueries), (version, counts), Summary.SummaryQueries.CacheFor);
        return counts;
    }
}
