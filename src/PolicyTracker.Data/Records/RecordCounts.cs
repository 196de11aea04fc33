using Microsoft.EntityFrameworkCore;

namespace PolicyTracker.Data.Records;

// Keeps person_counts, body_counts and document_counts equal to what the published flags say, for
// the people, bodies and documents of the meetings a save touched. PublishedFlags calls it in the
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

    /// <summary>Every person, body and document at once: the migration that creates the tables, the synthetic seed, a repair.</summary>
    public static readonly string RefreshAllSql = string.Join(";\n", Where(PeopleSql, "true"),
        Where(BodiesSql, "true"), Where(DocumentsSql, "true")) + ";";

    // Deleted facts are included on purpose: a participation an editor removed still names the person whose count fell.
    public static async Task RefreshAsync(PolicyTrackerDbContext db, Guid[] meetingIds, CancellationToken ct)
    {
        if (meetingIds.Length == 0)
        {
            return;
        }
        var ids = new Npgsql.NpgsqlParameter("ids", meetingIds);
        // The SQL is this class's own constants, never input.
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync(Where(PeopleSql,
            "p.id IN (SELECT person_id FROM participations WHERE meeting_id = ANY(@ids))"), [ids], ct);
        await db.Database.ExecuteSqlRawAsync(Where(BodiesSql,
            "o.id IN (SELECT organization_id FROM meetings WHERE id = ANY(@ids))"), [new Npgsql.NpgsqlParameter("ids", meetingIds)], ct);
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
