using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Import;

namespace PolicyTracker.Data.Editing;

// Suggests linking a draft's document to one already followed at other meetings; the editor's
// choice is ReviewDocumentAction.LinkTo, saved with the rest of the draft.
public sealed class DocumentLinker(IDbContextFactory<PolicyTrackerDbContext> factory)
{
    // The lookup a title gets: trigram similarity above this, or one title containing the other.
    public const double MinimumSimilarity = 0.45;

    // A document already followed at other meetings whose title is close to this one:
    // "the plan on data security" reviewed in March is the plan a later meeting adopts.
    // Two queries whatever the number of items (a large report has hundreds): the titles are
    // unnested with their position and each gets its two closest documents by a LATERAL
    // trigram lookup; then the first three actions of every document found.
    public async Task<IReadOnlyList<DocumentSuggestion>> SuggestDocumentsAsync(ReviewDraft draft, CancellationToken ct = default)
    {
        var items = draft.Meetings.Where(m => !m.Removed).SelectMany(m => m.Documents).Where(d => !d.Removed).ToList();
        if (items.Count == 0)
        {
            return [];
        }

        var keys = items.Select(i => TextKeys.DocumentKey(i.Title)).ToArray();
        // Guid.Empty is no document's id, so an unlinked item excludes nothing.
        var linked = items.Select(i => i.DocumentId ?? Guid.Empty).ToArray();
        var reportId = draft.ReportId;
        var minimum = MinimumSimilarity;

        await using var db = await factory.CreateDbContextAsync(ct);
        var matches = await db.Database.SqlQuery<DocumentMatch>($"""
            SELECT item.position, found.id AS document_id, found.title, found.score
            FROM unnest({keys}::text[], {linked}::uuid[]) WITH ORDINALITY AS item(key, linked_id, position)
            CROSS JOIN LATERAL (
                SELECT d.id, d.title, similarity(d.normalized_title, item.key)::float8 AS score
                FROM documents d
                WHERE d.deleted_at IS NULL
                  AND d.id <> item.linked_id
                  AND (similarity(d.normalized_title, item.key) > {minimum}
                       OR strpos(d.normalized_title, item.key) > 0 OR strpos(item.key, d.normalized_title) > 0)
                  AND EXISTS (
                      SELECT 1 FROM document_actions a
                      JOIN document_action_sources s ON s.fact_id = a.id
                      WHERE a.document_id = d.id AND a.deleted_at IS NULL AND s.deleted_at IS NULL
                        AND s.source_report_id <> {reportId})
                ORDER BY score DESC, d.id
                LIMIT 2) AS found
            ORDER BY item.position, found.score DESC, found.id
            """).ToListAsync(ct);
        if (matches.Count == 0)
        {
            return [];
        }

        var ids = matches.Select(m => m.DocumentId).Distinct().ToList();
        var seen = await db.Documents.AsNoTracking()
            .Where(d => ids.Contains(d.Id))
            .Select(d => new
            {
                d.Id,
                Seen = d.Actions.OrderBy(a => a.Meeting.Date)
                    .Select(a => new { a.Action, a.Meeting.Date, Body = a.Meeting.Organization.Name }).Take(3).ToList(),
            })
            .ToDictionaryAsync(d => d.Id, d => string.Join("; ", d.Seen.Select(s => $"{s.Action.ToString().ToLowerInvariant()} {s.Date:yyyy-MM-dd} by {s.Body}")), ct);

        return [.. matches.Select(m => new DocumentSuggestion(items[(int)m.Position - 1].Key, m.DocumentId, m.Title, seen.GetValueOrDefault(m.DocumentId, "")))];
    }

    private sealed record DocumentMatch(long Position, Guid DocumentId, string Title, double Score);
}
