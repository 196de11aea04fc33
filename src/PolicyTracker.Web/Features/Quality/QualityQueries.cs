using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data;
using PolicyTracker.Web.Components.Shared;
using PolicyTracker.Web.Features.Summary;

namespace PolicyTracker.Web.Features.Quality;

/// <summary>One editor's work in a period: reports entered, reports they judged at least one claim of, reports published.
/// A null editor is the whole team, where a report two editors judged counts once.</summary>
public sealed record EditorThroughput(string? Editor, int Entered, int Reviewed, int Published);

/// <summary>Drafts waiting for review now, and how long they have waited.</summary>
public sealed record ReviewBacklog(int Drafts, DateTimeOffset? Oldest, double? MedianAgeDays, int OlderThanWeek);

/// <summary>The editors' verdicts on one field's extracted items: accepted unchanged, edited, removed, not yet judged,
/// and the items editors had to add. Shares are of the judged extracted items.</summary>
public sealed record FieldVerdicts(string Field, int Unjudged, int Accepted, int Edited, int Removed, int Added)
{
    public int Judged => Accepted + Edited + Removed;

    public double? AcceptedShare => Share(Accepted);

    public double? EditedShare => Share(Edited);

    public double? RemovedShare => Share(Removed);

    // Added per judged extracted item: how much the extractor missed.
    public double? AddedShare => Share(Added);

    public static FieldVerdicts Sum(string field, IEnumerable<FieldVerdicts> rows)
    {
        var list = rows.ToList();
        return new(field, list.Sum(r => r.Unjudged), list.Sum(r => r.Accepted), list.Sum(r => r.Edited), list.Sum(r => r.Removed), list.Sum(r => r.Added));
    }

    private double? Share(int n) => Judged == 0 ? null : (double)n / Judged;
}

/// <summary>One row of the quality tables: an extractor version or a month, with a column per field.</summary>
public sealed record QualityLine(string Label, IReadOnlyList<FieldVerdicts> Fields)
{
    public FieldVerdicts Of(string field) => Fields.First(f => f.Field == field);
}

public sealed record QualityData(
    SummaryPeriod Period,
    SummaryPeriod? Previous,
    IReadOnlyList<EditorThroughput> Editors,
    EditorThroughput Total,
    EditorThroughput? PreviousTotal,
    ReviewBacklog Backlog,
    IReadOnlyList<FieldVerdicts> Overall,
    IReadOnlyList<QualityLine> ByVersion,
    IReadOnlyList<QualityLine> ByMonth);

/// <summary>The team's throughput and the extractor's measured quality, aggregated by PostgreSQL: each query returns one
/// row per editor, or per field, extractor version and month, never one per report or claim.
/// Quality counts claims: each report's extraction of a fact is judged on its own, so a fact two reports state is two
/// claims (one per report), while an editor's throughput counts each report once however many claims they judged.
/// A claim belongs to the period and month its report was entered in, and to the extractor version that found it
/// (an added item, which no extractor found, to its report's).</summary>
public sealed class QualityQueries(IDbContextFactory<PolicyTrackerDbContext> factory, TimeProvider time)
{
    /// <summary>The fields, in the order the page shows them.</summary>
    public static readonly IReadOnlyList<string> Fields = ["body", "date", "chair", "participants", "resolutions", "documents"];

