using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Import;

namespace PolicyTracker.Data.Editing;

// Suggests linking a draft's document to one already followed at other meetings; the editor's
// choice is ReviewDocumentAction.LinkTo, saved with the rest of the draft.
public sealed class DocumentLinker(IDbContextFactory<PolicyTrackerDbContext> factory)
{
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
}
