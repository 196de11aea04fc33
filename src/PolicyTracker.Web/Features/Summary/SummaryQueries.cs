using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PolicyTracker.Data.Entities;
using PolicyTracker.Web.Components.Shared;
using PolicyTracker.Web.Features.Browse;

namespace PolicyTracker.Web.Features.Summary;

public sealed record RankedLine(Guid Id, string Name, int Count);

public sealed record ActionCount(DocumentActionKind Action, int Count);

/// <summary>The figures a manager compares: what one period counted.</summary>
public sealed record PeriodFigures(int ReportsEntered, int Meetings, int DocumentsAdopted, int NewPeople, int NewBodies);

/// <summary>One bar of a chart: the days it covers (both inclusive) and its label.</summary>
public sealed record Bucket(DateOnly Start, DateOnly End, string Label);

/// <summary>One coloured part of a stacked chart: a body (null id for "other") or an action, a count per bucket.</summary>
public sealed record ChartSeries(string Key, string Name, Guid? BodyId, DocumentActionKind? Action, IReadOnlyList<int> Counts)
{
    public int Total => Counts.Sum();
}

public sealed record SummaryData(
    SummaryPeriod Period,
    SummaryPeriod? Previous,
    PeriodFigures Figures,
    PeriodFigures? PreviousFigures,
    int Undated,
    IReadOnlyList<Bucket> Buckets,
    IReadOnlyList<ChartSeries> MeetingsByBody,
    IReadOnlyList<ChartSeries> DocumentsByAction,
    IReadOnlyList<RankedLine> TopBodies,
    IReadOnlyList<RankedLine> TopPeople,
    IReadOnlyList<ActionCount> DocumentActions,
    IReadOnlyList<RankedLine> NewBodies,
    IReadOnlyList<RankedLine> NewPeople)
{
    public int Meetings => Figures.Meetings;
}

/// <summary>The managers' dashboard, aggregated by PostgreSQL: every query returns one row per bar, body, person
/// or figure, never one per meeting. A two-source meeting is one meeting row, so it counts once.</summary>
public sealed class SummaryQueries(PublishedData published, IMemoryCache cache)
{
    public const int TopCount = 10;

    /// <summary>The chart stacks this many bodies; the rest are one "other" part.</summary>
    public const int StackedBodies = 5;

    /// <summary>The lists of new people and bodies show at most this many names.</summary>
    public const int NewNames = 20;

    // The summary aggregates whole tables, so a computed summary is kept for a short while: at most
    // CacheFor old, and dropped sooner when the stored counts (kept on publish) show the archive changed.
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <summary>Counts over dated meetings between <paramref name="from"/> and <paramref name="to"/>
    /// (both inclusive); all time when both are open.</summary>
    public Task<SummaryData> GetAsync(DateOnly? from, DateOnly? to, CancellationToken ct = default) =>
        GetAsync(from is null && to is null ? SummaryPeriod.AllTime
            : SummaryPeriod.Custom(from ?? QueryInputMin, to ?? from!.Value.AddYears(20)), ct);

    public async Task<SummaryData> GetAsync(SummaryPeriod period, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var version = await db.ArchiveVersionAsync(ct);
        var key = (nameof(SummaryQueries), period);
        if (cache.TryGetValue(key, out (ArchiveVersion Version, SummaryData Data) hit) && hit.Version == version)
        {
            return hit.Data;
        }
        var data = await ComputeAsync(db, period, ct);
        cache.Set(key, (version, data), CacheFor);
        return data;
    }

    /// <summary>The newest published meeting's date: where the default period sits.</summary>
    public async Task<DateOnly?> LatestMeetingAsync(CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        return await db.Meetings.Where(m => m.Date != null).MaxAsync(m => m.Date, ct);
    }

    private static readonly DateOnly QueryInputMin = new(1900, 1, 1);

