using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "import_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    publish = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    total_items = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "import_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    payload = table.Column<byte[]>(type: "bytea", nullable: true),
                    bytes = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    claimed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    lease_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    error = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    report_id = table.Column<Guid>(type: "uuid", nullable: true),
                    existing_report_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_import_items_import_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "import_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_import_items_job_id_position",
                table: "import_items",
                columns: new[] { "job_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_import_items_job_id_status_position",
                table: "import_items",
                columns: new[] { "job_id", "status", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_import_items_report_id",
                table: "import_items",
                column: "report_id");

            migrationBuilder.CreateIndex(
                name: "ix_import_items_status_lease_until",
                table: "import_items",
                columns: new[] { "status", "lease_until" },
                filter: "status IN ('Pending', 'Running')");

            migrationBuilder.CreateIndex(
                name: "ix_import_jobs_created_at",
                table: "import_jobs",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_import_jobs_status",
                table: "import_jobs",
                column: "status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "import_items");

            migrationBuilder.DropTable(
                name: "import_jobs");
        }
    }
}
