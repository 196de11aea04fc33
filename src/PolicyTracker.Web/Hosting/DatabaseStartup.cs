using Microsoft.EntityFrameworkCore;
using Npgsql;
using PolicyTracker.Data;


namespace PolicyTracker.Web.Hosting;

public static class DatabaseStartup
{
    public static IServiceCollection AddPolicyTrackerDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default");
        // Registered even when missing so the app starts far enough to say clearly what is wrong.
        services.AddPolicyTrackerData(string.IsNullOrWhiteSpace(connectionString) ? "Host=invalid" : connectionString);
        return services;
    }

    /// <summary>Checks the database, applies migrations and loads demo data as configured.
    /// Returns false (after logging why) when the app cannot work.</summary>
    public static async Task<bool> PrepareDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PolicyTracker.Startup");
        var connectionString = app.Configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            logger.LogCritical(
                "No database configured: set ConnectionStrings__Default (environment) or ConnectionStrings:Default (appsettings), or start with scripts/run.sh, which runs a local PostgreSQL");
            return false;
        }

        var server = DescribeServer(connectionString);
        var stopping = app.Lifetime.ApplicationStopping;
        try
        {
            // A quick probe first: the EF execution strategy would retry an unreachable server for a minute.
            var probe = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5, Pooling = false };
            await using var connection = new NpgsqlConnection(probe.ConnectionString);
            await connection.OpenAsync(stopping);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // The server answers but the database is new: migrating creates it.
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or ArgumentException)
        {
            logger.LogCritical("Cannot reach the database at {Server}: {Reason}. Check that PostgreSQL is running and ConnectionStrings__Default is right",
                server, ex.GetBaseException().Message);
            return false;
        }

        try
        {
            if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
            {
                await DatabaseMigrator.MigrateAsync(app.Services, stopping);
                logger.LogInformation("Database {Server} is up to date", server);
            }
            if (app.Configuration.GetValue("Database:SeedDemoData", false))
            {
                await using var scope = app.Services.CreateAsyncScope();
                var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>();
                // DEMO-SEED: wired when the seed lands
                _ = factory;
            }
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException
                                       || ex.InnerException is NpgsqlException)
        {
            logger.LogCritical("Cannot use the database at {Server}: {Reason}. Check that PostgreSQL is running and ConnectionStrings__Default is right",
                server, ex.GetBaseException().Message);
            return false;
        }
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
