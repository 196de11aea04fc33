using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class VerdictTimeIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_resolution_sources_verdict_at",
                table: "resolution_sources",
                column: "verdict_at",
                filter: "verdict_by IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "verdict_by", "source_report_id" });

            migrationBuilder.CreateIndex(
                name: "ix_participation_sources_verdict_at",
                table: "participation_sources",
                column: "verdict_at",
                filter: "verdict_by IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "verdict_by", "source_report_id" });

            migrationBuilder.CreateIndex(
                name: "ix_meeting_sources_verdict_at",
                table: "meeting_sources",
                column: "verdict_at",
                filter: "verdict_by IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "verdict_by", "source_report_id" });

            migrationBuilder.CreateIndex(
                name: "ix_document_action_sources_verdict_at",
                table: "document_action_sources",
                column: "verdict_at",
                filter: "verdict_by IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "verdict_by", "source_report_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_resolution_sources_verdict_at",
                table: "resolution_sources");

            migrationBuilder.DropIndex(
                name: "ix_participation_sources_verdict_at",
                table: "participation_sources");

            migrationBuilder.DropIndex(
                name: "ix_meeting_sources_verdict_at",
                table: "meeting_sources");

            migrationBuilder.DropIndex(
                name: "ix_document_action_sources_verdict_at",
                table: "document_action_sources");
        }
    }
}
