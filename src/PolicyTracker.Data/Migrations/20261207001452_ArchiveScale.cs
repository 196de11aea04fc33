using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArchiveScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_meetings_date_published",
                table: "meetings");

            migrationBuilder.CreateTable(
                name: "body_counts",
                columns: table => new
                {
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    meetings = table.Column<int>(type: "integer", nullable: false),
                    first_meeting = table.Column<DateOnly>(type: "date", nullable: true),
                    last_meeting = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_body_counts", x => x.organization_id);
                    table.ForeignKey(
                        name: "fk_body_counts_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "document_counts",
                columns: table => new
                {
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actions = table.Column<int>(type: "integer", nullable: false),
                    first_action = table.Column<DateOnly>(type: "date", nullable: true),
                    last_action = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_counts", x => x.document_id);
                    table.ForeignKey(
                        name: "fk_document_counts_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "person_counts",
                columns: table => new
                {
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    meetings = table.Column<int>(type: "integer", nullable: false),
                    last_meeting = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_person_counts", x => x.person_id);
                    table.ForeignKey(
                        name: "fk_person_counts_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_meetings_date_published",
                table: "meetings",
                columns: new[] { "date", "id" },
                filter: "published");

            migrationBuilder.CreateIndex(
                name: "ix_documents_title_id",
                table: "documents",
                columns: new[] { "title", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_entity_id",
                table: "audit_entries",
                column: "entity_id");

            migrationBuilder.CreateIndex(
                name: "ix_document_counts_actions_document_id",
                table: "document_counts",
                columns: new[] { "actions", "document_id" });

            migrationBuilder.CreateIndex(
                name: "ix_document_counts_first_action_document_id",
                table: "document_counts",
                columns: new[] { "first_action", "document_id" });

            migrationBuilder.CreateIndex(
                name: "ix_document_counts_last_action_document_id",
                table: "document_counts",
                columns: new[] { "last_action", "document_id" });

            migrationBuilder.CreateIndex(
                name: "ix_person_counts_last_meeting",
                table: "person_counts",
                column: "last_meeting");

            migrationBuilder.CreateIndex(
                name: "ix_person_counts_meetings",
                table: "person_counts",
                column: "meetings");

            // Counts for the archive as it stands; PublishedFlags keeps them from here on.
            migrationBuilder.Sql(PolicyTracker.Data.Records.RecordCounts.RefreshAllSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "body_counts");

            migrationBuilder.DropTable(
                name: "document_counts");

            migrationBuilder.DropTable(
                name: "person_counts");

            migrationBuilder.DropIndex(
                name: "ix_meetings_date_published",
                table: "meetings");

            migrationBuilder.DropIndex(
                name: "ix_documents_title_id",
                table: "documents");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_entity_id",
                table: "audit_entries");

            migrationBuilder.CreateIndex(
                name: "ix_meetings_date_published",
                table: "meetings",
                column: "date",
                filter: "published");
        }
    }
}
