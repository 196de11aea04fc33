using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data;
using PolicyTracker.Data.Entities;
using PolicyTracker.Web.Features.Browse;

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
            await db.Meetings.WithPublishedSource().CountAsync(ct),
            await db.People.WithPublishedParticipation().CountAsync(ct),
            await db.Organizations.WithPublishedMeeting().CountAsync(ct),
            await db.Documents.WithPublishedAction().CountAsync(ct));
    }
}
