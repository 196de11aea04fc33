using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Import;

namespace PolicyTracker.Data.Records;

// Keeps person_counts, body_counts, document_counts, person_body_counts, co_attendance_counts and report_counts equal
// to what the published flags and claims say, for the people, bodies, documents and reports of the meetings a save touched. PublishedFlags calls it in the
// same transaction; the migration and the synthetic seed run the whole-archive version.
public static class RecordCounts
{
    // {0} is a WHERE clause on the counted table's own id, or "true" for every row.
    // A published participation is in a published meeting (PublishedFlags), and carries its meeting's date.
    private const string PeopleSql = """
        INSERT INTO person_counts (person_id, meetings, last_meeting, sources)
        SELECT p.id, count(f.id)::int, max(f.meeting_date),
               (SELECT count(DISTINCT s.source_report_id)::int
                FROM participations f2
                JOIN participation_sources s ON s.fact_id = f2.id AND s.deleted_at IS NULL AND s.verdict <> 'Removed'
                JOIN reports r ON r.id = s.source_report_id AND r.status = 'Published' AND r.deleted_at IS NULL
                WHERE f2.person_id = p.id AND f2.published AND f2.deleted_at IS NULL)
        FROM people p
        LEFT JOIN participations f ON f.person_id = p.id AND f.published
        WHERE {0}
        GROUP BY p.id
        ON CONFLICT (person_id) DO UPDATE SET meetings = excluded.meetings, last_meeting = excluded.last_meeting, sources = excluded.sources
        WHERE person_counts.meetings IS DISTINCT FROM excluded.meetings OR person_counts.last_meeting IS DISTINCT FROM excluded.last_meeting
           OR person_counts.sources IS DISTINCT FROM excluded.sources
        """;

    private const string BodiesSql = """
        INSERT INTO body_counts (organization_id, meetings, first_meeting, last_meeting)
        SELECT o.id, count(m.id)::int, min(m.date), max(m.date)
        FROM organizations o
        LEFT JOIN meetings m ON m.organization_id = o.id AND m.published
        WHERE {0}
        GROUP BY o.id
        ON CONFLICT (organization_id) DO UPDATE SET meetings = excluded.meetings, first_meeting = excluded.first_meeting, last_meeting = excluded.last_meeting
        WHERE body_counts.meetings IS DISTINCT FROM excluded.meetings OR body_counts.first_meeting IS DISTINCT FROM excluded.first_meeting
           OR body_counts.last_meeting IS DISTINCT FROM excluded.last_meeting
        """;

    private const string DocumentsSql = """
        INSERT INTO document_counts (document_id, actions, first_action, last_action)
        SELECT d.id, count(a.id)::int, min(m.date), max(m.date)
        FROM documents d
        LEFT JOIN document_actions a ON a.document_id = d.id AND a.published
        LEFT JOIN meetings m ON m.id = a.meeting_id
        WHERE {0}
        GROUP BY d.id
        ON CONFLICT (document_id) DO UPDATE SET actions = excluded.actions, first_action = excluded.first_action, last_action = excluded.last_action
        WHERE document_counts.actions IS DISTINCT FROM excluded.actions OR document_counts.first_action IS DISTINCT FROM excluded.first_action
           OR document_counts.last_action IS DISTINCT FROM excluded.last_action
        """;

    // {0} is the people whose rows are replaced (an array parameter or an ARRAY(...) expression). Rows with no published
    // meeting are not stored: a person's bodies are the rows there are.
    private const string PersonBodiesSql = """
        DELETE FROM person_body_counts WHERE person_id = ANY({0});
        INSERT INTO person_body_counts (person_id, organization_id, meetings, chaired, first_meeting, last_meeting, last_chaired)
        SELECT f.person_id, m.organization_id, count(*)::int, (count(*) FILTER (WHERE f.role = 'Chair'))::int,
               min(m.date), max(m.date), max(m.date) FILTER (WHERE f.role = 'Chair')
        FROM participations f JOIN meetings m ON m.id = f.meeting_id
        WHERE f.published AND f.person_id = ANY({0})
        GROUP BY f.person_id, m.organization_id
        """;

    // A pair's count changes only when a meeting both were at (in any state) changes, so a save that touched meetings
    // replaces the pairs among the people of those meetings, across every body (a meeting may have changed body).
    private const string CoAttendanceSql = """
        DELETE FROM co_attendance_counts WHERE person_id = ANY({0}) AND other_person_id = ANY({0});
        INSERT INTO co_attendance_counts (person_id, other_person_id, organization_id, meetings, last_meeting)
        SELECT a.person_id, b.person_id, m.organization_id, count(*)::int, max(m.date)
        FROM participations a
        JOIN participations b ON b.meeting_id = a.meeting_id AND b.published AND b.person_id <> a.person_id AND b.person_id = ANY({0})
        JOIN meetings m ON m.id = a.meeting_id
        WHERE a.published AND a.person_id = ANY({0})
        GROUP BY a.person_id, b.person_id, m.organization_id
        """;

    // A report's claims of meetings that are not deleted (what Report.MeetingSources counts under the soft-delete filter).
    private const string ReportsSql = """
        INSERT INTO report_counts (report_id, meetings, entered_at)
        SELECT r.id, (SELECT count(*)::int FROM meeting_sources s WHERE s.source_report_id = r.id AND s.deleted_at IS NULL), r.entered_at
        FROM reports r
        WHERE {0}
        ON CONFLICT (report_id) DO UPDATE SET meetings = excluded.meetings
        WHERE report_counts.meetings IS DISTINCT FROM excluded.meetings
        """;

