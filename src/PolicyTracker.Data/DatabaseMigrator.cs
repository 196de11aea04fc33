using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.Data;

public static class DatabaseMigrator
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>();
        await MigrateAsync(factory, cancellationToken);

        // Users and tokens have their own context and migrations (schema "accounts"), applied second.
        if (scope.ServiceProvider.GetService<AccountsDbContext>() is { } accounts)
        {
            var strategy = accounts.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () => await accounts.Database.MigrateAsync(cancellationToken));
        }
    }

    public static async Task MigrateAsync(IDbContextFactory<PolicyTrackerDbContext> factory, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Inside the execution strategy so a database that is still starting is retried, not fatal.
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () => await db.Database.MigrateAsync(cancellationToken));
    }
}
