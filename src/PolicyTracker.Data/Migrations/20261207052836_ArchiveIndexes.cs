using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArchiveIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_meeting_sources_meeting_id",
                table: "meeting_sources",
                column: "meeting_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_meeting_sources_meeting_id",
                table: "meeting_sources");
        }
    }
}
