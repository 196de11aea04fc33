using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class Topics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "topics",
                table: "resolutions",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<string>(
                name: "topics_hash",
                table: "resolutions",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "topics",
                table: "meetings",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<string[]>(
                name: "topics",
                table: "documents",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<string>(
                name: "topics_hash",
                table: "documents",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_resolutions_topics",
                table: "resolutions",
                column: "topics")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_meetings_topics_published",
                table: "meetings",
                column: "topics",
                filter: "published")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_documents_topics",
                table: "documents",
                column: "topics")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_resolutions_topics",
                table: "resolutions");

            migrationBuilder.DropIndex(
                name: "ix_meetings_topics_published",
                table: "meetings");

            migrationBuilder.DropIndex(
                name: "ix_documents_topics",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "topics",
                table: "resolutions");

            migrationBuilder.DropColumn(
                name: "topics_hash",
                table: "resolutions");

            migrationBuilder.DropColumn(
                name: "topics",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "topics",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "topics_hash",
                table: "documents");
        }
    }
}
