using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Components.Shared;
using PolicyTracker.Web.Hosting.Security;

namespace PolicyTracker.Web.Features.Reports;

public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/export").MapGet("/reports.csv", ExportAsync).WithName("ExportReports")
            .RequireAuthorization(Policies.CanBrowse);
        return app;
    }

    private static async Task<IResult> ExportAsync([FromQuery] string? status, [FromQuery] string? outlet, [FromQuery] string? q,
        [FromQuery] string? by, [FromQuery] string? entered, [FromQuery] string? reviewed, [FromQuery] string? reviewedBy,
        [FromQuery] string? publishedIn, [FromQuery] string? publishedBy,
        [FromQuery] string? sort, ReportQueries queries, TimeProvider time, HttpContext http, IAuthorizationService authorization, CancellationToken ct)
    {
        var input = new QueryInput(time);
        // Editors and managers export every status; analysts the published reports they can open.
        var seesDrafts = (await authorization.AuthorizeAsync(http.User, Policies.CanSeeDrafts)).Succeeded;
        var values = new Dictionary<string, string?>
        {
            ["status"] = status,
            ["outlet"] = outlet,
            ["q"] = q,
            ["by"] = by,
            ["entered"] = entered,
            ["reviewed"] = reviewed,
            ["reviewedBy"] = reviewedBy,
            ["publishedIn"] = publishedIn,
            ["publishedBy"] = publishedBy,
        };
        var filter = ReportFilter.Read(input, name => values[name], publishedOnly: !seesDrafts);
        var (key, descending) = GridSort.Parse(input.Text("sort", sort));
        if (input.ProblemResult() is { } problem)
        {
            return problem;
        }

        return CsvFile.Stream("reports.csv", ["id", "status", "headline", "outlet", "published", "entered_by", "entered_at", "meetings"], queries.ExportAsync(filter, key, descending, ct), r =>
        [
            r.Id.ToString(), r.Status.ToString().ToLowerInvariant(), r.Headline, r.Outlet, CsvFile.Date(r.Published), r.EnteredBy,
            CsvFile.Timestamp(r.EnteredAt), CsvFile.Number(r.Meetings),
        ]);
    }
}
