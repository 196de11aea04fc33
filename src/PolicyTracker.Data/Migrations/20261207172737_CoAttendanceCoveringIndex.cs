using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class CoAttendanceCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_co_attendance_counts_person_id_other_person_id",
                table: "co_attendance_counts",
                columns: new[] { "person_id", "other_person_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "organization_id", "meetings", "last_meeting" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_co_attendance_counts_person_id_other_person_id",
                table: "co_attendance_counts");
        }
    }
}
