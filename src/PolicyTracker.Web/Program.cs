using MudBlazor.Services;
using PolicyTracker.Web.Components;
using PolicyTracker.Web.Features.Account;
using PolicyTracker.Web.Features.Admin;
using PolicyTracker.Web.Features.Api;
using PolicyTracker.Web.Features.Bodies;
using PolicyTracker.Web.Features.Brief;
using PolicyTracker.Web.Features.Documents;
using PolicyTracker.Web.Features.Exports;
using PolicyTracker.Web.Features.Meetings;
using PolicyTracker.Web.Features.People;
using PolicyTracker.Web.Features.Reports;
using PolicyTracker.Web.Features.Summary;
using PolicyTracker.Web.Hosting;
using PolicyTracker.Web.Hosting.Security;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Filter.ByExcluding(LogFilters.IsMigrationHistoryProbe)
    .Filter.ByExcluding(LogFilters.IsNavigationEndedWithCircuit)
    .Filter.ByExcluding(LogFilters.IsWorkCutShortByClosedPage));

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddPolicyTrackerDatabase(builder.Configuration);
builder.Services.AddPolicyTrackerHealthChecks();
builder.Services.AddExceptionHandler<OutageExceptionHandler>();
builder.Services.AddPolicyTrackerFeatures();
builder.Services.AddPolicyTrackerApi();
builder.AddPolicyTrackerSecurity();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        ExceptionHandlingPath = "/Error",
        CreateScopeForErrors = true,
        StatusCodeSelector = error => DatabaseErrors.IsUnavailable(error) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
    });
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseSerilogRequestLogging();
app.UseMiddleware<BadRequestAnswer>();
app.UsePolicyTrackerSecurity();
app.UseApiRateLimitHeaders();
app.UseMiddleware<QueryStringGuard>();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapPolicyTrackerHealthChecks();
app.MapMeetingEndpoints();
app.MapPeopleEndpoints();
app.MapBodyEndpoints();
app.MapDocumentEndpoints();
app.MapReportEndpoints();
app.MapSummaryEndpoints();
app.MapBriefEndpoints();
app.MapExportEndpoints();
app.MapPolicyTrackerApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapAdminEndpoints();

try
{
    await app.RunAsync();
    return 0;
}
catch (DatabaseUnavailableException)
{
    // Already logged with the reason and what to do.
    return 3;
}
