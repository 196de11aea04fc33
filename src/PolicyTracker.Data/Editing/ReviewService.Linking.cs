using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import;
using PolicyTracker.Data.Records;

namespace PolicyTracker.Data.Editing;

public sealed partial class ReviewService
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
                    Headlines = m.Sources.Select(s => s.SourceReport.Headline).Take(3).ToList(),
                })
                .Take(3)
                .ToListAsync(ct);
            suggestions.AddRange(candidates.Select(c => new MergeSuggestion(meeting.Key, c.Id, c.Body, c.Date, c.Sources, c.Headlines)));
        }

        return suggestions;
    }

    // A document already followed at other meetings whose title is close to this one:
    // "the plan on data security" reviewed in March is the plan a later meeting adopts.
    public async Task<IReadOnlyList<DocumentSuggestion>> SuggestDocumentsAsync(ReviewDraft draft, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var suggestions = new List<DocumentSuggestion>();
        foreach (var item in draft.Meetings.Where(m => !m.Removed).SelectMany(m => m.Documents).Where(d => !d.Removed))
        {
            var key = TextKeys.DocumentKey(item.Title);
            var candidates = await db.Documents.AsNoTracking()
                .Where(d => d.Id != item.DocumentId
                    && d.Actions.Any(a => a.Sources.Any(s => s.SourceReportId != draft.ReportId))
                    && (EF.Functions.TrigramsSimilarity(d.NormalizedTitle, key) > 0.45
                        || d.NormalizedTitle.Contains(key) || key.Contains(d.NormalizedTitle)))
                .OrderByDescending(d => EF.Functions.TrigramsSimilarity(d.NormalizedTitle, key))
                .Take(2)
                .Select(d => new
                {
                    d.Id,
                    d.Title,
                    Seen = d.Actions.OrderBy(a => a.Meeting.Date)
                        .Select(a => new { a.Action, a.Meeting.Date, Body = a.Meeting.Organization.Name }).Take(3).ToList(),
                })
                .ToListAsync(ct);
            suggestions.AddRange(candidates.Select(c => new DocumentSuggestion(
                item.Key, c.Id, c.Title,
                string.Join("; ", c.Seen.Select(s => $"{s.Action.ToString().ToLowerInvariant()} {s.Date:yyyy-MM-dd} by {s.Body}")))));
        }

        return suggestions;
    }

    // Moves this report's claims from one meeting to the other, through the same save as every edit:
    // facts the other meeting already has gain this report as a source, the rest move over, and the
    // emptied meeting goes when no other report describes it. The audit trail keeps both sides.
    public async Task<ReviewSaveResult> MergeMeetingAsync(Guid reportId, Guid fromMeetingId, Guid intoMeetingId, CancellationToken ct = default)
    {
        var draft = await LoadAsync(reportId, ct);
        var meeting = draft?.Meetings.FirstOrDefault(m => m.MeetingId == fromMeetingId);
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (draft is null || meeting is null || !await db.Meetings.AnyAsync(m => m.Id == intoMeetingId, ct))
            {
                return new ReviewSaveResult(SaveOutcome.NotFound, "One of the two meetings no longer exists.", []);
            }
        }

        meeting.MergeInto = intoMeetingId;
        var result = await SaveAsync(draft, publish: false, ct);
        return result.Outcome == SaveOutcome.Saved
            ? ReviewSaveResult.Ok("Merged: this report is now a source of the stored meeting.")
            : result;
    }

    public async Task<ReviewSaveResult> SetStatusAsync(Guid reportId, uint version, ReportStatus status, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return new ReviewSaveResult(SaveOutcome.NotFound, "This report no longer exists.", []);
        }

        db.Entry(report).Property(r => r.Version).OriginalValue = version;
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
