using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class EditorialQuality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "published_at",
                table: "reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by",
                table: "reports",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "body_verdict",
                table: "meeting_sources",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValueSql: "'Extracted'");

            migrationBuilder.AddColumn<string>(
                name: "chair_verdict",
                table: "meeting_sources",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "date_verdict",
                table: "meeting_sources",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            // Existing archives: who published a report comes from its audit rows (the latest change to Published),
            // else its enterer when it was imported published. A meeting's fields take the meeting's verdict, the
            // only one recorded before; a date or chair the report never gave has none.
            migrationBuilder.Sql("""
                UPDATE reports r SET published_by = a.user_name, published_at = a.at
                FROM (SELECT DISTINCT ON (entity_id) entity_id, user_name, at FROM audit_entries
                      WHERE entity_type = 'Report' AND new_values::jsonb ->> 'status' = 'Published'
                      ORDER BY entity_id, at DESC) a
                WHERE r.status = 'Published' AND a.entity_id = r.id::text;
                UPDATE reports SET published_by = entered_by, published_at = coalesce(updated_at, entered_at)
                WHERE status = 'Published' AND published_by IS NULL;
                UPDATE meeting_sources s SET body_verdict = s.verdict,
                    date_verdict = CASE WHEN m.date IS NULL THEN NULL ELSE s.verdict END,
                    chair_verdict = CASE WHEN EXISTS (
                        SELECT 1 FROM participation_sources ps JOIN participations p ON p.id = ps.fact_id
                        WHERE ps.source_report_id = s.source_report_id AND p.meeting_id = s.meeting_id AND p.role = 'Chair')
                      THEN s.verdict END
                FROM meetings m WHERE m.id = s.meeting_id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "published_at",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "published_by",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "body_verdict",
                table: "meeting_sources");

            migrationBuilder.DropColumn(
                name: "chair_verdict",
                table: "meeting_sources");

            migrationBuilder.DropColumn(
                name: "date_verdict",
                table: "meeting_sources");
        }
    }
}
