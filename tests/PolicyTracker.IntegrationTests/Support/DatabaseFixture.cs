using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PolicyTracker.Data;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Import;
using PolicyTracker.Extraction;
using Respawn;

namespace PolicyTracker.IntegrationTests.Support;

// One database per test run: created and migrated once, emptied by Respawn before each test,
// dropped at the end. The server comes from the environment, never from a guess.
public sealed class DatabaseFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "POLICYTRACKER_TEST_DB";

    private string _serverConnectionString = string.Empty;
    private string _databaseName = string.Empty;
    private Respawner? _respawner;
    private ServiceProvider? _services;

    public string ConnectionString { get; private set; } = string.Empty;

    public TestClock Clock { get; } = new();

    public TestUser User { get; } = new();

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("The fixture is not initialised.");

    public IDbContextFactory<PolicyTrackerDbContext> Factory => Services.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>();

    public async Task InitializeAsync()
    {
        _serverConnectionString = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Set {EnvironmentVariable} to a PostgreSQL server the tests may create databases on, "
                + $"e.g. {EnvironmentVariable}=\"Host=127.0.0.1;Port=5432;Username=postgres\".");

        _databaseName = $"pt_test_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE \"{_databaseName}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = _databaseName }.ConnectionString;

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ICurrentUser>(User);
        services.AddPolicyTrackerData(ConnectionString);
        _services = services.BuildServiceProvider();
        await DatabaseMigrator.MigrateAsync(_services);

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = ["__EFMigrationsHistory"],
        });
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
        Clock.Reset();
        User.Reset();
    }

    public Task<PolicyTrackerDbContext> CreateDbContextAsync() => Factory.CreateDbContextAsync();

    public ReportImporter Importer(Func<string, ReportExtraction>? extract = null) =>
        extract is null
            ? new ReportImporter(Factory, Clock, User)
            : new ReportImporter(Factory, Clock, User, extract);

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_databaseName.Length > 0)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)");
        }
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DatabaseTestGroup : ICollectionFixture<DatabaseFixture>
{
    public const string Name = "Database";
}
