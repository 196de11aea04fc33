using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace PolicyTracker.Data.Seed.Synthetic;

public sealed record SyntheticOptions
{
    public required int Meetings { get; init; }

    // Same seed, same archive (texts, names, shapes); ids are fresh UUIDv7s.
    public int Seed { get; init; } = 1;

    // Add to a database that already has reports (reusing its bodies and people by name).
    public bool Append { get; init; }

    // Meetings generated and copied per round of COPY statements; all rounds share one transaction.
    public int BatchMeetings { get; init; } = 2000;
}

public sealed record SyntheticResult(IReadOnlyList<KeyValuePair<string, long>> Rows, TimeSpan Elapsed)
{
    public long RowsOf(string table) => Rows.FirstOrDefault(r => r.Key == table).Value;
}

// A large, realistic archive written straight into PostgreSQL with binary COPY: for benchmarks and
// for trying the pages at scale. Bodies and people are Zipf-distributed, meetings spread over twenty
// years, about 40% reported more than once, with drafts and archived reports; report texts are
// written from templates, so every source's span points at the name, resolution or title it claims.
public static class SyntheticArchive
{
    public const string EnteredBy = "synthetic";

    public static async Task<SyntheticResult> GenerateAsync(
        string connectionString, SyntheticOptions options, TextWriter? progress = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Meetings, 1);
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);

        var existing = await ScalarAsync<long>(connection, "SELECT count(*) FROM reports", ct);
        if (existing > 0 && !options.Append)
        {
            throw new InvalidOperationException(
                $"the database already holds {existing} reports; pass --append to add a synthetic archive to them");
        }

        var builder = new ArchiveBuilder(options, existing);
        if (existing > 0)
        {
            await builder.LoadExistingAsync(connection, ct);
        }

        // The generator writes every key it references, so a superuser skips the per-row foreign-key
        // triggers (about half the COPY time); the integration test checks the keys instead.
        var checkedKeys = !await TrySkipForeignKeyTriggersAsync(connection, ct);
        if (progress is not null && checkedKeys)
        {
            await progress.WriteLineAsync("seed: not a superuser: foreign keys are checked row by row (slower)");
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var writer = new ArchiveWriter(connection);
        builder.Prepare();
        await writer.WriteStaticAsync(builder, ct);

        var done = 0;
        var reported = 0;
        while (done < options.Meetings)
        {
            var count = Math.Min(options.BatchMeetings, options.Meetings - done);
            var batch = builder.NextBatch(count);
            await writer.WriteBatchAsync(batch, ct);
            done += count;
            var step = done * 20 / options.Meetings;
            if (progress is not null && step > reported)
            {
                reported = step;
                var seconds = clock.Elapsed.TotalSeconds;
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"seed: {step * 5,3}%  {done}/{options.Meetings} meetings  {done / Math.Max(seconds, 0.001):F0} meetings/s  {seconds:F1} s"));
            }
        }

        await writer.WriteTitlesAsync(builder.PersonTitles(), ct);
        // The tables were empty when the planner last looked: without statistics it plans the counts below as nested
        // loops over sequential scans (a 100,000-meeting archive's person counts ran for over 20 minutes). ANALYZE in the
        // transaction counts its own uncommitted rows.
        await using (var analyzeWritten = new NpgsqlCommand("ANALYZE", connection, transaction) { CommandTimeout = 0 })
        {
            await analyzeWritten.ExecuteNonQueryAsync(ct);
        }
        // The grids' stored counts, as PublishedFlags would have kept them publish by publish.
        await using (var counts = new NpgsqlCommand(Records.RecordCounts.RefreshAllSql, connection, transaction) { CommandTimeout = 0 })
        {
            await counts.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        if (!checkedKeys)
        {
            await using var reset = new NpgsqlCommand("RESET session_replication_role", connection);
            await reset.ExecuteNonQueryAsync(ct);
        }

        progress?.WriteLine("seed: analyzing tables");
        await using (var analyze = new NpgsqlCommand("ANALYZE", connection))
        {
            analyze.CommandTimeout = 0;
            await analyze.ExecuteNonQueryAsync(ct);
        }

        return new SyntheticResult(writer.Rows.ToList(), clock.Elapsed);
    }

    private static async Task<bool> TrySkipForeignKeyTriggersAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        try
        {
            await using var command = new NpgsqlCommand("SET session_replication_role = replica", connection);
            await command.ExecuteNonQueryAsync(ct);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            return false;
        }
    }

    internal static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}
