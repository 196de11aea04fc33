using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Web.Features.Overview;

public sealed record OverviewCounts(int Reports, int Drafts, int Meetings, int People, int Bodies, int Documents);

public sealed class OverviewQueries(IDbContextFactory<PolicyTrackerDbContext> factory)
{
    public async Task<OverviewCounts> CountsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return new OverviewCounts(
            await db.Reports.CountAsync(ct),
            await db.Reports.CountAsync(r => r.Status == ReportStatus.Draft, ct),
            await db.Meetings.CountAsync(ct),
            await db.People.CountAsync(ct),
            await db.Organizations.CountAsync(ct),
            await db.Documents.CountAsync(ct));
    }
}
