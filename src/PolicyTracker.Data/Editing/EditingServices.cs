using Microsoft.Extensions.DependencyInjection;

namespace PolicyTracker.Data.Editing;

public static class EditingServices
{
    // One class per editing operation; scoped like the context factory they use.
    public static IServiceCollection AddPolicyTrackerEditing(this IServiceCollection services)
    {
        services.AddScoped<ReviewLoader>();
        services.AddScoped<ReviewSaver>();
        services.AddScoped<MeetingMerger>();
        services.AddScoped<DocumentLinker>();
        services.AddScoped<DocumentPlaceholders>();
        services.AddScoped<ReportStatusChanger>();
        services.AddScoped<EntityLookup>();
        services.AddScoped<HistoryService>();
        return services;
    }
}