    private static async Task<SummaryData> ComputeAsync(PublishedView db, SummaryPeriod period, CancellationToken ct)
    {
        var undated = 0;
        if (period.Kind == PeriodKind.All)
        {
            var bounds = (await db.AggregateAsync<DateBounds>($"""
                SELECT min(date) AS first, max(date) AS last FROM meetings WHERE published AND deleted_at IS NULL
                """, ct))[0];
            undated = await db.Meetings.CountAsync(m => m.Date == null, ct);
            period = period with { Start = bounds.First, End = bounds.Last };
            if (bounds.First is null)
            {
                return Empty(period, undated);
            }
        }

        var start = period.Start!.Value;
        var end = period.End!.Value;
        var allTime = period.Kind == PeriodKind.All;

        var unit = period.Unit;
        var buckets = Buckets(start, end, unit);
        var index = buckets.Select((b, i) => (b.Start, i)).ToDictionary(x => x.Start, x => x.i);
        var unitName = unit.ToString().ToLowerInvariant();

        // All time is every dated published meeting, so its tops are the stored per-body and per-person totals (kept by
        // RecordCounts in the publishing transaction) less their undated meetings: a few thousand rollup rows instead
        // of every meeting and participation of twenty years.
        var topBodies = allTime
            ? await db.AggregateAsync<RankedRow>($"""
                WITH undated AS (
                    SELECT organization_id, count(*) AS n FROM meetings WHERE published AND deleted_at IS NULL AND date IS NULL GROUP BY 1)
                SELECT b.organization_id AS id, o.name AS name, (b.meetings - coalesce(u.n, 0))::int AS count
                FROM body_counts b JOIN organizations o ON o.id = b.organization_id
                LEFT JOIN undated u ON u.organization_id = b.organization_id
                WHERE b.meetings - coalesce(u.n, 0) > 0
                ORDER BY 3 DESC, 2 LIMIT {TopCount}
                """, ct)
            : await db.AggregateAsync<RankedRow>($"""
                SELECT m.organization_id AS id, o.name AS name, count(*)::int AS count
                FROM meetings m JOIN organizations o ON o.id = m.organization_id
                WHERE m.published AND m.deleted_at IS NULL AND m.date BETWEEN {start} AND {end}
                GROUP BY 1, 2 ORDER BY 3 DESC, 2 LIMIT {TopCount}
                """, ct);
        var topPeople = allTime
            ? await db.AggregateAsync<RankedRow>($"""
                WITH undated AS (
                    SELECT person_id, count(*) AS n FROM participations WHERE published AND deleted_at IS NULL AND meeting_date IS NULL GROUP BY 1)
                SELECT c.person_id AS id, pe.name AS name, (c.meetings - coalesce(u.n, 0))::int AS count
                FROM person_counts c JOIN people pe ON pe.id = c.person_id
                LEFT JOIN undated u ON u.person_id = c.person_id
                WHERE c.meetings - coalesce(u.n, 0) > 0
                ORDER BY 3 DESC, 2 LIMIT {TopCount}
                """, ct)
            : await db.AggregateAsync<RankedRow>($"""
                WITH top AS (
                    SELECT person_id, count(*)::int AS count FROM participations
                    WHERE published AND deleted_at IS NULL AND meeting_date BETWEEN {start} AND {end}
                    GROUP BY 1)
                SELECT top.person_id AS id, pe.name AS name, top.count AS count
                FROM top JOIN people pe ON pe.id = top.person_id
                ORDER BY 3 DESC, 2 LIMIT {TopCount}
                """, ct);

        // The chart stacks the first bodies of the top list (same order: most meetings, then name), so the meetings are
        // read once, without a join.
        var stacked = topBodies.Take(StackedBodies).ToList();
        var stackedIds = stacked.Select(b => b.Id).ToArray();
        var byBody = await db.AggregateAsync<BodyBucketRow>($"""
            SELECT date_trunc({unitName}, date::timestamp)::date AS bucket,
                   CASE WHEN organization_id = ANY({stackedIds}) THEN organization_id END AS body_id, NULL::text AS name,
                   count(*)::int AS count
            FROM meetings
            WHERE published AND deleted_at IS NULL AND date BETWEEN {start} AND {end}
            GROUP BY 1, 2
            """, ct);
        var names = stacked.ToDictionary(b => b.Id, b => b.Name);
        var bodySeries = byBody.Where(r => r.BodyId is not null)
            .GroupBy(r => r.BodyId!.Value)
            .Select(g => Series(g.Key.ToString(), names[g.Key], g.Key, null, g.Select(r => (r.Bucket, r.Count)), index))
            .OrderByDescending(s => s.Total).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        var others = byBody.Where(r => r.BodyId is null).ToList();
        if (others.Count > 0)
        {
            bodySeries.Add(Series("other", "Other bodies", null, null, others.Select(r => (r.Bucket, r.Count)), index));
        }

        // Documents, not actions: the bar links to the document list, which lists each document once. One pass gives the
        // bars and the period's totals per action (a document acted on in two bars counts once in the total).
        var byAction = await db.AggregateAsync<ActionBucketRow>($"""
            SELECT date_trunc({unitName}, m.date::timestamp)::date AS bucket, a.action AS action, count(DISTINCT a.document_id)::int AS count
            FROM document_actions a JOIN meetings m ON m.id = a.meeting_id
            WHERE a.published AND a.deleted_at IS NULL AND m.published AND m.deleted_at IS NULL AND m.date BETWEEN {start} AND {end}
            GROUP BY GROUPING SETS ((1, 2), (2))
            """, ct);
        var actionSeries = byAction.Where(r => r.Bucket is not null)
            .GroupBy(r => Enum.Parse<DocumentActionKind>(r.Action))
            .Select(g => Series(g.Key.ToString().ToLowerInvariant(), g.Key.ToString().ToLowerInvariant(), null, g.Key, g.Select(r => (r.Bucket!.Value, r.Count)), index))
            .OrderByDescending(s => s.Total).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        var actionTotals = byAction.Where(r => r.Bucket is null)
            .OrderByDescending(r => r.Count).ThenBy(r => r.Action, StringComparer.Ordinal)
            .Select(r => new ActionTotalRow(r.Action, r.Count))
            .ToList();
        var adopted = actionTotals.FirstOrDefault(a => a.Action == nameof(DocumentActionKind.Adopted))?.Count ?? 0;

        var figures = await FiguresAsync(db, start, end, ct, everyReport: allTime, adopted: adopted);
        var previous = allTime ? null : period.Previous;
        var previousFigures = previous is null ? null : await FiguresAsync(db, previous.Start!.Value, previous.End!.Value, ct);

        var newBodies = await db.AggregateAsync<RankedRow>($"""
            SELECT b.organization_id AS id, o.name AS name,
                   (SELECT count(*)::int FROM meetings m WHERE m.organization_id = b.organization_id
                      AND m.published AND m.deleted_at IS NULL AND m.date BETWEEN {start} AND {end}) AS count
            FROM body_counts b JOIN organizations o ON o.id = b.organization_id
            WHERE o.deleted_at IS NULL AND b.meetings > 0 AND b.first_meeting BETWEEN {start} AND {end}
            ORDER BY b.first_meeting, o.name LIMIT {NewNames}
            """, ct);
        // In the order they first appeared, as new bodies are; the period's meetings are counted for the names shown only.
        var newPeople = await db.AggregateAsync<RankedRow>(WithNewPeople(start, end, $"""
            SELECT n.person_id AS id, pe.name AS name,
                   (SELECT count(*)::int FROM participations p
                    WHERE p.person_id = n.person_id AND p.published AND p.deleted_at IS NULL AND p.meeting_date BETWEEN {start} AND {end}) AS count
            FROM new_people n JOIN people pe ON pe.id = n.person_id
            ORDER BY n.first_meeting, pe.name LIMIT {NewNames}
            """), ct);

        return new SummaryData(period, previous, figures, previousFigures, undated, buckets, bodySeries, actionSeries,
            Ranked(topBodies), Ranked(topPeople),
            [.. actionTotals.Select(a => new ActionCount(Enum.Parse<DocumentActionKind>(a.Action), a.Count))],
            Ranked(newBodies), Ranked(newPeople));
    }

