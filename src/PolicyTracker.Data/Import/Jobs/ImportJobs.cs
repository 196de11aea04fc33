using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Import.Jobs;

public sealed record ImportProgress(
    Guid Id,
    ImportSourceKind Kind,
    string Source,
    bool Publish,
    ImportJobStatus Status,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    int Total,
    int Pending,
    int Running,
    int Imported,
    int Duplicate,
    int Failed,
    int Cancelled,
    double? ReportsPerSecond)
{
    public int Done => Imported + Duplicate + Failed + Cancelled;

    public int Left => Pending + Running;

    public double Fraction => Total == 0 ? 1 : (double)Done / Total;

    // A feed poll's job: the feed's title when it has one (Source is its URL).
    public string? FeedTitle { get; init; }

    public TimeSpan? Eta => Status == ImportJobStatus.Running && ReportsPerSecond is > 0 && Left > 0
        ? TimeSpan.FromSeconds(Left / ReportsPerSecond.Value)
        : null;
}

public sealed record ImportItemRow(
    Guid Id, int Position, string Name, long Bytes, ImportItemStatus Status, int Attempts, string? Error,
    Guid? ReportId, Guid? ExistingReportId, DateTimeOffset? FinishedAt);

public sealed record ImportPage<T>(IReadOnlyList<T> Rows, int Total);

// Creates import jobs and lets editors pause, resume, cancel and retry them. Writes are SQL: job
// and item rows are bookkeeping, changed by many workers at once.
public sealed class ImportJobs(IDbContextFactory<PolicyTrackerDbContext> factory, TimeProvider time)
{
    // How far back the rate looks; long enough to be steady, short enough to follow a change.
    private static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(30);

    // The job and all its items in one transaction: a crash while reading the source leaves no job.
    public async Task<Guid> CreateAsync(
        ImportSourceKind kind, string source, bool publish, string createdBy, IEnumerable<ImportItemDraft> items, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var jobId = await InsertAsync(connection, transaction, kind, source, publish, createdBy, null, items, ct);
        await transaction.CommitAsync(ct);
        return jobId;
    }

    // A feed poll's new entries (items named by their link) as one job, in a transaction that first
    // locks the feed: two polls of one feed at once (two instances, "poll now") never queue an entry
    // twice, and an entry seen by an earlier poll is not queued again. Null when nothing is new.
    public async Task<Guid?> CreateForFeedAsync(
        Guid feedId, string source, bool publish, string createdBy, IReadOnlyList<ImportItemDraft> items, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var lockFeed = new NpgsqlCommand("SELECT 1 FROM feeds WHERE id = @feed FOR UPDATE", connection, transaction))
        {
            lockFeed.Parameters.AddWithValue("feed", feedId);
            await lockFeed.ExecuteScalarAsync(ct);
        }

