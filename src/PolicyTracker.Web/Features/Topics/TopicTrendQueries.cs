using Microsoft.Extensions.Caching.Memory;
using PolicyTracker.Web.Features.Browse;
using PolicyTracker.Web.Features.Summary;

namespace PolicyTracker.Web.Features.Topics;

/// <summary>One topic's meetings per bucket of the period, its total and the previous period's total.
/// A meeting with several topics counts once in each, so the series are never stacked.</summary>
public sealed record TopicSeries(string Id, string Label, IReadOnlyList<int> Counts, int PreviousTotal)
{
    public int Total => Counts.Sum();
}

public sealed record TopicTrend(IReadOnlyList<Bucket> Buckets, IReadOnlyList<TopicSeries> Topics)
{
    /// <summary>Published dated meetings of the period that carry no topic at all.</summary>
    public int Untagged { get; init; }
}

/// <summary>Meetings per topic over a summary period, counted in PostgreSQL from the meetings' stored tags
/// (one row per bucket and topic): the same meetings the list shows at <c>/meetings?topic=..&amp;from=..&amp;to=..</c>.</summary>
public sealed class TopicTrendQueries(PublishedData published, IMemoryCache cache)
{
    /// <param name="period">A period with its days resolved (as <see cref="SummaryData.Period"/> is).</param>
    public async Task<TopicTrend> GetAsync(SummaryPeriod period, IReadOnlyList<Bucket> buckets, SummaryPeriod? previous, CancellationToken ct = default)
    {
        if (period.Start is not { } start || period.End is not { } end || buckets.Count == 0)
        {
            return new TopicTrend(buckets, []);
        }
        await using var db = await published.OpenAsync(ct);
        var version = await db.ArchiveVersionAsync(ct);
        var key = (nameof(TopicTrendQueries), period, previous);
        if (cache.TryGetValue(key, out (ArchiveVersion Version, TopicTrend Trend) hit) && hit.Version == version)
        {
            return hit.Trend;
        }

        var unit = period.Unit.ToString().ToLowerInvariant();
        var rows = await db.AggregateAsync<TopicBucketRow>($"""
            SELECT date_trunc({unit}, m.date::timestamp)::date AS bucket, t.topic AS topic, count(*)::int AS count
            FROM meetings m CROSS JOIN LATERAL unnest(m.topics) AS t(topic)
            WHERE m.published AND m.deleted_at IS NULL AND m.date BETWEEN {start} AND {end}
            GROUP BY 1, 2
            """, ct);
        var before = previous is { Start: { } ps, End: { } pe }
            ? (await db.AggregateAsync<TopicTotalRow>($"""
                SELECT t.topic AS topic, count(*)::int AS count
                FROM meetings m CROSS JOIN LATERAL unnest(m.topics) AS t(topic)
                WHERE m.published AND m.deleted_at IS NULL AND m.date BETWEEN {ps} AND {pe}
                GROUP BY 1
                """, ct)).ToDictionary(r => r.Topic, r => r.Count, StringComparer.Ordinal)
            : [];
        var untagged = (await db.AggregateAsync<int>($"""
            SELECT count(*)::int AS "Value" FROM meetings m
            WHERE m.published AND m.deleted_at IS NULL AND m.date BETWEEN {start} AND {end} AND cardinality(m.topics) = 0
            """, ct))[0];

        var index = buckets.Select((b, i) => (b.Start, i)).ToDictionary(x => x.Start, x => x.i);
        var byTopic = rows.ToLookup(r => r.Topic, StringComparer.Ordinal);
        var ids = TopicIds.Ordered(byTopic.Select(g => g.Key).Concat(before.Keys));
        var topics = ids.Select(id =>
            {
                var counts = new int[buckets.Count];
                foreach (var r in byTopic[id])
                {
                    // date_trunc gives the calendar start; the first bar may start later, at the period's first day.
                    counts[index.TryGetValue(r.Bucket, out var i) ? i : 0] += r.Count;
                }
                return new TopicSeries(id, TopicIds.Label(id), counts, before.GetValueOrDefault(id));
            })
            .OrderByDescending(t => t.Total).ThenByDescending(t => t.PreviousTotal).ThenBy(t => t.Label, StringComparer.Ordinal)
            .ToList();
        var trend = new TopicTrend(buckets, topics) { Untagged = untagged };
        cache.Set(key, (version, trend), SummaryQueries.CacheFor);
        return trend;
    }

    private sealed record TopicBucketRow(DateOnly Bucket, string Topic, int Count);

    private sealed record TopicTotalRow(string Topic, int Count);
}