    /// <summary>The days whose entered reports the "Reports entered" figure counts (and its link lists): the period's,
    /// or any day for all time (reports are entered long after the meetings of an archive happened).</summary>
    public static DayRange EnteredDays(SummaryPeriod period) =>
        period.Kind == PeriodKind.All ? DayRange.Any : new DayRange(period.Start, period.End);

    // adopted: the period's adopted documents when the caller has counted them already (the action totals).
    private static async Task<PeriodFigures> FiguresAsync(PublishedView db, DateOnly start, DateOnly end, CancellationToken ct,
        bool everyReport = false, int? adopted = null)
    {
        var (from, until) = (everyReport ? DayRange.Any : new DayRange(start, end)).Instants;
        return (await db.AggregateAsync<PeriodFigures>(WithNewPeople(start, end, $"""
            SELECT
              (SELECT count(*)::int FROM reports WHERE deleted_at IS NULL AND entered_at >= {from} AND entered_at < {until}) AS reports_entered,
              (SELECT count(*)::int FROM meetings WHERE published AND deleted_at IS NULL AND date BETWEEN {start} AND {end}) AS meetings,
              CASE WHEN {adopted}::int IS NOT NULL THEN {adopted}::int ELSE
              (SELECT count(DISTINCT a.document_id)::int FROM document_actions a JOIN meetings m ON m.id = a.meeting_id
                 WHERE a.published AND a.deleted_at IS NULL AND a.action = 'Adopted'
                   AND m.published AND m.deleted_at IS NULL AND m.date BETWEEN {start} AND {end}) END AS documents_adopted,
              (SELECT count(*)::int FROM new_people) AS new_people,
              (SELECT count(*)::int FROM body_counts b JOIN organizations o ON o.id = b.organization_id
                 WHERE o.deleted_at IS NULL AND b.meetings > 0 AND b.first_meeting BETWEEN {start} AND {end}) AS new_bodies
            """), ct))[0];
    }

