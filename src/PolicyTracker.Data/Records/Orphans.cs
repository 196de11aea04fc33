using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Records;

// What no report stands behind any more is soft-deleted (restorable, audited): a fact whose every
// source is gone or removed by an editor, a meeting with no source and no fact, a document with no action.
// Callers save their changes first: each step starts from an empty change tracker, so that removing
// a row never cascades onto tracked sources an editor's verdict lives in.
internal static class Orphans
{
    public static async Task RetireAsync(PolicyTrackerDbContext db, IEnumerable<Guid> meetingIds, CancellationToken ct)
    {
        var ids = meetingIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        db.ChangeTracker.Clear();
        db.Participations.RemoveRange(await db.Participations
            .Where(f => ids.Contains(f.MeetingId) && !f.Sources.Any(s => s.Verdict != Verdict.Removed)).ToListAsync(ct));
        db.Resolutions.RemoveRange(await db.Resolutions
            .Where(f => ids.Contains(f.MeetingId) && !f.Sources.Any(s => s.Verdict != Verdict.Removed)).ToListAsync(ct));
        var actions = await db.DocumentActions
            .Where(f => ids.Contains(f.MeetingId) && !f.Sources.Any(s => s.Verdict != Verdict.Removed)).ToListAsync(ct);
        db.DocumentActions.RemoveRange(actions);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        db.Meetings.RemoveRange(await db.Meetings
            .Where(m => ids.Contains(m.Id) && !m.Sources.Any(s => s.Verdict != Verdict.Removed)
                && !m.Participations.Any() && !m.Resolutions.Any() && !m.DocumentActions.Any())
            .ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        await RetireDocumentsAsync(db, actions.Select(a => a.DocumentId), ct);
    }

    // Documents whose last action an editor moved elsewhere.
    public static async Task RetireDocumentsAsync(PolicyTrackerDbContext db, IEnumerable<Guid> documentIds, CancellationToken ct)
    {
        var ids = documentIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        db.ChangeTracker.Clear();
        db.Documents.RemoveRange(await db.Documents.Where(d => ids.Contains(d.Id) && !d.Actions.Any()).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
    }
}
