using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Topics;
using PolicyTracker.Extraction.Topics;

namespace PolicyTracker.Data.Records;

// Keeps Meeting.Published and each fact's Published equal to "a published report still claims it",
// inside the transaction that changed a report, a source or a verdict. Browse queries then filter on
// an indexed column instead of joining every source to its report.
public static class PublishedFlags
{
    public static Task RefreshReportAsync(PolicyTrackerDbContext db, Guid reportId, CancellationToken ct) =>
        RefreshReportAsync(db, reportId, [], ct);

    // The meetings this report claims anything of, and any others the caller touched (claims that moved away).
    public static async Task RefreshReportAsync(PolicyTrackerDbContext db, Guid reportId, IEnumerable<Guid> alsoMeetings, CancellationToken ct)
    {
        var meetings = await db.Database.SqlQuery<Guid>($"""
            SELECT meeting_id AS "Value" FROM meeting_sources WHERE source_report_id = {reportId}
            UNION SELECT f.meeting_id FROM participations f JOIN participation_sources s ON s.fact_id = f.id WHERE s.source_report_id = {reportId}
            UNION SELECT f.meeting_id FROM resolutions f JOIN resolution_sources s ON s.fact_id = f.id WHERE s.source_report_id = {reportId}
            UNION SELECT f.meeting_id FROM document_actions f JOIN document_action_sources s ON s.fact_id = f.id WHERE s.source_report_id = {reportId}
            """).ToListAsync(ct);
        await RefreshAsync(db, meetings.Concat(alsoMeetings), [reportId], ct);
    }

    public static Task RefreshAsync(PolicyTrackerDbContext db, IEnumerable<Guid> meetingIds, CancellationToken ct) =>
        RefreshAsync(db, meetingIds, [], ct);

    // reports: reports whose claims changed, beyond those of the meetings (a new report that claims no meeting).
    public static async Task RefreshAsync(PolicyTrackerDbContext db, IEnumerable<Guid> meetingIds, Guid[] reports, CancellationToken ct)
    {
        var ids = meetingIds.Distinct().ToArray();
        if (ids.Length == 0)
        {
            await RecordCounts.RefreshAsync(db, ids, reports, ct);
            return;
        }

        await db.Database.ExecuteSqlAsync($"""
            UPDATE meetings m SET published = x.published
            FROM (SELECT m2.id, m2.deleted_at IS NULL AND EXISTS (
                    SELECT 1 FROM meeting_sources s JOIN reports r ON r.id = s.source_report_id
                    WHERE s.meeting_id = m2.id AND s.deleted_at IS NULL AND s.verdict <> 'Removed'
                      AND r.status = 'Published' AND r.deleted_at IS NULL) AS published
                  FROM meetings m2 WHERE m2.id = ANY({ids})) x
            WHERE m.id = x.id AND m.published IS DISTINCT FROM x.published
            """, ct);
        // The meeting's date travels with its participations (person page, summary), whoever changed it.
        await db.Database.ExecuteSqlAsync($"""
            UPDATE participations f SET meeting_date = m.date
            FROM meetings m
            WHERE m.id = f.meeting_id AND f.meeting_id = ANY({ids}) AND f.meeting_date IS DISTINCT FROM m.date
            """, ct);
        await RefreshFactsAsync(db, "participations", "participation_sources", ids, ct);
        await RefreshFactsAsync(db, "resolutions", "resolution_sources", ids, ct);
        await RefreshFactsAsync(db, "document_actions", "document_action_sources", ids, ct);
        await TopicTags.RefreshMeetingsAsync(db, ids, TopicTaxonomy.Default, ct);
        await RecordCounts.RefreshAsync(db, ids, reports, ct);
    }

    // Every meeting and fact at once: after a migration, or to repair.
    public static async Task RefreshAllAsync(PolicyTrackerDbContext db, CancellationToken ct)
    {
        var ids = await db.Meetings.IgnoreQueryFilters().Select(m => m.Id).ToListAsync(ct);
        var reports = await db.Reports.IgnoreQueryFilters().Select(r => r.Id).ToArrayAsync(ct);
        await RefreshAsync(db, ids, reports, ct);
    }

    private static Task<int> RefreshFactsAsync(PolicyTrackerDbContext db, string facts, string sources, Guid[] meetingIds, CancellationToken ct)
    {
        // Table names are this class's own constants, never input. A fact is published only in a published meeting
        // (flag set just above), so queries on a fact table need no join to meetings to know it is shown.
#pragma warning disable EF1002
        return db.Database.ExecuteSqlRawAsync($"""
            UPDATE {facts} f SET published = x.published
            FROM (SELECT f2.id, f2.deleted_at IS NULL AND m.published AND EXISTS (
                    SELECT 1 FROM {sources} s JOIN reports r ON r.id = s.source_report_id
                    WHERE s.fact_id = f2.id AND s.deleted_at IS NULL AND s.verdict <> 'Removed'
                      AND r.status = 'Published' AND r.deleted_at IS NULL) AS published
                  FROM {facts} f2 JOIN meetings m ON m.id = f2.meeting_id WHERE f2.meeting_id = ANY(@p0)) x
            WHERE f.id = x.id AND f.published IS DISTINCT FROM x.published
            """, [new Npgsql.NpgsqlParameter("p0", meetingIds)], ct);
#pragma warning restore EF1002
    }
}
