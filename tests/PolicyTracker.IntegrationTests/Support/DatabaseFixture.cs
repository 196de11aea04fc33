using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Import;
using PolicyTracker.Extraction;
using PolicyTracker.TestSupport;

namespace PolicyTracker.IntegrationTests.Support;

// One database per test run (a TestDatabase): created and migrated once, emptied (one TRUNCATE) before
// each test, dropped at the end.
public sealed class DatabaseFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private ServiceProvider? _services;

    public string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("The fixture is not initialised.");

    public TestClock Clock { get; } = new();

    public TestUser User { get; } = new();

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("The fixture is not initialised.");

    public IDbContextFactory<PolicyTrackerDbContext> Factory => Services.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.MigrateAsync();

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ICurrentUser>(User);
        services.AddPolicyTrackerData(_database.ConnectionString);
        _services = services.BuildServiceProvider();
    }

    public async Task ResetAsync()
    {
        await _database!.ResetAsync();
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

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DatabaseTestGroup : ICollectionFixture<DatabaseFixture>
{
    public const string Name = "Database";
}
