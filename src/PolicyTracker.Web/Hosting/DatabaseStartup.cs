using Microsoft.EntityFrameworkCore;
using Npgsql;
using PolicyTracker.Data;
using PolicyTracker.Data.Import;
using PolicyTracker.Data.Import.Fetching;
using PolicyTracker.Data.Seed;
using PolicyTracker.Data.Topics;
using PolicyTracker.Extraction.Topics;
using PolicyTracker.Web.Features.Import;
using PolicyTracker.Web.Hosting.Security;

namespace PolicyTracker.Web.Hosting;

public static class DatabaseStartup
{
    public static IServiceCollection AddPolicyTrackerDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default");
        // Server-side fetching (feeds, articles by URL) refuses private networks unless this is set (tests serve feeds on loopback).
        services.AddSingleton(new FetchOptions { AllowPrivateNetworks = configuration.GetValue("Fetching:AllowPrivateNetworks", false) });
        // Registered even when missing so the app starts far enough to say clearly what is wrong.
        services.AddPolicyTrackerData(string.IsNullOrWhiteSpace(connectionString) ? "Host=invalid" : connectionString);
        services.AddHostedService<DatabaseInitializer>();
        // After the initializer: the workers start once the schema is there.
        services.AddHostedService<ImportBackgroundService>();
        services.AddHostedService<FeedBackgroundService>();
        return services;
    }
}

/// <summary>Thrown at start-up when the database cannot be used; Program turns it into exit code 3.</summary>
public sealed class DatabaseUnavailableException(string message) : Exception(message);

/// <summary>Checks the database, applies migrations and loads demo data before the app serves requests.
/// A hosted service rather than code after Build() so that test hosts run it too.</summary>
public sealed partial class DatabaseInitializer(
    IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Fail("No database configured: set ConnectionStrings__Default (environment) or ConnectionStrings:Default (appsettings), "
                 + "or start with scripts/run.sh, which runs a local PostgreSQL");
        }

        var server = DescribeServer(connectionString!);
        try
        {
            // A quick probe first: the EF execution strategy would retry an unreachable server for a minute.
            var probe = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5, Pooling = false };
            await using var connection = new NpgsqlConnection(probe.ConnectionString);
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // The server answers but the database is new: migrating creates it.
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or ArgumentException)
        {
            Fail($"Cannot reach the database at {server}: {ex.GetBaseException().Message}. "
                 + "Check that PostgreSQL is running and ConnectionStrings__Default is right");
        }

        if (configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await DatabaseMigrator.MigrateAsync(services, cancellationToken);
            logger.LogInformation("Database {Server} is up to date", server);
        }
        if (configuration.GetValue("Database:SeedDemoData", false))
        {
            await using var scope = services.CreateAsyncScope();
            var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>();
            var importer = scope.ServiceProvider.GetRequiredService<ReportImporter>();
            var added = await DemoData.SeedAsync(factory, importer, cancellationToken);
            if (added > 0)
            {
                logger.LogInformation("Loaded {Count} demo reports into an empty database", added);
            }
        }

        await LogTopicStalenessAsync(cancellationToken);

        if (configuration.GetValue("Database:MigrateOnStartup", true))
        {
            // Roles, and demo users in Development; needs the accounts schema the migration made.
            await AccountStartup.PrepareAccountsAsync(services, environment, configuration);
        }
    }

    // Tags are written when reports are published; a new topics file leaves the old ones until someone recomputes.
    private async Task LogTopicStalenessAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>();
            await using var db = await factory.CreateDbContextAsync(ct);
            var staleness = await TopicTags.StalenessAsync(db, TopicTaxonomy.Default, ct);
            if (staleness.Stale)
            {
                logger.LogWarning("Topic tags are stale: {Resolutions} resolutions and {Documents} documents were tagged by another topics file "
                    + "than {Hash}; run 'policytracker topics recompute'", staleness.Resolutions, staleness.Documents, staleness.Hash);
            }
            else
            {
                logger.LogInformation("Topic tags match topics file {Hash}", staleness.Hash);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // Not being able to tell must not stop the app: the pages still work with the tags they have.
            logger.LogWarning(ex, "Could not check whether topic tags are stale");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Fail(string message)
    {
        logger.LogCritical("{Reason}", message);
        throw new DatabaseUnavailableException(message);
    }

    private static string DescribeServer(string connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{b.Host}:{b.Port}/{b.Database}";
        }
        catch (ArgumentException)
        {
            return "(unparseable connection string)";
        }
    }
}