        var names = items.Select(i => Clip(i.Name, 2000)).Distinct().ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await using (var query = new NpgsqlCommand(
            "SELECT i.name FROM import_items i JOIN import_jobs j ON j.id = i.job_id WHERE j.feed_id = @feed AND i.name = ANY(@names)",
            connection, transaction))
        {
            query.Parameters.AddWithValue("feed", feedId);
            query.Parameters.AddWithValue("names", names);
            await using var reader = await query.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                seen.Add(reader.GetString(0));
            }
        }

        var fresh = items.Where(i => seen.Add(Clip(i.Name, 2000))).ToList();
        if (fresh.Count == 0)
        {
            await transaction.RollbackAsync(ct);
            return null;
        }

        var jobId = await InsertAsync(connection, transaction, ImportSourceKind.Feed, source, publish, createdBy, feedId, fresh, ct);
        await transaction.CommitAsync(ct);
        return jobId;
    }

    private async Task<Guid> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ImportSourceKind kind, string source, bool publish, string createdBy,
        Guid? feedId, IEnumerable<ImportItemDraft> items, CancellationToken ct)
    {
        var jobId = Guid.CreateVersion7(time.GetUtcNow());
        var now = time.GetUtcNow();
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO import_jobs (id, kind, source, publish, status, created_by, created_at, total_items, feed_id)
            VALUES (@id, @kind, @source, @publish, 'Running', @by, @at, 0, @feed)
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("id", jobId);
            insert.Parameters.AddWithValue("kind", kind.ToString());
            insert.Parameters.AddWithValue("source", Clip(source, 2000));
            insert.Parameters.AddWithValue("publish", publish);
            insert.Parameters.AddWithValue("by", Clip(createdBy, 200));
            insert.Parameters.AddWithValue("at", now);
            insert.Parameters.Add(new NpgsqlParameter("feed", NpgsqlDbType.Uuid) { Value = (object?)feedId ?? DBNull.Value });
            await insert.ExecuteNonQueryAsync(ct);
        }

        var position = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY import_items (id, job_id, position, name, payload, bytes, status, attempts, error, finished_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var item in items)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(Guid.CreateVersion7(now), NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(jobId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(position++, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(Clip(item.Name, 2000), NpgsqlDbType.Varchar, ct);
                if (item.Error is null && item.Payload is not null)
                {
                    await copy.WriteAsync(item.Payload, NpgsqlDbType.Bytea, ct);
                }
                else
                {
                    await copy.WriteNullAsync(ct);
                }

                await copy.WriteAsync(item.Bytes, NpgsqlDbType.Bigint, ct);
                var failed = item.Error is not null || item.Payload is null;
                await copy.WriteAsync(failed ? nameof(ImportItemStatus.Failed) : nameof(ImportItemStatus.Pending), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
                if (failed)
                {
                    await copy.WriteAsync(Clip(item.Error ?? $"“{item.Name}” has no content.", 4000), NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                }
                else
                {
                    await copy.WriteNullAsync(ct);
                    await copy.WriteNullAsync(ct);
                }
            }

            await copy.CompleteAsync(ct);
        }

        await using (var total = new NpgsqlCommand(
            """
            UPDATE import_jobs SET total_items = @total,
                status = CASE WHEN EXISTS (SELECT 1 FROM import_items WHERE job_id = @id AND status = 'Pending') THEN 'Running' ELSE 'Completed' END,
                finished_at = CASE WHEN EXISTS (SELECT 1 FROM import_items WHERE job_id = @id AND status = 'Pending') THEN NULL ELSE @at END
            WHERE id = @id
            """, connection, transaction))
        {
            total.Parameters.AddWithValue("id", jobId);
            total.Parameters.AddWithValue("total", position);
            total.Parameters.AddWithValue("at", now);
            await total.ExecuteNonQueryAsync(ct);
        }

        return jobId;
    }

    public Task<bool> PauseAsync(Guid jobId, CancellationToken ct = default) =>
        ExecuteAsync("UPDATE import_jobs SET status = 'Paused' WHERE id = @id AND status = 'Running'", jobId, ct);

    public Task<bool> ResumeAsync(Guid jobId, CancellationToken ct = default) =>
        ExecuteAsync("UPDATE import_jobs SET status = 'Running' WHERE id = @id AND status = 'Paused'", jobId, ct);

    // Items already being imported finish; the others are marked cancelled and keep their bytes.
    public Task<bool> CancelAsync(Guid jobId, CancellationToken ct = default) =>
        ExecuteAsync(
            """
            WITH job AS (
                UPDATE import_jobs SET status = 'Cancelled', finished_at = clock_timestamp()
                WHERE id = @id AND status IN ('Running', 'Paused') RETURNING id)
            UPDATE import_items SET status = 'Cancelled', finished_at = clock_timestamp(), error = 'Cancelled before it was imported.'
            WHERE job_id IN (SELECT id FROM job) AND status = 'Pending'
            """,
            jobId, ct, rowsMeanDone: false);

    // Failed and cancelled items that still have their bytes go back in the queue.
    public async Task<int> RetryAsync(Guid jobId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            WITH retried AS (
                UPDATE import_items SET status = 'Pending', error = NULL, finished_at = NULL, attempts = 0, claimed_by = NULL, lease_until = NULL
                WHERE job_id = {jobId} AND status IN ('Failed', 'Cancelled') AND payload IS NOT NULL
                RETURNING job_id)
            UPDATE import_jobs SET status = 'Running', finished_at = NULL
            WHERE id = {jobId} AND EXISTS (SELECT 1 FROM retried)
            """, ct);
        return await db.ImportItems.CountAsync(i => i.JobId == jobId && i.Status == ImportItemStatus.Pending, ct);
    }

    public async Task<ImportProgress?> ProgressAsync(Guid jobId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var job = await db.ImportJobs.AsNoTracking().Include(j => j.Feed).Where(j => j.Id == jobId).SingleOrDefaultAsync(ct);
        if (job is null)
        {
            return null;
        }

        var counts = await db.ImportItems.AsNoTracking().Where(i => i.JobId == jobId)
            .GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var since = time.GetUtcNow() - RateWindow;
        var recent = await db.ImportItems.AsNoTracking()
            .Where(i => i.JobId == jobId && i.FinishedAt > since && i.Attempts > 0)
            .GroupBy(i => 1).Select(g => new RecentWork(g.Count(), g.Min(i => i.FinishedAt), g.Max(i => i.FinishedAt)))
            .SingleOrDefaultAsync(ct);
        return Progress(job, counts, recent);
    }

    public async Task<ImportPage<ImportProgress>> ListAsync(int skip, int take, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var total = await db.ImportJobs.CountAsync(ct);
        var jobs = await db.ImportJobs.AsNoTracking().Include(j => j.Feed).OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id)
            .Skip(skip).Take(take).ToListAsync(ct);
        var ids = jobs.Select(j => j.Id).ToList();
        var counts = await db.ImportItems.AsNoTracking().Where(i => ids.Contains(i.JobId))
            .GroupBy(i => new { i.JobId, i.Status }).Select(g => new { g.Key.JobId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        return new(jobs.Select(j => Progress(j, counts.Where(c => c.JobId == j.Id).ToDictionary(c => c.Status, c => c.Count), null)).ToList(), total);
    }

    // The newest job of this source that has items left (running or paused): a second `import` of
    // the same folder, zip or file resumes it rather than queueing everything again.
    public async Task<Guid?> UnfinishedForSourceAsync(ImportSourceKind kind, string source, CancellationToken ct = default)
    {
        var clipped = Clip(source, 2000);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.ImportJobs.AsNoTracking()
            .Where(j => j.Kind == kind && j.Source == clipped && (j.Status == ImportJobStatus.Running || j.Status == ImportJobStatus.Paused))
            .OrderByDescending(j => j.CreatedAt).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<Guid>> UnfinishedAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.ImportJobs.AsNoTracking().Where(j => j.Status == ImportJobStatus.Running)
            .OrderBy(j => j.CreatedAt).Select(j => j.Id).ToListAsync(ct);
    }

    public async Task<ImportPage<ImportItemRow>> ItemsAsync(
        Guid jobId, IReadOnlyCollection<ImportItemStatus>? statuses, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.ImportItems.AsNoTracking().Where(i => i.JobId == jobId);
        if (statuses is { Count: > 0 })
        {
            query = query.Where(i => statuses.Contains(i.Status));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(i => i.Position).Skip(skip).Take(take)
            .Select(i => new ImportItemRow(i.Id, i.Position, i.Name, i.Bytes, i.Status, i.Attempts, i.Error, i.ReportId, i.ExistingReportId, i.FinishedAt))
            .ToListAsync(ct);
        return new(rows, total);
    }

    private sealed record RecentWork(int Count, DateTimeOffset? First, DateTimeOffset? Last);

    private static ImportProgress Progress(ImportJob job, IReadOnlyDictionary<ImportItemStatus, int> counts, RecentWork? recent)
    {
        double? rate = null;
        if (recent is { Count: > 1, First: { } first, Last: { } last } && (last - first).TotalSeconds is var seconds && seconds > 0.5)
        {
            rate = (recent.Count - 1) / seconds;
        }

        int Count(ImportItemStatus status) => counts.GetValueOrDefault(status);
        return new(job.Id, job.Kind, job.Source, job.Publish, job.Status, job.CreatedBy, job.CreatedAt, job.FinishedAt, job.TotalItems,
            Count(ImportItemStatus.Pending), Count(ImportItemStatus.Running), Count(ImportItemStatus.Imported),
            Count(ImportItemStatus.Duplicate), Count(ImportItemStatus.Failed), Count(ImportItemStatus.Cancelled), rate)
        {
            FeedTitle = string.IsNullOrWhiteSpace(job.Feed?.Title) ? null : job.Feed.Title,
        };
    }

    private async Task<bool> ExecuteAsync(string sql, Guid jobId, CancellationToken ct, bool rowsMeanDone = true)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.AddWithValue("id", jobId);
        var rows = await command.ExecuteNonQueryAsync(ct);
        if (rowsMeanDone)
        {
            return rows > 0;
        }

        return await db.ImportJobs.AnyAsync(j => j.Id == jobId && j.Status == ImportJobStatus.Cancelled, ct);
    }

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}
