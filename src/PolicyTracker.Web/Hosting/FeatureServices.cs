using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyTracker.Data.Editing;
using PolicyTracker.Web.Features.Bodies;
using PolicyTracker.Web.Features.Brief;
using PolicyTracker.Web.Features.Browse;
using PolicyTracker.Web.Features.Documents;
using PolicyTracker.Web.Features.Exports;
using PolicyTracker.Web.Features.Meetings;
using PolicyTracker.Web.Features.Overview;
using PolicyTracker.Web.Features.People;
using PolicyTracker.Web.Features.Reports;
using PolicyTracker.Web.Features.Search;
using PolicyTracker.Web.Features.Summary;
using PolicyTracker.Web.Features.Topics;

namespace PolicyTracker.Web.Hosting;

public static class FeatureServices
{
    /// <summary>Each feature's queries and commands; scoped, so one per circuit.</summary>
    public static IServiceCollection AddPolicyTrackerFeatures(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<CircuitConnection>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitConnectionHandler>());
        services.AddScoped<PublishedData>();
        services.AddScoped<OverviewQueries>();
        services.AddScoped<MeetingQueries>();
        services.AddScoped<PersonQueries>();
        services.AddScoped<PersonNetworkQueries>();
        services.AddScoped<BodyQueries>();
        services.AddScoped<BodyInsightQueries>();
        services.AddScoped<DocumentQueries>();
        services.AddScoped<ReportQueries>();
        services.AddScoped<SummaryQueries>();
        services.AddScoped<PolicyTracker.Web.Features.Quality.QualityQueries>();
        services.AddScoped<TopicTrendQueries>();
        services.AddScoped<BriefQueries>();
        services.AddScoped<RecordExportQueries>();
        services.AddScoped<SearchQueries>();
        services.AddPolicyTrackerEditing();
        return services;
    }
}
