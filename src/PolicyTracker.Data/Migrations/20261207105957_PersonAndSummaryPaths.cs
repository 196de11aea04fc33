using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class PersonAndSummaryPaths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "sources",
                table: "person_counts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "meeting_date",
                table: "participations",
                type: "date",
                nullable: true);

            // The archive as it stands, as PublishedFlags keeps it from here on: each participation's meeting date, and
            // no fact published in a meeting that is not (the summary and person page read facts without meetings).
            migrationBuilder.Sql("""
                UPDATE participations f SET meeting_date = m.date FROM meetings m WHERE m.id = f.meeting_id AND m.date IS NOT NULL;
                UPDATE participations f SET published = false FROM meetings m
                  WHERE m.id = f.meeting_id AND f.published AND NOT (m.published AND m.deleted_at IS NULL);
                UPDATE resolutions f SET published = false FROM meetings m
                  WHERE m.id = f.meeting_id AND f.published AND NOT (m.published AND m.deleted_at IS NULL);
                UPDATE document_actions f SET published = false FROM meetings m
                  WHERE m.id = f.meeting_id AND f.published AND NOT (m.published AND m.deleted_at IS NULL);
                """);
            foreach (var sql in Indexes)
            {
                migrationBuilder.Sql(sql);
            }
            // Counts again (sources is new; facts of unpublished meetings no longer count), frozen as of this migration.
            migrationBuilder.Sql("""
                INSERT INTO person_counts (person_id, meetings, last_meeting, sources)
                SELECT p.id, count(f.id)::int, max(f.meeting_date),
                       (SELECT count(DISTINCT s.source_report_id)::int
                        FROM participations f2
                        JOIN participation_sources s ON s.fact_id = f2.id AND s.deleted_at IS NULL AND s.verdict <> 'Removed'
                        JOIN reports r ON r.id = s.source_report_id AND r.status = 'Published' AND r.deleted_at IS NULL
                        WHERE f2.person_id = p.id AND f2.published AND f2.deleted_at IS NULL)
                FROM people p
                LEFT JOIN participations f ON f.person_id = p.id AND f.published
                GROUP BY p.id
                ON CONFLICT (person_id) DO UPDATE SET meetings = excluded.meetings, last_meeting = excluded.last_meeting, sources = excluded.sources;
                INSERT INTO document_counts (document_id, actions, first_action, last_action)
                SELECT d.id, count(a.id)::int, min(m.date), max(m.date)
                FROM documents d
                LEFT JOIN document_actions a ON a.document_id = d.id AND a.published
                LEFT JOIN meetings m ON m.id = a.meeting_id
                GROUP BY d.id
                ON CONFLICT (document_id) DO UPDATE SET actions = excluded.actions, first_action = excluded.first_action, last_action = excluded.last_action;
                """);
        }

        internal static readonly string[] Indexes =
        [
            // Person page: the latest meetings (ORDER BY meeting_date DESC, meeting_id DESC LIMIT 50), the timeline's
            // pages, the month and role counts, index-only, from this table alone.
            "CREATE INDEX IF NOT EXISTS ix_participations_live_person_date ON participations (person_id, meeting_date DESC, meeting_id DESC) INCLUDE (role) WHERE published AND deleted_at IS NULL",
            // Person page's co-attendees: everyone at the person's meetings, counted with their last date, index-only.
            "CREATE INDEX IF NOT EXISTS ix_participations_live_meeting_person ON participations (meeting_id) INCLUDE (person_id, meeting_date) WHERE published AND deleted_at IS NULL",
            // Summary: people of a period (busiest, new) by date, index-only.
            "CREATE INDEX IF NOT EXISTS ix_participations_live_date_person ON participations (meeting_date, person_id) WHERE published AND deleted_at IS NULL",
        ];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_participations_live_person_date");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_participations_live_date_person");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_participations_live_meeting_person");
            migrationBuilder.DropColumn(
                name: "sources",
                table: "person_counts");

            migrationBuilder.DropColumn(
                name: "meeting_date",
                table: "participations");
        }
    }
}
