using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Import;
using PolicyTracker.Data.Import.Feeds;
using PolicyTracker.Data.Import.Fetching;
using PolicyTracker.Data.Import.Jobs;

namespace PolicyTracker.Data;

public static class DataServiceCollectionExtensions
{
    // The factory is scoped so that a scoped ICurrentUser (one per Blazor circuit or request)
    // reaches the audit interceptor. Register your own ICurrentUser to replace SystemUser.
    public static IServiceCollection AddPolicyTrackerData(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ICurrentUser, SystemUser>();
        services.AddDbContextFactory<PolicyTrackerDbContext>(
            (provider, options) => Configure(options, connectionString).AddInterceptors(
                new AuditInterceptor(provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ICurrentUser>())),
            ServiceLifetime.Scoped);
        services.TryAddScoped<ReportImporter>();
        services.TryAddScoped<ImportJobs>();
        services.TryAddSingleton(new ImportWorkerOptions());
        services.TryAddScoped<ImportWorker>();
        services.TryAddSingleton(new FetchOptions());
        services.TryAddSingleton(provider => new SafeFetcher(provider.GetRequiredService<FetchOptions>()));
        services.TryAddSingleton<ArticleFetcher>();
        services.TryAddScoped<FeedPoller>();
        return services;
    }

    internal static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            // Several collections in one projection load in one query, EF's default; said here so that EF does
            // not warn of it on every such query. A query that is better split says AsSplitQuery().
            .UseNpgsql(DatabaseResilience.WithTimeouts(connectionString), npgsql => npgsql.Bounded().UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .UseSnakeCaseNamingConvention();
}