    // People whose first published meeting falls in the period (so seen in it, and in none before it): a CTE put in
    // front of a query, its two dates as the first parameters. person_body_counts holds each person's first published
    // meeting per body, kept by RecordCounts in the publishing transaction, so this reads a few thousand rollup rows
    // instead of asking every participation of the period whether an earlier one exists (3.3 s at 100,000 meetings).
    private const string NewPeopleCte = """
        WITH new_people AS (
            SELECT c.person_id, min(c.first_meeting) AS first_meeting
            FROM person_body_counts c
            GROUP BY c.person_id
            HAVING min(c.first_meeting) BETWEEN {0} AND {1})

        """;

    private static FormattableString WithNewPeople(DateOnly start, DateOnly end, FormattableString query)
    {
        // The query's own placeholders move up by two, behind the CTE's dates.
        var format = System.Text.RegularExpressions.Regex.Replace(query.Format, @"\{(\d+)", m => "{" + (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 2).ToString(CultureInfo.InvariantCulture));
        return System.Runtime.CompilerServices.FormattableStringFactory.Create(NewPeopleCte + format, [start, end, .. query.GetArguments()]);
    }

    private static List<Bucket> Buckets(DateOnly start, DateOnly end, BucketUnit unit)
    {
        var buckets = new List<Bucket>();
        var first = unit switch
        {
            BucketUnit.Month => new DateOnly(start.Year, start.Month, 1),
            BucketUnit.Week => start.AddDays(-(((int)start.DayOfWeek + 6) % 7)),
            _ => start,
        };
        for (var b = first; b <= end;)
        {
            var next = unit switch { BucketUnit.Month => b.AddMonths(1), BucketUnit.Week => b.AddDays(7), _ => b.AddDays(1) };
            // A bar covers only the days inside the period, so its link lists exactly what it counts.
            var barStart = b < start ? start : b;
            var barEnd = next.AddDays(-1) > end ? end : next.AddDays(-1);
            var label = unit switch
            {
                BucketUnit.Month => b.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                BucketUnit.Week => b.ToString("MM-dd", CultureInfo.InvariantCulture),
                _ => b.ToString("dd ddd", CultureInfo.InvariantCulture),
            };
            buckets.Add(new Bucket(barStart, barEnd, label));
            b = next;
        }
        return buckets;
    }

    private static ChartSeries Series(string key, string name, Guid? bodyId, DocumentActionKind? action,
        IEnumerable<(DateOnly Bucket, int Count)> rows, Dictionary<DateOnly, int> index)
    {
        var counts = new int[index.Count];
        foreach (var (bucket, count) in rows)
        {
            // date_trunc gives the calendar start; the first bar may start later, at the period's first day.
            var i = index.TryGetValue(bucket, out var at) ? at : 0;
            counts[i] += count;
        }
        return new ChartSeries(key, name, bodyId, action, counts);
    }

    private static SummaryData Empty(SummaryPeriod period, int undated) =>
        new(period, null, new PeriodFigures(0, 0, 0, 0, 0), null, undated, [], [], [], [], [], [], [], []);

    private static List<RankedLine> Ranked(IEnumerable<RankedRow> rows) => [.. rows.Select(r => new RankedLine(r.Id, r.Name, r.Count))];

    private sealed record DateBounds(DateOnly? First, DateOnly? Last);

    private sealed record BodyBucketRow(DateOnly Bucket, Guid? BodyId, string? Name, int Count);

    private sealed record ActionBucketRow(DateOnly? Bucket, string Action, int Count);

    private sealed record ActionTotalRow(string Action, int Count);

    private sealed record RankedRow(Guid Id, string Name, int Count);
}
