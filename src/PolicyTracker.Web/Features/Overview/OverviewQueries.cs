using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data;
using PolicyTracker.Data.Entities;
using PolicyTracker.Web.Features.Browse;

namespace PolicyTracker.Web.Features.Overview;

public sealed record OverviewCounts(int Reports, int Drafts, int Meetings, int People, int Bodies, int Documents);

public sealed class OverviewQueries(PublishedData published)
{
    public async Task<OverviewCounts> CountsAsync(CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var (reports, drafts) = await db.ReportCountsAsync(ct);
        return new OverviewCounts(
            reports,
            drafts,
            await db.Meetings.CountAsync(ct),
            await db.People.CountAsync(ct),
            await db.Bodies.CountAsync(ct),
            await db.Documents.CountAsync(ct));
    }
}
