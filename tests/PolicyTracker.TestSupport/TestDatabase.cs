using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PolicyTracker.Data;

namespace PolicyTracker.TestSupport;

/// <summary>A database of its own on the PostgreSQL server named by <see cref="EnvironmentVariable"/>:
/// created with a unique name, migrated on request (to the end or to a named migration), emptied
/// between tests, and dropped WITH (FORCE) when disposed. The server comes from the environment, never from a guess.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "POLICYTRACKER_TEST_DB";

    private readonly string _server;
    // A reset that loses a deadlock (40P01) tries again, this many times in all.
    private const int ResetAttempts = 5;

    private string? _truncate;

    private TestDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The server's connection string from the environment; throws saying how to set it when missing.</summary>
    public static string Server => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"Set {EnvironmentVariable} to a PostgreSQL server the tests may create databases on, "
            + $"e.g. {EnvironmentVariable}=\"Host=127.0.0.1;Port=5432;Username=postgres\" (scripts/test.sh starts one and sets it).");

    /// <summary>Creates an empty database named <c>{prefix}_{guid}</c>.</summary>
    public static async Task<TestDatabase> CreateAsync(string prefix = "pt_test")
    {
        var database = new TestDatabase(Server, $"{prefix}_{Guid.NewGuid():N}");
        await database.OnServerAsync($"CREATE DATABASE \"{database.Name}\"");
        return database;
    }

    /// <summary>Applies the application's migrations, all of them or up to and including <paramref name="migration"/>.</summary>
    public async Task MigrateAsync(string? migration = null)
    {
        await using var services = new ServiceCollection().AddPolicyTrackerData(ConnectionString).BuildServiceProvider();
        if (migration is null)
        {
            await DatabaseMigrator.MigrateAsync(services);
            return;
        }

        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>().CreateDbContextAsync();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () => await db.GetService<IMigrator>().MigrateAsync(migration));
    }

    /// <summary>Empties every table of the public schema but the migrations history, in one
    /// TRUNCATE of all of them (one statement, one transaction: every lock is taken by it, in the
    /// same order each time). Work a previous test left running (a page's save finishing after its
    /// test) may still hold locks on some of the tables in another order; PostgreSQL then breaks the
    /// deadlock by failing one side, and when that is the reset it runs again. Nothing else is retried.</summary>
    public async Task ResetAsync()
    {
        await using var connection = await OpenAsync();
        _truncate ??= await TruncateStatementAsync(connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await using (var command = new NpgsqlCommand(_truncate, connection, transaction))
                {
                    await command.ExecuteNonQueryAsync();
                }

                await transaction.CommitAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < ResetAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt));
            }
        }
    }

    // TRUNCATE of every table (ordinary and partitioned) in the public schema, in name order.
    private static async Task<string> TruncateStatementAsync(NpgsqlConnection connection)
    {
        const string sql = """
            SELECT quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> '__EFMigrationsHistory'
            ORDER BY c.relname
            """;
        var tables = new List<string>();
        await using (var command = new NpgsqlCommand(sql, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add("public." + reader.GetString(0));
            }
        }

        return tables.Count == 0 ? "SELECT 1" : $"TRUNCATE TABLE {string.Join(", ", tables)}";
    }

    /// <summary>An open connection to this database; the caller disposes it.</summary>
    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await OnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private async Task OnServerAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
