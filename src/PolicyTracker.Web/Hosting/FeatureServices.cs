using PolicyTracker.Data.Editing;
using PolicyTracker.Web.Features.Meetings;
using PolicyTracker.Web.Features.Overview;

namespace PolicyTracker.Web.Hosting;

public static class FeatureServices
{
    /// <summary>Each feature's queries and commands; scoped, so one per circuit.</summary>
    public static IServiceCollection AddPolicyTrackerFeatures(this IServiceCollection services)
    {
        services.AddScoped<OverviewQueries>();
        services.AddScoped<MeetingQueries>();
        services.AddScoped<ReviewService>();
        services.AddScoped<EntityLookup>();
        services.AddScoped<HistoryService>();
        return services;
    }
}