    // The rows the statements above recount for meetings @ids and reports @reports, as KeyLocks keys.
    private const string CountedRowsSql = """
        SELECT 'report:' || id AS "Value" FROM unnest(@reports) AS id
        UNION SELECT 'report:' || source_report_id FROM meeting_sources WHERE meeting_id = ANY(@ids)
        UNION SELECT 'person:' || person_id FROM participations WHERE meeting_id = ANY(@ids)
        UNION SELECT 'body:' || organization_id FROM meetings WHERE id = ANY(@ids)
        UNION SELECT 'body:' || c.organization_id FROM person_body_counts c
              WHERE c.person_id IN (SELECT person_id FROM participations WHERE meeting_id = ANY(@ids))
        UNION SELECT 'document:' || document_id FROM document_actions WHERE meeting_id = ANY(@ids)
        """;

    private const int MaxRowLocks = 1000;

    private const string EveryPerson = "ARRAY(SELECT id FROM people)";

    /// <summary>Every stored count at once: the migration that creates the tables, the synthetic seed, a repair.</summary>
    public static readonly string RefreshAllSql = string.Join(";\n", Where(PeopleSql, "true"),
        Where(BodiesSql, "true"), Where(DocumentsSql, "true"), Where(PersonBodiesSql, EveryPerson),
        Where(CoAttendanceSql, EveryPerson), Where(ReportsSql, "true")) + ";";

    // Deleted facts are included on purpose: a participation an editor removed still names the person whose count fell.
    // reportIds: reports whose claims changed beyond these meetings (a new report, one whose claims were dropped).
    public static async Task RefreshAsync(PolicyTrackerDbContext db, Guid[] meetingIds, Guid[] reportIds, CancellationToken ct)
    {
        // Every row recounted below, locked first in KeyLocks' order (Phase.Counts): two saves whose meetings share a
        // person, body, document or report recount it one after the other instead of deadlocking on the rows.
        var rows = await db.Database.SqlQueryRaw<string>(CountedRowsSql,
            new Npgsql.NpgsqlParameter("ids", meetingIds), new Npgsql.NpgsqlParameter("reports", reportIds)).ToListAsync(ct);
        if (rows.Count <= MaxRowLocks)
        {
            await KeyLocks.LockAsync(db, KeyLocks.Phase.Counts, rows, ct);
        }
        else if (db.Database.CurrentTransaction is not null)
        {
            // A repair or a merge of a large body: too many keys for the lock table, so the rollups whole (reads go on).
            // Outside a transaction (a seed or repair run alone) a lock would end with its statement: none is taken.
            await db.Database.ExecuteSqlRawAsync(
                "LOCK TABLE report_counts, body_counts, person_body_counts, co_attendance_counts, person_counts, document_counts IN EXCLUSIVE MODE", ct);
        }

        var people = rows.Where(r => r.StartsWith("person:", StringComparison.Ordinal)).Select(r => Guid.Parse(r.AsSpan(7))).ToArray();

        // The SQL is this class's own constants, never input.
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync(Where(ReportsSql,
            "r.id = ANY(@reports) OR r.id IN (SELECT source_report_id FROM meeting_sources WHERE meeting_id = ANY(@ids))"),
            [new Npgsql.NpgsqlParameter("reports", reportIds), new Npgsql.NpgsqlParameter("ids", meetingIds)], ct);
        if (meetingIds.Length == 0)
        {
            return;
        }

        // A meeting moved to another body in place leaves the old body's count behind unless that body is counted again:
        // the bodies of these people's stored rows include it (read before the rows are replaced).
        await db.Database.ExecuteSqlRawAsync(Where(BodiesSql,
            "o.id IN (SELECT organization_id FROM meetings WHERE id = ANY(@ids)) OR o.id IN (SELECT organization_id FROM person_body_counts WHERE person_id = ANY(@people))"),
            [new Npgsql.NpgsqlParameter("ids", meetingIds), new Npgsql.NpgsqlParameter("people", people)], ct);
        await db.Database.ExecuteSqlRawAsync(Where(PersonBodiesSql, "@people"), [new Npgsql.NpgsqlParameter("people", people)], ct);
        await db.Database.ExecuteSqlRawAsync(Where(CoAttendanceSql, "@people"), [new Npgsql.NpgsqlParameter("people", people)], ct);
        var ids = new Npgsql.NpgsqlParameter("ids", meetingIds);
        await db.Database.ExecuteSqlRawAsync(Where(PeopleSql,
            "p.id IN (SELECT person_id FROM participations WHERE meeting_id = ANY(@ids))"), [ids], ct);
        await db.Database.ExecuteSqlRawAsync(Where(DocumentsSql,
            "d.id IN (SELECT document_id FROM document_actions WHERE meeting_id = ANY(@ids))"), [new Npgsql.NpgsqlParameter("ids", meetingIds)], ct);
#pragma warning restore EF1002
    }

    private static string Where(string sql, string condition) => sql.Replace("{0}", condition, StringComparison.Ordinal);

    public static Task RefreshAllAsync(PolicyTrackerDbContext db, CancellationToken ct) =>
#pragma warning disable EF1002
        db.Database.ExecuteSqlRawAsync(RefreshAllSql, ct);
#pragma warning restore EF1002
}
