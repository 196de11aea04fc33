using Npgsql;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.IntegrationTests.Support;

// The reset between tests is one TRUNCATE of every table. Work a test left running can still hold
// locks on some tables and then ask for others: a deadlock (40P01) that once failed a fixture
// reset. Here one is made on purpose, with the reset waiting longest so PostgreSQL fails it.
[Collection(DatabaseTestGroup.Name)]
public sealed class DatabaseResetTests(DatabaseFixture fixture)
{
    // PostgreSQL checks a waiting backend for a deadlock once, deadlock_timeout after it began to
    // wait. On a loaded machine the reset's check can run before the cycle is closed, find none,
    // and never look again; the other work's check then fails the other work instead. That try
    // proves nothing, so it is made again (the other work's check waits long, to leave the reset
    // every chance to be the one that notices).
    private const int Tries = 4;

    [Fact]
    public async Task A_reset_that_deadlocks_with_other_work_runs_again_and_empties_every_table()
    {
        for (var attempt = 1; attempt <= Tries; attempt++)
        {
            if (await ResetLosesADeadlockAsync())
            {
                return;
            }
        }

        throw new InvalidOperationException($"In {Tries} tries the reset never lost the deadlock; the other work always did.");
    }

    // True when the reset lost the deadlock, ran again and emptied the tables; false when
    // PostgreSQL failed the other work instead.
    private async Task<bool> ResetLosesADeadlockAsync()
    {
        await fixture.ResetAsync();
        await using (var db = await fixture.CreateDbContextAsync())
        {
            db.Organizations.Add(new Organization { Name = "Reset Council" });
            await db.SaveChangesAsync();
        }

        await using var other = await OpenAsync();
        await ExecuteAsync(other, "SET deadlock_timeout = '5s'");
        var (first, last) = await FirstAndLastTablesAsync(other);
        await using var work = await other.BeginTransactionAsync();
        await ExecuteAsync(other, $"LOCK TABLE {last} IN ROW EXCLUSIVE MODE", work);
        var deadlocksBefore = await DeadlocksAsync();

        // The reset locks the tables in name order: it gets the first and waits for the last.
        var reset = fixture.ResetAsync();
        await WaitForLockWaitAsync();
        // The other work now asks for the first table, which the reset holds: a cycle. The reset
        // has waited longer, so its deadlock check fires first and PostgreSQL fails it; its retry
        // waits again, behind this transaction.
        try
        {
            await ExecuteAsync(other, $"LOCK TABLE {first} IN ROW EXCLUSIVE MODE", work);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected)
        {
            await work.RollbackAsync();
            await reset.WaitAsync(TimeSpan.FromSeconds(30));
            return false;
        }

        reset.IsCompleted.ShouldBeFalse();
        await work.CommitAsync();

        await reset.WaitAsync(TimeSpan.FromSeconds(30));
        // Backends report their statistics a moment after the fact.
        for (var i = 0; i < 50 && await DeadlocksAsync() == deadlocksBefore; i++)
        {
            await Task.Delay(100);
        }

        (await DeadlocksAsync()).ShouldBeGreaterThan(deadlocksBefore, "the reset should have lost a deadlock and run again");
        await using var check = await OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM organizations", check);
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(0);
        return true;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<(string First, string Last)> FirstAndLastTablesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            SELECT min(quote_ident(relname) COLLATE "C"), max(quote_ident(relname) COLLATE "C") FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> '__EFMigrationsHistory'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return ("public." + reader.GetString(0), "public." + reader.GetString(1));
    }

    private async Task WaitForLockWaitAsync()
    {
        await using var connection = await OpenAsync();
        for (var i = 0; i < 300; i++)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", connection);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The reset never waited for the lock the other work holds.");
    }

    private async Task<long> DeadlocksAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