    public async Task<QualityData> GetAsync(SummaryPeriod period, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var (from, until) = Range(period);
        var editors = await ThroughputAsync(db, from, until, ct);
        var previous = period.Previous;
        EditorThroughput? previousTotal = null;
        if (previous is not null)
        {
            var (pf, pu) = Range(previous);
            previousTotal = Total(await ThroughputAsync(db, pf, pu, ct));
        }

        var backlog = (await db.Database.SqlQuery<ReviewBacklog>($"""
            SELECT count(*)::int AS drafts, min(entered_at) FILTER (WHERE isfinite(entered_at)) AS oldest,
                   (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM {time.GetUtcNow()} - entered_at)) FILTER (WHERE isfinite(entered_at)) / 86400)::float8 AS median_age_days,
                   (count(*) FILTER (WHERE entered_at < {time.GetUtcNow().AddDays(-7)}))::int AS older_than_week
            FROM reports WHERE deleted_at IS NULL AND status = 'Draft'
            """).ToListAsync(ct))[0];

        var rows = await db.Database.SqlQuery<VerdictRow>($"""
            WITH r AS (
                SELECT id, extractor_version, date_trunc('month', entered_at AT TIME ZONE 'UTC')::date AS month FROM reports
                WHERE deleted_at IS NULL AND entered_at >= {from} AND entered_at < {until}),
            claims AS (
                SELECT 'body' AS field, r.id AS report_id, s.extractor_version, s.body_verdict AS verdict, s.verdict AS own
                  FROM r JOIN meeting_sources s ON s.source_report_id = r.id WHERE s.deleted_at IS NULL
                UNION ALL
                SELECT 'date', r.id, s.extractor_version, s.date_verdict, s.verdict
                  FROM r JOIN meeting_sources s ON s.source_report_id = r.id WHERE s.deleted_at IS NULL AND s.date_verdict IS NOT NULL
                UNION ALL
                SELECT 'chair', r.id, s.extractor_version, s.chair_verdict, s.verdict
                  FROM r JOIN meeting_sources s ON s.source_report_id = r.id WHERE s.deleted_at IS NULL AND s.chair_verdict IS NOT NULL
                UNION ALL
                SELECT 'participants', r.id, s.extractor_version, s.verdict, s.verdict
                  FROM r JOIN participation_sources s ON s.source_report_id = r.id WHERE s.deleted_at IS NULL
                UNION ALL
                SELECT 'resolutions', r.id, s.extractor_version, s.verdict, s.verdict
                  FROM r JOIN resolution_sources s ON s.source_report_id = r.id WHERE s.deleted_at IS NULL
                UNION ALL
                SELECT 'documents', r.id, s.extractor_version, s.verdict, s.verdict
                  FROM r JOIN document_action_sources s ON s.source_report_id = r.id WHERE s.deleted_at IS NULL)
            -- An extracted claim carries its extractor's version; an item an editor added and later removed again counts nowhere.
            SELECT c.field AS field, coalesce(c.extractor_version, r.extractor_version, 'unknown') AS version, r.month AS month,
                   (count(*) FILTER (WHERE c.extractor_version IS NOT NULL AND c.verdict = 'Extracted'))::int AS unjudged,
                   (count(*) FILTER (WHERE c.extractor_version IS NOT NULL AND c.verdict = 'Accepted'))::int AS accepted,
                   (count(*) FILTER (WHERE c.extractor_version IS NOT NULL AND c.verdict = 'Edited'))::int AS edited,
                   (count(*) FILTER (WHERE c.extractor_version IS NOT NULL AND c.verdict = 'Removed'))::int AS removed,
                   (count(*) FILTER (WHERE c.verdict = 'Added' AND c.own <> 'Removed'))::int AS added
            FROM claims c JOIN r ON r.id = c.report_id
            GROUP BY 1, 2, 3
            """).ToListAsync(ct);

        var overall = Fields.Select(f => FieldVerdicts.Sum(f, rows.Where(r => r.Field == f).Select(r => r.Verdicts))).ToList();
        var byVersion = rows.GroupBy(r => r.Version).OrderBy(g => g.Key, VersionOrder.Instance)
            .Select(g => Line(g.Key, g)).ToList();
        var byMonth = rows.GroupBy(r => r.Month).OrderBy(g => g.Key)
            .Select(g => Line(g.Key.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), g)).ToList();
        return new QualityData(period, previous, [.. editors.Where(e => e.Editor is not null).OrderByDescending(e => e.Entered + e.Reviewed + e.Published).ThenBy(e => e.Editor, StringComparer.Ordinal)], Total(editors), previousTotal, backlog, overall, byVersion, byMonth);
    }

    private static async Task<List<EditorThroughput>> ThroughputAsync(PolicyTrackerDbContext db, DateTimeOffset from, DateTimeOffset until, CancellationToken ct) =>
        await db.Database.SqlQuery<EditorThroughput>($"""
            WITH entered AS (
                SELECT entered_by AS editor, count(*)::int AS n FROM reports
                WHERE deleted_at IS NULL AND entered_at >= {from} AND entered_at < {until} GROUP BY 1),
            published AS (
                SELECT published_by AS editor, count(*)::int AS n FROM reports
                WHERE deleted_at IS NULL AND published_by IS NOT NULL AND published_at >= {from} AND published_at < {until} GROUP BY 1),
            judged AS (
                SELECT verdict_by, source_report_id FROM meeting_sources WHERE verdict_by IS NOT NULL AND verdict_at >= {from} AND verdict_at < {until}
                UNION
                SELECT verdict_by, source_report_id FROM participation_sources WHERE verdict_by IS NOT NULL AND verdict_at >= {from} AND verdict_at < {until}
                UNION
                SELECT verdict_by, source_report_id FROM resolution_sources WHERE verdict_by IS NOT NULL AND verdict_at >= {from} AND verdict_at < {until}
                UNION
                SELECT verdict_by, source_report_id FROM document_action_sources WHERE verdict_by IS NOT NULL AND verdict_at >= {from} AND verdict_at < {until}),
            reviewed AS (
                SELECT j.verdict_by AS editor, count(*)::int AS n FROM judged j JOIN reports r ON r.id = j.source_report_id
                WHERE r.deleted_at IS NULL GROUP BY 1),
            editors AS (SELECT editor FROM entered UNION SELECT editor FROM published UNION SELECT editor FROM reviewed)
            SELECT * FROM (
                SELECT e.editor AS editor, coalesce(en.n, 0) AS entered, coalesce(rv.n, 0) AS reviewed, coalesce(pu.n, 0) AS published
                FROM editors e
                LEFT JOIN entered en ON en.editor = e.editor
                LEFT JOIN reviewed rv ON rv.editor = e.editor
                LEFT JOIN published pu ON pu.editor = e.editor
                ORDER BY coalesce(rv.n, 0) + coalesce(pu.n, 0) + coalesce(en.n, 0) DESC, e.editor) per_editor
            UNION ALL
            SELECT NULL, (SELECT coalesce(sum(n), 0)::int FROM entered),
                   (SELECT count(DISTINCT j.source_report_id)::int FROM judged j JOIN reports r ON r.id = j.source_report_id WHERE r.deleted_at IS NULL),
                   (SELECT coalesce(sum(n), 0)::int FROM published)
            """).ToListAsync(ct);

    private static EditorThroughput Total(IReadOnlyList<EditorThroughput> rows) => rows.Single(r => r.Editor is null);

    /// <summary>The days a period's reports, verdicts and publishing are counted in: all of them for all time.</summary>
    public static DayRange Days(SummaryPeriod period) =>
        period.Start is { } start && period.End is { } end ? new DayRange(start, end) : DayRange.Any;

    private static (DateTimeOffset From, DateTimeOffset Until) Range(SummaryPeriod period) => Days(period).Instants;

    private static QualityLine Line(string label, IEnumerable<VerdictRow> rows)
    {
        var list = rows.ToList();
        return new QualityLine(label, [.. Fields.Select(f => FieldVerdicts.Sum(f, list.Where(r => r.Field == f).Select(r => r.Verdicts)))]);
    }

    private sealed record VerdictRow(string Field, string Version, DateOnly Month, int Unjudged, int Accepted, int Edited, int Removed, int Added)
    {
        public FieldVerdicts Verdicts => new(Field, Unjudged, Accepted, Edited, Removed, Added);
    }

    // "1.10.0" after "1.9.0": numeric parts compared as numbers, anything else as text.
    private sealed class VersionOrder : IComparer<string>
    {
        public static readonly VersionOrder Instance = new();

        public int Compare(string? x, string? y) =>
            Version.TryParse(x, out var a) && Version.TryParse(y, out var b) ? a.CompareTo(b) : string.CompareOrdinal(x, y);
    }
}
