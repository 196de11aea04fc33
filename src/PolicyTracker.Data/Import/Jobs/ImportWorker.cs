using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import.Feeds;
using PolicyTracker.Data.Import.Fetching;

namespace PolicyTracker.Data.Import.Jobs;

public sealed record ImportWorkerOptions
{
    // How long a claimed item stays the worker's without a heartbeat; after that another worker
    // takes it over (the holder was killed or lost the database).
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    public int BatchSize { get; init; } = 4;

    public TimeSpan IdleDelay { get; init; } = TimeSpan.FromSeconds(1);

    // An item whose worker died this many times is failed rather than tried again: it may be what kills it.
    public int MaxAttempts { get; init; } = 3;
}

public sealed class ImportLeaseLostException(Guid itemId)
    : Exception($"Import item {itemId} was taken over by another worker before it was stored.");

// Takes items from import_items (FOR UPDATE SKIP LOCKED, so any number of workers in any number of
// processes share the queue) and stores each through ReportImporter, the new-report form's path.
// An imported item is marked in the report's own transaction: a kill leaves both or neither, and
// the item is taken up again when its lease runs out.
public sealed class ImportWorker(
    IDbContextFactory<PolicyTrackerDbContext> factory,
    ReportImporter importer,
    TimeProvider time,
    ImportWorkerOptions? options = null,
    ILogger<ImportWorker>? logger = null,
    ArticleFetcher? articles = null)
{
    private readonly ImportWorkerOptions _options = options ?? new ImportWorkerOptions();
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    private sealed record Claim(Guid Id, Guid JobId, ImportSourceKind Kind, bool Publish, string CreatedBy, string Name, byte[]? Payload);

    // Works until cancelled, waiting when there is nothing to do.
    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            int done;
            try
            {
                done = await RunBatchAsync(null, ct);
            }
            catch (Exception e) when (LostDatabase(e) && !ct.IsCancellationRequested)
            {
                _logger.LogWarning(e, "Import worker {Worker} could not reach the database; trying again", Id);
                done = 0;
            }

            if (done == 0)
            {
                await DelayAsync(_options.IdleDelay, ct);
            }
        }
    }

    // Works on one job until nothing is left of it (other workers' items included), or it is paused or cancelled.
    public async Task RunJobAsync(Guid jobId, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            if (await RunBatchAsync(jobId, ct) > 0)
            {
                continue;
            }

            await using var db = await factory.CreateDbContextAsync(ct);
            var status = await db.ImportJobs.Where(j => j.Id == jobId).Select(j => (ImportJobStatus?)j.Status).SingleOrDefaultAsync(ct);
            if (status != ImportJobStatus.Running)
            {
                return;
            }

            // Items another worker holds: wait for them, or for their lease to run out.
            await DelayAsync(TimeSpan.FromMilliseconds(Math.Min(_options.IdleDelay.TotalMilliseconds, 250)), ct);
        }
    }

    // Claims up to BatchSize items and imports them; returns how many it finished.
    public async Task<int> RunBatchAsync(Guid? jobId, CancellationToken ct)
    {
        var claims = await ClaimAsync(jobId, ct);
        if (claims.Count == 0)
        {
            return 0;
        }

        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeat = HeartbeatAsync(heartbeatStop.Token);
        var done = 0;
        try
        {
            foreach (var claim in claims)
            {
                await ProcessAsync(claim, ct);
                done++;
            }
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
            if (done < claims.Count)
            {
                // Stopping (shutdown, Ctrl+C): what this worker did not start goes back to the queue now.
                await ReleaseAsync(claims.Skip(done).Select(c => c.Id).ToArray());
            }
        }

        await CompleteJobsAsync(claims.Select(c => c.JobId).Distinct().ToArray(), ct);
        return done;
    }

    private async Task<List<Claim>> ClaimAsync(Guid? jobId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(
            """
            UPDATE import_items SET status = 'Failed', finished_at = clock_timestamp(), claimed_by = NULL, lease_until = NULL,
                error = 'The import stopped ' || attempts || ' times while storing this item (killed or crashed); it was not tried again. Retry it to try once more.'
            WHERE status = 'Running' AND lease_until < clock_timestamp() AND attempts >= @max_attempts
              AND (@job::uuid IS NULL OR job_id = @job);

            WITH next AS (
                SELECT i.id FROM import_items i
                JOIN import_jobs j ON j.id = i.job_id
                WHERE j.status = 'Running' AND (@job::uuid IS NULL OR i.job_id = @job)
                  AND (i.status = 'Pending' OR (i.status = 'Running' AND i.lease_until < clock_timestamp()))
                ORDER BY j.created_at, i.position
                LIMIT @batch
                FOR UPDATE OF i SKIP LOCKED)
            UPDATE import_items i SET status = 'Running', claimed_by = @worker, lease_until = clock_timestamp() + @lease, attempts = i.attempts + 1
            FROM next, import_jobs j
            WHERE i.id = next.id AND j.id = i.job_id
            RETURNING i.id, i.job_id, j.kind, j.publish, j.created_by, i.name, i.payload, i.position
            """, connection);
        command.Parameters.Add(new NpgsqlParameter("job", NpgsqlDbType.Uuid) { Value = (object?)jobId ?? DBNull.Value });
        command.Parameters.AddWithValue("max_attempts", _options.MaxAttempts);
        command.Parameters.AddWithValue("batch", _options.BatchSize);
        command.Parameters.AddWithValue("worker", Id);
        command.Parameters.AddWithValue("lease", _options.Lease);
        var claims = new List<(int Position, Claim Claim)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        do
        {
            while (await reader.ReadAsync(ct))
            {
                if (reader.FieldCount < 8)
                {
                    break;
                }

                claims.Add((reader.GetInt32(7), new Claim(
                    reader.GetGuid(0), reader.GetGuid(1), Enum.Parse<ImportSourceKind>(reader.GetString(2)), reader.GetBoolean(3),
                    reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : (byte[])reader[6])));
            }
        }
        while (await reader.NextResultAsync(ct));

        return claims.OrderBy(c => c.Position).Select(c => c.Claim).ToList();
    }

    private async Task ProcessAsync(Claim claim, CancellationToken ct)
    {
        if (claim.Payload is null)
        {
            await FinishAsync(claim.Id, ImportItemStatus.Failed, $"“{claim.Name}” has no content to import.", null, ct);
            return;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        ImportItemReader.Read read;
        try
        {
            read = claim.Kind == ImportSourceKind.Feed
                ? await FeedItemReader.ToRequestAsync(articles, claim.Payload, today, ct)
                : ImportItemReader.ToRequest(claim.Kind, claim.Name, claim.Payload, today);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "Import item {Item} ({Name}) could not be read", claim.Id, claim.Name);
            read = new(null, $"“{claim.Name}” could not be read: {e.Message}");
        }

        if (read.Request is null)
        {
            await FinishAsync(claim.Id, ImportItemStatus.Failed, read.Error, null, ct);
            return;
        }

        var request = read.Request with
        {
            Status = claim.Publish ? ReportStatus.Published : ReportStatus.Draft,
            EnteredBy = claim.CreatedBy,
        };
        ImportResult result;
        try
        {
            result = await importer.ImportAsync(request, (db, reportId, token) => MarkImportedAsync(db, claim.Id, reportId, token), ct);
        }
        catch (ImportLeaseLostException)
        {
            // Rolled back: the worker that took the item over stores it.
            _logger.LogWarning("Import item {Item} was taken over by another worker; its report was not stored twice", claim.Id);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException && !LostDatabase(e))
        {
            _logger.LogWarning(e, "Import item {Item} ({Name}) failed", claim.Id, claim.Name);
            await FinishAsync(claim.Id, ImportItemStatus.Failed, $"“{claim.Name}” could not be stored: {e.Message}", null, ct);
            return;
        }

        if (!result.Succeeded)
        {
            var duplicate = result.Problem is ImportProblem.DuplicateText or ImportProblem.DuplicateSourceUrl;
            await FinishAsync(claim.Id, duplicate ? ImportItemStatus.Duplicate : ImportItemStatus.Failed,
                result.Message, result.ExistingReportId, ct);
        }
    }

    // The database went away (a restart, a failover) and the retries ran out: not the item's fault. It stays claimed,
    // so this worker or another takes it up again when its lease runs out; nothing of it was committed.
    private static bool LostDatabase(Exception e) =>
        e is NpgsqlException or DbUpdateException or TimeoutException
        || (e is RetryLimitExceededException && e.InnerException is NpgsqlException or TimeoutException);

    private async Task MarkImportedAsync(PolicyTrackerDbContext db, Guid itemId, Guid reportId, CancellationToken ct)
    {
        var rows = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            UPDATE import_items SET status = 'Imported', report_id = {reportId}, payload = NULL, error = NULL,
                finished_at = clock_timestamp(), lease_until = NULL
            WHERE id = {itemId} AND claimed_by = {Id} AND status = 'Running'
            """, ct);
        if (rows != 1)
        {
            throw new ImportLeaseLostException(itemId);
        }
    }

    private async Task FinishAsync(Guid itemId, ImportItemStatus status, string? error, Guid? existingReportId, CancellationToken ct)
    {
        var message = error is null ? null : error.Length <= 4000 ? error : error[..4000];
        await using var db = await factory.CreateDbContextAsync(ct);
        // A duplicate's bytes are another report's text: no need to keep them. A failure keeps them for a retry.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            UPDATE import_items SET status = {status.ToString()}, error = {message}, existing_report_id = {existingReportId},
                finished_at = clock_timestamp(), lease_until = NULL,
                payload = CASE WHEN {status == ImportItemStatus.Duplicate} THEN NULL ELSE payload END
            WHERE id = {itemId} AND claimed_by = {Id} AND status = 'Running'
            """, ct);
    }

    private async Task HeartbeatAsync(CancellationToken ct)
    {
        var every = _options.Lease / 3;
        try
        {
            while (true)
            {
                await Task.Delay(every, time, ct);
                await using var db = await factory.CreateDbContextAsync(ct);
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"UPDATE import_items SET lease_until = clock_timestamp() + {_options.Lease} WHERE claimed_by = {Id} AND status = 'Running'", ct);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is NpgsqlException or DbUpdateException or TimeoutException)
        {
            // The lease runs out and another worker takes over; MarkImportedAsync then refuses to store a second copy.
            _logger.LogWarning(e, "Import worker {Worker} could not renew its leases", Id);
        }
    }

    private async Task ReleaseAsync(Guid[] itemIds)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                UPDATE import_items SET status = 'Pending', claimed_by = NULL, lease_until = NULL, attempts = greatest(attempts - 1, 0)
                WHERE id = ANY({itemIds}) AND claimed_by = {Id} AND status = 'Running'
                """, CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or DbUpdateException or TimeoutException)
        {
            _logger.LogWarning(e, "Import worker {Worker} could not hand back {Count} items; their leases will run out", Id, itemIds.Length);
        }
    }

    private async Task CompleteJobsAsync(Guid[] jobIds, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            UPDATE import_jobs j SET status = 'Completed', finished_at = clock_timestamp()
            WHERE j.id = ANY({jobIds}) AND j.status = 'Running'
              AND NOT EXISTS (SELECT 1 FROM import_items i WHERE i.job_id = j.id AND i.status IN ('Pending', 'Running'))
            """, ct);
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, time, ct);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
