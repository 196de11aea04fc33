using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArchiveQueryPaths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Expression, INCLUDE and two-condition partial indexes the model cannot state; raw SQL keeps them out
            // of the snapshot, so later migrations leave them alone. Each is named by the query it serves.
            foreach (var sql in Indexes)
            {
                migrationBuilder.Sql(sql);
            }
        }

        internal static readonly string[] Indexes =
        [
            // Meetings text filter: ILIKE '%word%' on resolutions and sessions (names already have trigram indexes).
            "CREATE INDEX IF NOT EXISTS ix_resolutions_text_trgm ON resolutions USING gin (text gin_trgm_ops)",
            "CREATE INDEX IF NOT EXISTS ix_meetings_session_trgm ON meetings USING gin (session gin_trgm_ops)",
            // Reports grid, default order (drafts first, newest entered first): the page's ids and the capped total
            // come from this index alone (INCLUDE status: an index-only scan needs the column under the expression).
            // The expression is exactly what EF writes for the ORDER BY.
            "CREATE INDEX IF NOT EXISTS ix_reports_drafts_first ON reports ((CASE WHEN status = 'Draft' THEN 0 ELSE 1 END), entered_at DESC, id DESC) INCLUDE (status) WHERE deleted_at IS NULL",
            // Report counts on the overview (all, drafts): an index-only scan instead of reading every report's text.
            "CREATE INDEX IF NOT EXISTS ix_reports_live_status ON reports (status) WHERE deleted_at IS NULL",
            // Published meetings by date with their body: month counts and busiest bodies (summary), index-only.
            "CREATE INDEX IF NOT EXISTS ix_meetings_live_published ON meetings (date, id) INCLUDE (organization_id) WHERE published AND deleted_at IS NULL",
            // A meeting's date by id, for month counts reached from participations (person page), index-only.
            "CREATE INDEX IF NOT EXISTS ix_meetings_id_date ON meetings (id) INCLUDE (date) WHERE deleted_at IS NULL",
            // A person's published meetings, index-only (person page, meetings filtered by person or name).
            "CREATE INDEX IF NOT EXISTS ix_participations_live_person_meeting ON participations (person_id, meeting_id) WHERE published AND deleted_at IS NULL",
            // A source's report status by id (every "published report's claim" join), without reading the report row.
            "CREATE INDEX IF NOT EXISTS ix_reports_live_id_status ON reports (id) INCLUDE (status) WHERE deleted_at IS NULL",
            // Documents acted on in a period (summary), index-only from the meetings of the period.
            "CREATE INDEX IF NOT EXISTS ix_document_actions_live_meeting ON document_actions (meeting_id) INCLUDE (action, document_id) WHERE published AND deleted_at IS NULL",
            // Documents grid by title and its listed filter (a stored count above zero), both index-only.
            "CREATE INDEX IF NOT EXISTS ix_documents_live_title ON documents (title, id) WHERE deleted_at IS NULL",
            "CREATE INDEX IF NOT EXISTS ix_document_counts_listed ON document_counts (document_id) WHERE actions > 0",
            // Reports grid sorted by meetings: the count per report, aggregated index-only and joined once.
            "CREATE INDEX IF NOT EXISTS ix_meeting_sources_live_report ON meeting_sources (source_report_id) WHERE deleted_at IS NULL",
        ];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var name in new[] { "ix_resolutions_text_trgm", "ix_meetings_session_trgm", "ix_reports_drafts_first", "ix_reports_live_status",
                "ix_meetings_live_published", "ix_meetings_id_date", "ix_participations_live_person_meeting", "ix_reports_live_id_status",
                "ix_document_actions_live_meeting", "ix_documents_live_title", "ix_document_counts_listed", "ix_meeting_sources_live_report" })
            {
                migrationBuilder.Sql($"DROP INDEX IF EXISTS {name}");
            }
        }
    }
}
