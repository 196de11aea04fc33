using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class PageRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "co_attendance_counts",
                columns: table => new
                {
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    other_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    meetings = table.Column<int>(type: "integer", nullable: false),
                    last_meeting = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_co_attendance_counts", x => new { x.person_id, x.other_person_id, x.organization_id });
                });

            migrationBuilder.CreateTable(
                name: "person_body_counts",
                columns: table => new
                {
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    meetings = table.Column<int>(type: "integer", nullable: false),
                    chaired = table.Column<int>(type: "integer", nullable: false),
                    first_meeting = table.Column<DateOnly>(type: "date", nullable: true),
                    last_meeting = table.Column<DateOnly>(type: "date", nullable: true),
                    last_chaired = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_person_body_counts", x => new { x.person_id, x.organization_id });
                    table.ForeignKey(
                        name: "fk_person_body_counts_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_person_body_counts_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_counts",
                columns: table => new
                {
                    report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    meetings = table.Column<int>(type: "integer", nullable: false),
                    entered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_counts", x => x.report_id);
                    table.ForeignKey(
                        name: "fk_report_counts_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_person_body_counts_organization_id_meetings",
                table: "person_body_counts",
                columns: new[] { "organization_id", "meetings" });

            migrationBuilder.CreateIndex(
                name: "ix_report_counts_meetings_entered_at_report_id",
                table: "report_counts",
                columns: new[] { "meetings", "entered_at", "report_id" });

            // The archive as it stands, as RecordCounts keeps it from here on (a published participation is in a
            // published meeting; a report counts its claims of meetings that are not deleted).
            migrationBuilder.Sql("""
                INSERT INTO person_body_counts (person_id, organization_id, meetings, chaired, first_meeting, last_meeting, last_chaired)
                SELECT f.person_id, m.organization_id, count(*)::int, (count(*) FILTER (WHERE f.role = 'Chair'))::int,
                       min(m.date), max(m.date), max(m.date) FILTER (WHERE f.role = 'Chair')
                FROM participations f JOIN meetings m ON m.id = f.meeting_id
                WHERE f.published
                GROUP BY f.person_id, m.organization_id;
                INSERT INTO co_attendance_counts (person_id, other_person_id, organization_id, meetings, last_meeting)
                SELECT a.person_id, b.person_id, m.organization_id, count(*)::int, max(m.date)
                FROM participations a
                JOIN participations b ON b.meeting_id = a.meeting_id AND b.published AND b.person_id <> a.person_id
                JOIN meetings m ON m.id = a.meeting_id
                WHERE a.published
                GROUP BY a.person_id, b.person_id, m.organization_id;
                INSERT INTO report_counts (report_id, meetings, entered_at)
                SELECT r.id, (SELECT count(*)::int FROM meeting_sources s WHERE s.source_report_id = r.id AND s.deleted_at IS NULL), r.entered_at
                FROM reports r;
                ANALYZE person_body_counts;
                ANALYZE co_attendance_counts;
                ANALYZE report_counts;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "co_attendance_counts");

            migrationBuilder.DropTable(
                name: "person_body_counts");

            migrationBuilder.DropTable(
                name: "report_counts");
        }
    }
}
