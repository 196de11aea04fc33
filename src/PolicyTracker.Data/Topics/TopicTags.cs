using Microsoft.EntityFrameworkCore;
using Npgsql;
using PolicyTracker.Extraction.Topics;

namespace PolicyTracker.Data.Topics;

/// <summary>Progress of a full recompute: what is being tagged, how many rows of it are done and how many there are.</summary>
public sealed record TopicProgress(string Stage, int Done, int Total);

/// <summary>How many stored rows carry tags from another taxonomy (or none), against the file this build ships.</summary>
public sealed record TopicStaleness(int Resolutions, int Documents, string Hash)
{
    public bool Stale => Resolutions > 0 || Documents > 0;
}

/// <summary>Stores the taxonomy's tags on resolutions (their text) and documents (their title), each with the file's hash,
/// and on each meeting the union of its published resolutions' and acted-on documents' topics. Runs inside the
/// transactions that publish or edit (beside <see cref="Records.PublishedFlags"/>) and, for everything, from
/// <c>policytracker topics recompute</c> when the file changed.</summary>
public static class TopicTags
{
    public const int DefaultBatchSize = 2000;

    /// <summary>Tags the resolutions and documents of these meetings and refreshes the meetings' unions.</summary>
    public static async Task RefreshMeetingsAsync(PolicyTrackerDbContext db, Guid[] meetingIds, TopicTaxonomy taxonomy, CancellationToken ct)
    {
        if (meetingIds.Length == 0)
        {
            return;
        }

        var resolutions = await db.Resolutions.IgnoreQueryFilters().AsNoTracking()
            .Where(r => meetingIds.Contains(r.MeetingId))
            .Select(r => new Row(r.Id, r.Text, r.Topics, r.TopicsHash)).ToListAsync(ct);
        await WriteAsync(db, "resolutions", resolutions, taxonomy, ct);
        var documents = await db.Documents.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.Actions.Any(a => meetingIds.Contains(a.MeetingId)))
            .Select(d => new Row(d.Id, d.Title, d.Topics, d.TopicsHash)).ToListAsync(ct);
        await WriteAsync(db, "documents", documents, taxonomy, ct);
        // Another meeting acting on a retitled document changes its union too.
        var documentIds = documents.Select(d => d.Id).ToArray();
        var alsoMeetings = await db.DocumentActions.IgnoreQueryFilters().AsNoTracking()
            .Where(a => documentIds.Contains(a.DocumentId) && !meetingIds.Contains(a.MeetingId))
            .Select(a => a.MeetingId).Distinct().ToListAsync(ct);
        await RefreshUnionsAsync(db, [.. meetingIds, .. alsoMeetings], ct);
    }

    /// <summary>Re-tags every resolution and document in batches and rebuilds every meeting's union; returns the rows tagged.</summary>
    public static async Task<int> RecomputeAllAsync(IDbContextFactory<PolicyTrackerDbContext> factory, TopicTaxonomy taxonomy,
        IProgress<TopicProgress>? progress, int batchSize = DefaultBatchSize, CancellationToken ct = default)
    {
        var tagged = 0;
        tagged += await RecomputeTableAsync(factory, "resolutions", db => db.Resolutions.IgnoreQueryFilters().CountAsync(ct),
            (db, after) => db.Resolutions.IgnoreQueryFilters().AsNoTracking().Where(r => after == null || r.Id.CompareTo(after.Value) > 0)
                .OrderBy(r => r.Id).Select(r => new Row(r.Id, r.Text, r.Topics, r.TopicsHash)), taxonomy, progress, batchSize, ct);
        tagged += await RecomputeTableAsync(factory, "documents", db => db.Documents.IgnoreQueryFilters().CountAsync(ct),
            (db, after) => db.Documents.IgnoreQueryFilters().AsNoTracking().Where(d => after == null || d.Id.CompareTo(after.Value) > 0)
                .OrderBy(d => d.Id).Select(d => new Row(d.Id, d.Title, d.Topics, d.TopicsHash)), taxonomy, progress, batchSize, ct);

        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var total = await db.Meetings.IgnoreQueryFilters().CountAsync(ct);
            var done = 0;
            Guid? after = null;
            while (true)
            {
                var ids = await db.Meetings.IgnoreQueryFilters().AsNoTracking()
                    .Where(m => after == null || m.Id.CompareTo(after.Value) > 0)
                    .OrderBy(m => m.Id).Select(m => m.Id).Take(batchSize).ToArrayAsync(ct);
                if (ids.Length == 0)
                {
                    break;
                }

                await RefreshUnionsAsync(db, ids, ct);
                done += ids.Length;
                after = ids[^1];
                progress?.Report(new TopicProgress("meetings", done, total));
            }
        }

        return tagged;
    }

    /// <summary>Rows whose tags came from another taxonomy file, or from none.</summary>
    public static async Task<TopicStaleness> StalenessAsync(PolicyTrackerDbContext db, TopicTaxonomy taxonomy, CancellationToken ct)
    {
        var hash = taxonomy.Hash;
        var resolutions = await db.Resolutions.IgnoreQueryFilters().CountAsync(r => r.TopicsHash == null || r.TopicsHash != hash, ct);
        var documents = await db.Documents.IgnoreQueryFilters().CountAsync(d => d.TopicsHash == null || d.TopicsHash != hash, ct);
        return new TopicStaleness(resolutions, documents, hash);
    }

    private static async Task<int> RecomputeTableAsync(IDbContextFactory<PolicyTrackerDbContext> factory, string table,
        Func<PolicyTrackerDbContext, Task<int>> count, Func<PolicyTrackerDbContext, Guid?, IQueryable<Row>> rowsAfter, TopicTaxonomy taxonomy, IProgress<TopicProgress>? progress, int batchSize, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var total = await count(db);
        var done = 0;
        var written = 0;
        Guid? after = null;
        progress?.Report(new TopicProgress(table, 0, total));
        while (true)
        {
            var batch = await rowsAfter(db, after).Take(batchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            // One short transaction per batch: a stopped run keeps what it did, and a rerun skips it (same hash, same tags).
            written += await WriteAsync(db, table, batch, taxonomy, ct);
            done += batch.Count;
            after = batch[^1].Id;
            progress?.Report(new TopicProgress(table, done, total));
        }

        return written;
    }

    // Writes only the rows whose tags or hash differ, in one statement.
    private static async Task<int> WriteAsync(PolicyTrackerDbContext db, string table, IReadOnlyList<Row> rows, TopicTaxonomy taxonomy, CancellationToken ct)
    {
        var ids = new List<Guid>();
        var tags = new List<string>();
        foreach (var row in rows)
        {
            var topics = taxonomy.Tag(row.Text);
            if (row.Hash != taxonomy.Hash || !topics.SequenceEqual(row.Topics))
            {
                ids.Add(row.Id);
                // Topic ids are [a-z0-9-] (the taxonomy refuses others), so a comma list is unambiguous.
                tags.Add(string.Join(',', topics));
            }
        }

        if (ids.Count == 0)
        {
            return 0;
        }

        // The table name is one of this class's two constants, never input.
#pragma warning disable EF1002
        return await db.Database.ExecuteSqlRawAsync($"""
            UPDATE {table} t SET topics = CASE WHEN x.tags = '' THEN ARRAY[]::text[] ELSE string_to_array(x.tags, ',') END, topics_hash = @hash
            FROM unnest(@ids, @tags) AS x(id, tags)
            WHERE t.id = x.id
            """, [new NpgsqlParameter("ids", ids.ToArray()), new NpgsqlParameter("tags", tags.ToArray()), new NpgsqlParameter("hash", taxonomy.Hash)], ct);
#pragma warning restore EF1002
    }

    private static Task<int> RefreshUnionsAsync(PolicyTrackerDbContext db, Guid[] meetingIds, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE meetings m SET topics = x.topics
            FROM (SELECT m2.id, coalesce((
                    SELECT array_agg(DISTINCT t ORDER BY t) FROM (
                        SELECT unnest(r.topics) AS t FROM resolutions r
                        WHERE r.meeting_id = m2.id AND r.published AND r.deleted_at IS NULL
                        UNION ALL
                        SELECT unnest(d.topics) FROM document_actions a JOIN documents d ON d.id = a.document_id
                        WHERE a.meeting_id = m2.id AND a.published AND a.deleted_at IS NULL AND d.deleted_at IS NULL) u), ARRAY[]::text[]) AS topics
                  FROM meetings m2 WHERE m2.id = ANY({meetingIds})) x
            WHERE m.id = x.id AND m.topics IS DISTINCT FROM x.topics
            """, ct);

    private sealed record Row(Guid Id, string Text, string[] Topics, string? Hash);
}
