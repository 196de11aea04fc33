using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class FactsWithSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "text_key",
                table: "resolutions",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");
            migrationBuilder.AddColumn<bool>(
                name: "published",
                table: "meetings",
                type: "boolean",
                nullable: false,
                defaultValue: false);
            migrationBuilder.AddColumn<string>(
                name: "extractor_version",
                table: "meeting_sources",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);
            migrationBuilder.AddColumn<string>(
                name: "verdict",
                table: "meeting_sources",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Extracted");
            foreach (var table in new[] { "participations", "resolutions", "document_actions" })
            {
                migrationBuilder.AddColumn<bool>(name: "published", table: table, type: "boolean", nullable: false, defaultValue: false);
            }

            migrationBuilder.AddColumn<bool>(name: "in_bulk", table: "meeting_sources", type: "boolean", nullable: false, defaultValue: false);
            migrationBuilder.CreateTable(
                name: "document_action_sources",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    deleted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    source_report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    span_start = table.Column<int>(type: "integer", nullable: false),
                    span_length = table.Column<int>(type: "integer", nullable: false),
                    confidence = table.Column<double>(type: "double precision", nullable: false),
                    extractor_version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    verdict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    in_bulk = table.Column<bool>(type: "boolean", nullable: false),
                    verdict_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    verdict_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    fact_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_action_sources", x => x.id);
                    table.CheckConstraint("ck_document_action_sources_confidence", "confidence >= 0 AND confidence <= 1");
                    table.CheckConstraint("ck_document_action_sources_span", "span_start >= 0 AND span_length >= 0");
                    table.ForeignKey(
                        name: "fk_document_action_sources_document_actions_fact_id",
                        column: x => x.fact_id,
                        principalTable: "document_actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_document_action_sources_reports_source_report_id",
                        column: x => x.source_report_id,
                        principalTable: "reports",
                        principalColumn: "id");
                });
            migrationBuilder.CreateTable(
                name: "participation_sources",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    deleted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    source_report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    span_start = table.Column<int>(type: "integer", nullable: false),
                    span_length = table.Column<int>(type: "integer", nullable: false),
                    confidence = table.Column<double>(type: "double precision", nullable: false),
                    extractor_version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    verdict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    in_bulk = table.Column<bool>(type: "boolean", nullable: false),
                    verdict_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    verdict_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    fact_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_participation_sources", x => x.id);
                    table.CheckConstraint("ck_participation_sources_confidence", "confidence >= 0 AND confidence <= 1");
                    table.CheckConstraint("ck_participation_sources_span", "span_start >= 0 AND span_length >= 0");
                    table.ForeignKey(
                        name: "fk_participation_sources_participations_fact_id",
                        column: x => x.fact_id,
                        principalTable: "participations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_participation_sources_reports_source_report_id",
                        column: x => x.source_report_id,
                        principalTable: "reports",
                        principalColumn: "id");
                });
            migrationBuilder.CreateTable(
                name: "resolution_sources",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    deleted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    source_report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    span_start = table.Column<int>(type: "integer", nullable: false),
                    span_length = table.Column<int>(type: "integer", nullable: false),
                    confidence = table.Column<double>(type: "double precision", nullable: false),
                    extractor_version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    verdict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    in_bulk = table.Column<bool>(type: "boolean", nullable: false),
                    verdict_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    verdict_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    fact_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resolution_sources", x => x.id);
                    table.CheckConstraint("ck_resolution_sources_confidence", "confidence >= 0 AND confidence <= 1");
                    table.CheckConstraint("ck_resolution_sources_span", "span_start >= 0 AND span_length >= 0");
                    table.ForeignKey(
                        name: "fk_resolution_sources_reports_source_report_id",
                        column: x => x.source_report_id,
                        principalTable: "reports",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_resolution_sources_resolutions_fact_id",
                        column: x => x.fact_id,
                        principalTable: "resolutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
            migrationBuilder.Sql(MoveToSources);
            migrationBuilder.RenameColumn(
                name: "verified_by",
                table: "meeting_sources",
                newName: "verdict_by");
            migrationBuilder.RenameColumn(
                name: "verified_at",
                table: "meeting_sources",
                newName: "verdict_at");
            migrationBuilder.DropForeignKey(
                name: "fk_document_actions_reports_source_report_id",
                table: "document_actions");
            migrationBuilder.DropForeignKey(
                name: "fk_participations_reports_source_report_id",
                table: "participations");
            migrationBuilder.DropForeignKey(
                name: "fk_resolutions_reports_source_report_id",
                table: "resolutions");
            migrationBuilder.DropIndex(
                name: "ix_resolutions_source_report_id",
                table: "resolutions");
            migrationBuilder.DropCheckConstraint(
                name: "ck_resolutions_confidence",
                table: "resolutions");
            migrationBuilder.DropCheckConstraint(
                name: "ck_resolutions_span",
                table: "resolutions");
            migrationBuilder.DropIndex(
                name: "ix_participations_source_report_id",
                table: "participations");
            migrationBuilder.DropCheckConstraint(
                name: "ck_participations_confidence",
                table: "participations");
            migrationBuilder.DropCheckConstraint(
                name: "ck_participations_span",
                table: "participations");
            migrationBuilder.DropIndex(
                name: "ix_document_actions_source_report_id",
                table: "document_actions");
            migrationBuilder.DropCheckConstraint(
                name: "ck_document_actions_confidence",
                table: "document_actions");
            migrationBuilder.DropCheckConstraint(
                name: "ck_document_actions_span",
                table: "document_actions");
            migrationBuilder.DropColumn(
                name: "confidence",
                table: "resolutions");
            migrationBuilder.DropColumn(
                name: "source_report_id",
                table: "resolutions");
            migrationBuilder.DropColumn(
                name: "span_length",
                table: "resolutions");
            migrationBuilder.DropColumn(
                name: "span_start",
                table: "resolutions");
            migrationBuilder.DropColumn(
                name: "verified_at",
                table: "resolutions");
            migrationBuilder.DropColumn(
                name: "verified_by",
                table: "resolutions");
            migrationBuilder.DropColumn(
                name: "confidence",
                table: "participations");
            migrationBuilder.DropColumn(
                name: "source_report_id",
                table: "participations");
            migrationBuilder.DropColumn(
                name: "span_length",
                table: "participations");
            migrationBuilder.DropColumn(
                name: "span_start",
                table: "participations");
            migrationBuilder.DropColumn(
                name: "verified_at",
                table: "participations");
            migrationBuilder.DropColumn(
                name: "verified_by",
                table: "participations");
            migrationBuilder.DropColumn(
                name: "confidence",
                table: "document_actions");
            migrationBuilder.DropColumn(
                name: "source_report_id",
                table: "document_actions");
            migrationBuilder.DropColumn(
                name: "span_length",
                table: "document_actions");
            migrationBuilder.DropColumn(
                name: "span_start",
                table: "document_actions");
            migrationBuilder.DropColumn(
                name: "verified_at",
                table: "document_actions");
            migrationBuilder.DropColumn(
                name: "verified_by",
                table: "document_actions");
            foreach (var table in new[] { "participations", "resolutions", "document_actions", "meeting_sources" })
            {
                migrationBuilder.DropColumn(name: "verified", table: table);
            }

            migrationBuilder.CreateIndex(
                name: "ix_participations_meeting_id_person_id",
                table: "participations",
                columns: new[] { "meeting_id", "person_id" },
                unique: true,
                filter: "deleted_at IS NULL");
            migrationBuilder.CreateIndex(
                name: "ix_participations_person_id_published",
                table: "participations",
                column: "person_id",
                filter: "published");
            migrationBuilder.CreateIndex(
                name: "ix_meetings_date_published",
                table: "meetings",
                column: "date",
                filter: "published");
            migrationBuilder.CreateIndex(
                name: "ix_document_actions_meeting_id_document_id_action",
                table: "document_actions",
                columns: new[] { "meeting_id", "document_id", "action" },
                unique: true,
                filter: "deleted_at IS NULL");
            migrationBuilder.CreateIndex(
                name: "ix_document_action_sources_fact_id_source_report_id",
                table: "document_action_sources",
                columns: new[] { "fact_id", "source_report_id" },
                unique: true,
                filter: "deleted_at IS NULL");
            migrationBuilder.CreateIndex(
                name: "ix_document_action_sources_source_report_id",
                table: "document_action_sources",
                column: "source_report_id");
            migrationBuilder.CreateIndex(
                name: "ix_participation_sources_fact_id_source_report_id",
                table: "participation_sources",
                columns: new[] { "fact_id", "source_report_id" },
                unique: true,
                filter: "deleted_at IS NULL");
            migrationBuilder.CreateIndex(
                name: "ix_participation_sources_source_report_id",
                table: "participation_sources",
                column: "source_report_id");
            migrationBuilder.CreateIndex(
                name: "ix_resolution_sources_fact_id_source_report_id",
                table: "resolution_sources",
                columns: new[] { "fact_id", "source_report_id" },
                unique: true,
                filter: "deleted_at IS NULL");
            migrationBuilder.CreateIndex(
                name: "ix_resolution_sources_source_report_id",
                table: "resolution_sources",
                column: "source_report_id");
            migrationBuilder.Sql(RefreshPublished);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Merged facts cannot be split back into one row per report without guessing.
            throw new NotSupportedException("FactsWithSources merges the facts several reports repeat; restore a backup taken before it to go back.");
        }


        // Every old row becomes a source (same report, span, confidence, verdict) of the fact that
        // survives its group; the other rows of a group are soft-deleted, audited as merged.
        private const string MoveToSources = """
            CREATE TEMP TABLE merged_facts (kind text, old_id uuid, fact_id uuid, PRIMARY KEY (kind, old_id)) ON COMMIT DROP;

            UPDATE resolutions SET text_key = lower(regexp_replace(btrim(text), '\s+', ' ', 'g'));

            INSERT INTO merged_facts
            SELECT 'Participation', id, first_value(id) OVER (PARTITION BY meeting_id, person_id ORDER BY position, id)
            FROM participations WHERE deleted_at IS NULL;
            INSERT INTO merged_facts
            SELECT 'Resolution', id, first_value(id) OVER (PARTITION BY meeting_id, text_key ORDER BY position, id)
            FROM resolutions WHERE deleted_at IS NULL;
            INSERT INTO merged_facts
            SELECT 'DocumentAction', id, first_value(id) OVER (PARTITION BY meeting_id, document_id, action ORDER BY position, id)
            FROM document_actions WHERE deleted_at IS NULL;

            INSERT INTO participation_sources (id, deleted_at, deleted_by, source_report_id, span_start, span_length, confidence,
                extractor_version, verdict, in_bulk, verdict_by, verdict_at, fact_id)
            SELECT gen_random_uuid(),
                CASE WHEN x.n > 1 THEN now() ELSE x.deleted_at END, CASE WHEN x.n > 1 THEN 'migration: claimed twice by one report' ELSE x.deleted_by END,
                x.source_report_id, x.span_start, x.span_length, x.confidence, r.extractor_version,
                CASE WHEN x.verified THEN 'Accepted' ELSE 'Extracted' END, false, x.verified_by, x.verified_at, x.fid
            FROM (SELECT f.*, COALESCE(m.fact_id, f.id) AS fid,
                    CASE WHEN f.deleted_at IS NULL THEN row_number() OVER (PARTITION BY COALESCE(m.fact_id, f.id), f.source_report_id, f.deleted_at IS NULL ORDER BY f.position, f.id) ELSE 1 END AS n
                  FROM participations f LEFT JOIN merged_facts m ON m.kind = 'Participation' AND m.old_id = f.id) x
            JOIN reports r ON r.id = x.source_report_id;

            INSERT INTO resolution_sources (id, deleted_at, deleted_by, source_report_id, span_start, span_length, confidence,
                extractor_version, verdict, in_bulk, verdict_by, verdict_at, fact_id)
            SELECT gen_random_uuid(),
                CASE WHEN x.n > 1 THEN now() ELSE x.deleted_at END, CASE WHEN x.n > 1 THEN 'migration: claimed twice by one report' ELSE x.deleted_by END,
                x.source_report_id, x.span_start, x.span_length, x.confidence, r.extractor_version,
                CASE WHEN x.verified THEN 'Accepted' ELSE 'Extracted' END, false, x.verified_by, x.verified_at, x.fid
            FROM (SELECT f.*, COALESCE(m.fact_id, f.id) AS fid,
                    CASE WHEN f.deleted_at IS NULL THEN row_number() OVER (PARTITION BY COALESCE(m.fact_id, f.id), f.source_report_id, f.deleted_at IS NULL ORDER BY f.position, f.id) ELSE 1 END AS n
                  FROM resolutions f LEFT JOIN merged_facts m ON m.kind = 'Resolution' AND m.old_id = f.id) x
            JOIN reports r ON r.id = x.source_report_id;

            INSERT INTO document_action_sources (id, deleted_at, deleted_by, source_report_id, span_start, span_length, confidence,
                extractor_version, verdict, in_bulk, verdict_by, verdict_at, fact_id)
            SELECT gen_random_uuid(),
                CASE WHEN x.n > 1 THEN now() ELSE x.deleted_at END, CASE WHEN x.n > 1 THEN 'migration: claimed twice by one report' ELSE x.deleted_by END,
                x.source_report_id, x.span_start, x.span_length, x.confidence, r.extractor_version,
                CASE WHEN x.verified THEN 'Accepted' ELSE 'Extracted' END, false, x.verified_by, x.verified_at, x.fid
            FROM (SELECT f.*, COALESCE(m.fact_id, f.id) AS fid,
                    CASE WHEN f.deleted_at IS NULL THEN row_number() OVER (PARTITION BY COALESCE(m.fact_id, f.id), f.source_report_id, f.deleted_at IS NULL ORDER BY f.position, f.id) ELSE 1 END AS n
                  FROM document_actions f LEFT JOIN merged_facts m ON m.kind = 'DocumentAction' AND m.old_id = f.id) x
            JOIN reports r ON r.id = x.source_report_id;

            -- The surviving participation takes the strongest role any report gave: chair, speaker, attendee.
            UPDATE participations f SET role = x.role
            FROM (SELECT m.fact_id, (array_agg(p.role ORDER BY CASE p.role WHEN 'Chair' THEN 0 WHEN 'Speaker' THEN 1 ELSE 2 END))[1] AS role
                  FROM participations p JOIN merged_facts m ON m.kind = 'Participation' AND m.old_id = p.id
                  GROUP BY m.fact_id) x
            WHERE f.id = x.fact_id AND f.role <> x.role;

            INSERT INTO audit_entries (user_name, at, entity_type, entity_id, action, old_values, new_values)
            SELECT 'migration', now(), kind, old_id::text, 'Deleted', NULL, jsonb_build_object('merged_into', fact_id)
            FROM merged_facts WHERE old_id <> fact_id;
            UPDATE participations f SET deleted_at = now(), deleted_by = 'migration: merged into ' || m.fact_id
            FROM merged_facts m WHERE m.kind = 'Participation' AND m.old_id = f.id AND m.old_id <> m.fact_id;
            UPDATE resolutions f SET deleted_at = now(), deleted_by = 'migration: merged into ' || m.fact_id
            FROM merged_facts m WHERE m.kind = 'Resolution' AND m.old_id = f.id AND m.old_id <> m.fact_id;
            UPDATE document_actions f SET deleted_at = now(), deleted_by = 'migration: merged into ' || m.fact_id
            FROM merged_facts m WHERE m.kind = 'DocumentAction' AND m.old_id = f.id AND m.old_id <> m.fact_id;

            UPDATE meeting_sources s SET verdict = CASE WHEN s.verified THEN 'Accepted' ELSE 'Extracted' END, extractor_version = r.extractor_version
            FROM reports r WHERE r.id = s.source_report_id;

            -- Aliases that made look-ups ambiguous: bare surnames, and a body's meeting names.
            UPDATE person_aliases a SET deleted_at = now(), deleted_by = 'migration: bare surname'
            FROM people p
            WHERE p.id = a.person_id AND a.deleted_at IS NULL AND position(' ' in btrim(a.alias)) = 0 AND position(' ' in btrim(p.name)) > 0;
            UPDATE organization_aliases SET deleted_at = now(), deleted_by = 'migration: a meeting, not the body'
            WHERE deleted_at IS NULL AND alias ~* '\m(meeting|meetings|session|sessions|sitting|plenum)\M';
            """;

        private const string RefreshPublished = """
            UPDATE meetings m SET published = m.deleted_at IS NULL AND EXISTS (
                SELECT 1 FROM meeting_sources s JOIN reports r ON r.id = s.source_report_id
                WHERE s.meeting_id = m.id AND s.deleted_at IS NULL AND s.verdict <> 'Removed' AND r.status = 'Published' AND r.deleted_at IS NULL);
            UPDATE participations f SET published = f.deleted_at IS NULL AND EXISTS (
                SELECT 1 FROM participation_sources s JOIN reports r ON r.id = s.source_report_id
                WHERE s.fact_id = f.id AND s.deleted_at IS NULL AND s.verdict <> 'Removed' AND r.status = 'Published' AND r.deleted_at IS NULL);
            UPDATE resolutions f SET published = f.deleted_at IS NULL AND EXISTS (
                SELECT 1 FROM resolution_sources s JOIN reports r ON r.id = s.source_report_id
                WHERE s.fact_id = f.id AND s.deleted_at IS NULL AND s.verdict <> 'Removed' AND r.status = 'Published' AND r.deleted_at IS NULL);
            UPDATE document_actions f SET published = f.deleted_at IS NULL AND EXISTS (
                SELECT 1 FROM document_action_sources s JOIN reports r ON r.id = s.source_report_id
                WHERE s.fact_id = f.id AND s.deleted_at IS NULL AND s.verdict <> 'Removed' AND r.status = 'Published' AND r.deleted_at IS NULL);
            """;
    }
}
