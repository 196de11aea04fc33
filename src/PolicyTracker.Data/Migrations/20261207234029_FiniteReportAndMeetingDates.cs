using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class FiniteReportAndMeetingDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows written before the inputs refused it: an infinite date is no date, and an infinite
            // entry time becomes the report's publication or last change, else now.
            migrationBuilder.Sql("""
                UPDATE meetings SET date = NULL WHERE NOT isfinite(date);
                UPDATE reports SET published = NULL WHERE NOT isfinite(published);
                UPDATE reports SET entered_at = CASE
                        WHEN isfinite(published_at) THEN published_at
                        WHEN isfinite(updated_at) THEN updated_at
                        ELSE now() END
                    WHERE NOT isfinite(entered_at);
                UPDATE report_counts c SET entered_at = r.entered_at FROM reports r
                    WHERE r.id = c.report_id AND NOT isfinite(c.entered_at);
                """);

            migrationBuilder.AddCheckConstraint(
                name: "ck_reports_entered_at_finite",
                table: "reports",
                sql: "isfinite(entered_at)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_reports_published_finite",
                table: "reports",
                sql: "isfinite(published)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_meetings_date_finite",
                table: "meetings",
                sql: "isfinite(date)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_reports_entered_at_finite",
                table: "reports");

            migrationBuilder.DropCheckConstraint(
                name: "ck_reports_published_finite",
                table: "reports");

            migrationBuilder.DropCheckConstraint(
                name: "ck_meetings_date_finite",
                table: "meetings");
        }
    }
}
