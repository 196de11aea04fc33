using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Components.Shared;
using PolicyTracker.Web.Hosting.Security;

namespace PolicyTracker.Web.Features.Summary;

public static class SummaryEndpoints
{
    public static IEndpointRouteBuilder MapSummaryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/export").MapGet("/summary-months.csv", ExportAsync).WithName("ExportSummaryMonths")
            .RequireAuthorization(Policies.CanSummarise);
        return app;
    }

    private static async Task<IResult> ExportAsync([FromQuery] string? from, [FromQuery] string? to, SummaryQueries queries, TimeProvider time, CancellationToken ct)
    {
        var input = new QueryInput(time);
        var (first, last) = input.SummaryRange(from, to);
        if (input.ProblemResult() is { } problem)
        {
            return problem;
        }

        var data = await queries.GetAsync(first, last, ct);
        var rows = data.Months.Select(m => new[] { m.Label, CsvFile.Number(m.Count) });
        return await CsvFile.WriteAsync("meetings-per-month.csv", ["month", "meetings"], rows, ct);
    }
}
