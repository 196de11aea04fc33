using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class Feeds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "feed_id",
                table: "import_jobs",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "feeds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    publish = table.Column<bool>(type: "boolean", nullable: false),
                    poll_minutes = table.Column<int>(type: "integer", nullable: false),
                    paused = table.Column<bool>(type: "boolean", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_poll_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_polled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_succeeded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    consecutive_failures = table.Column<int>(type: "integer", nullable: false),
                    last_new_items = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    deleted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feeds", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_import_jobs_feed_id",
                table: "import_jobs",
                column: "feed_id");

            migrationBuilder.CreateIndex(
                name: "ix_feeds_next_poll_at",
                table: "feeds",
                column: "next_poll_at",
                filter: "deleted_at IS NULL AND NOT paused");

            migrationBuilder.CreateIndex(
                name: "ix_feeds_url",
                table: "feeds",
                column: "url",
                unique: true,
                filter: "deleted_at IS NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_import_jobs_feeds_feed_id",
                table: "import_jobs",
                column: "feed_id",
                principalTable: "feeds",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_import_jobs_feeds_feed_id",
                table: "import_jobs");

            migrationBuilder.DropTable(
                name: "feeds");

            migrationBuilder.DropIndex(
                name: "ix_import_jobs_feed_id",
                table: "import_jobs");

            migrationBuilder.DropColumn(
                name: "feed_id",
                table: "import_jobs");
        }
    }
}
