using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PolicyTracker.Data;
using Respawn;

namespace PolicyTracker.TestSupport;

/// <summary>A database of its own on the PostgreSQL server named by <see cref="EnvironmentVariable"/>:
/// created with a unique name, migrated on request (to the end or to a named migration), emptied by
/// Respawn, and dropped WITH (FORCE) when disposed. The server comes from the environment, never from a guess.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "POLICYTRACKER_TEST_DB";

    private readonly string _server;
    private Respawner? _respawner;

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

    /// <summary>Empties every table of the public schema but the migrations history.</summary>
    public async Task ResetAsync()
    {
        await using var connection = await OpenAsync();
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = ["__EFMigrationsHistory"],
        });
        await _respawner.ResetAsync(connection);
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
