using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyTracker.Data.Auditing;

namespace PolicyTracker.Data.Editing;

// Writes the editor's changes back: save draft or publish, each in one transaction, refusing to
// overwrite rows changed meanwhile. DraftWriter does the writing; ReviewConflicts finds the rows.
public sealed class ReviewSaver(
    IDbContextFactory<PolicyTrackerDbContext> factory, TimeProvider time, ICurrentUser user, ILogger<ReviewSaver>? logger = null)
{
    private readonly ILogger _log = logger ?? NullLogger<ReviewSaver>.Instance;

    // Writes every change in the draft in one transaction. Publishing publishes: it accepts nothing
    // nobody looked at (the editor's "accept all remaining" does that, and says so on each item).
    public async Task<ReviewSaveResult> SaveAsync(ReviewDraft draft, bool publish, CancellationToken ct = default)
    {
        if (draft.FirstProblem() is { } invalid)
        {
            return new ReviewSaveResult(SaveOutcome.Invalid, invalid, []);
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == draft.ReportId, ct);
                if (report is null)
                {
                    return ReviewSaveResult.NotFound("This report no longer exists.");
                }

                var conflicts = await ReviewConflicts.FindAsync(db, draft, publish, ct);
                if (conflicts.Count > 0)
                {
                    _log.LogWarning("Review of report {ReportId} by {User} not saved: {Count} record(s) changed meanwhile", draft.ReportId, user.Name, conflicts.Count);
                    return new ReviewSaveResult(SaveOutcome.Conflict, Conflicted(conflicts.Count), conflicts);
                }

                var counts = await new DraftWriter(db, report, time.GetUtcNow(), user.Name).ApplyAsync(draft, publish, ct);
                await transaction.CommitAsync(ct);
                _log.LogInformation("Report {ReportId} {Action} by {User}: {Writes} record(s) written", draft.ReportId, publish ? "published" : "saved as draft", user.Name, counts);
                var unjudged = draft.Unjudged.Count();
                return ReviewSaveResult.Ok(publish
                    ? $"Published: {counts} record(s) written; {unjudged} item(s) nobody has checked yet stay unverified."
                    : $"Draft saved: {counts} change(s).");
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between the check and the write: report what they changed.
            await using var fresh = await factory.CreateDbContextAsync(ct);
            var conflicts = await ReviewConflicts.FindAsync(fresh, draft, publish, ct);
            return new ReviewSaveResult(SaveOutcome.Conflict, Conflicted(Math.Max(1, conflicts.Count)), conflicts);
        }
    }

    private static string Conflicted(int count) =>
        $"{count} record(s) were changed by someone else since you opened this report. Nothing was saved; your changes are still here.";
}
