using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Import;

namespace PolicyTracker.Data.Editing;

// Two reports of one meeting that import kept apart: finds the stored meeting a draft's meeting
// may be, and merges this report's claims into it.
public sealed class MeetingMerger(IDbContextFactory<PolicyTrackerDbContext> factory, ReviewLoader loader, ReviewSaver saver)
{
    // Another stored meeting of the same body on the same date: two reports of one meeting.
    public async Task<IReadOnlyList<MergeSuggestion>> SuggestMergesAsync(ReviewDraft draft, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var suggestions = new List<MergeSuggestion>();
        foreach (var meeting in draft.Meetings.Where(m => m.MeetingId is not null && m.Date is not null && !m.Removed))
        {
            var bodyKeys = await db.OrganizationAliases.AsNoTracking().Where(a => a.OrganizationId == meeting.BodyId)
                .Select(a => a.AliasKey).ToListAsync(ct);
            bodyKeys.Add(TextKeys.Key(meeting.Body));
            var candidates = await db.Meetings.AsNoTracking()
                .Where(m => m.Id != meeting.MeetingId && m.Date == meeting.Date
                    && (m.OrganizationId == meeting.BodyId || bodyKeys.Contains(m.Organization.NameKey)
                        || m.Organization.Aliases.Any(a => bodyKeys.Contains(a.AliasKey))))
                .Select(m => new
                {
                    m.Id,
                    Body = m.Organization.Name,
                    m.Date,
                    Sources = m.Sources.Count,
                    Headlines = m.Sources.OrderBy(s => s.Id).Select(s => s.SourceReport.Headline).Take(3).ToList(),
                })
                // The best-attested meetings first; ids (time-ordered) make the order the same every time.
                .OrderByDescending(m => m.Sources).ThenBy(m => m.Id)
                .Take(3)
                .ToListAsync(ct);
            suggestions.AddRange(candidates.Select(c => new MergeSuggestion(meeting.Key, c.Id, c.Body, c.Date, c.Sources, c.Headlines)));
        }

        return suggestions;
    }

    // Moves this report's claims from one meeting to the other, through the same save as every edit:
    // facts the other meeting already has gain this report as a source, the rest move over, and the
    // emptied meeting goes when no other report describes it. The audit trail keeps both sides.
    public async Task<ReviewSaveResult> MergeMeetingAsync(Guid reportId, Guid fromMeetingId, Guid intoMeetingId, CancellationToken ct = default)
    {
        var draft = await loader.LoadAsync(reportId, ct);
        var meeting = draft?.Meetings.FirstOrDefault(m => m.MeetingId == fromMeetingId);
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (draft is null || meeting is null || !await db.Meetings.AnyAsync(m => m.Id == intoMeetingId, ct))
            {
                return ReviewSaveResult.NotFound("One of the two meetings no longer exists.");
            }
        }

        meeting.MergeInto = intoMeetingId;
        var result = await saver.SaveAsync(draft, publish: false, ct);
        return result.Outcome == SaveOutcome.Saved
            ? ReviewSaveResult.Ok("Merged: this report is now a source of the stored meeting.")
            : result;
    }
}
