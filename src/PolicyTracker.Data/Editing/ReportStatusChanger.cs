using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;

namespace PolicyTracker.Data.Editing;

// Archives a report, restores it as a draft, or publishes it as it stands, keeping the published
// flags of its meetings and facts in the same transaction.
public sealed class ReportStatusChanger(IDbContextFactory<PolicyTrackerDbContext> factory, ICurrentUser user, TimeProvider time)
{
    public async Task<ReviewSaveResult> SetStatusAsync(Guid reportId, uint version, ReportStatus status, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return ReviewSaveResult.NotFound("This report no longer exists.");
        }

        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        if (status == ReportStatus.Published && report.Status != ReportStatus.Published)
        {
            (report.PublishedBy, report.PublishedAt) = (user.Name, time.GetUtcNow());
        }

        report.Status = status;
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.SaveChangesAsync(ct);
                await PublishedFlags.RefreshReportAsync(db, reportId, ct);
                await transaction.CommitAsync(ct);
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ReviewSaveResult(SaveOutcome.Conflict, "Someone else changed this report meanwhile. Reload it to see their change, then try again.", []);
        }

        return ReviewSaveResult.Ok(status switch
        {
            ReportStatus.Archived => "Report archived. It can be restored from this page.",
            ReportStatus.Draft => "Report restored as a draft.",
            _ => "Report published.",
        });
    }
}
