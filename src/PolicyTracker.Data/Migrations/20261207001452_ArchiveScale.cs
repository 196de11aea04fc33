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

            // Counts for the archive as it stands; PublishedFlags keeps them from here on. The SQL as it was when this
            // migration was written (RecordCounts has since counted columns later migrations add).
            migrationBuilder.Sql("""
        INSERT INTO person_counts (person_id, meetings, last_meeting)
        SELECT p.id, count(f.id)::int, max(m.date)
        FROM people p
        LEFT JOIN participations f ON f.person_id = p.id AND f.published
        LEFT JOIN meetings m ON m.id = f.meeting_id
        WHERE true
        GROUP BY p.id
        ON CONFLICT (person_id) DO UPDATE SET meetings = excluded.meetings, last_meeting = excluded.last_meeting
        WHERE person_counts.meetings IS DISTINCT FROM excluded.meetings OR person_counts.last_meeting IS DISTINCT FROM excluded.last_meeting;
        INSERT INTO body_counts (organization_id, meetings, first_meeting, last_meeting)
        SELECT o.id, count(m.id)::int, min(m.date), max(m.date)
        FROM organizations o
        LEFT JOIN meetings m ON m.organization_id = o.id AND m.published
        WHERE true
        GROUP BY o.id
        ON CONFLICT (organization_id) DO UPDATE SET meetings = excluded.meetings, first_meeting = excluded.first_meeting, last_meeting = excluded.last_meeting
        WHERE body_counts.meetings IS DISTINCT FROM excluded.meetings OR body_counts.first_meeting IS DISTINCT FROM excluded.first_meeting
           OR body_counts.last_meeting IS DISTINCT FROM excluded.last_meeting;
        INSERT INTO document_counts (document_id, actions, first_action, last_action)
        SELECT d.id, count(a.id)::int, min(m.date), max(m.date)
        FROM documents d
        LEFT JOIN document_actions a ON a.document_id = d.id AND a.published
        LEFT JOIN meetings m ON m.id = a.meeting_id
        WHERE true
        GROUP BY d.id
        ON CONFLICT (document_id) DO UPDATE SET actions = excluded.actions, first_action = excluded.first_action, last_action = excluded.last_action
        WHERE document_counts.actions IS DISTINCT FROM excluded.actions OR document_counts.first_action IS DISTINCT FROM excluded.first_action
           OR document_counts.last_action IS DISTINCT FROM excluded.last_action;
        """);
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
