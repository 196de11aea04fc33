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

    // The summary's bars as rows: one per day, week or month of the period, the meetings of each top body and of the others.
    private static async Task<IResult> ExportAsync([FromQuery] string? period, [FromQuery] string? at, [FromQuery] string? from, [FromQuery] string? to,
        SummaryQueries queries, TimeProvider time, CancellationToken ct)
    {
        var input = new QueryInput(time);
        var latest = await queries.LatestMeetingAsync(ct) ?? input.Today;
        var chosen = SummaryPeriod.Parse(input, period, at, from, to, latest > input.Today ? input.Today : latest);
        if (input.ProblemResult() is { } problem)
        {
            return problem;
        }

        var data = await queries.GetAsync(chosen, ct);
        var header = new[] { "period", "from", "to", "meetings" }.Concat(data.MeetingsByBody.Select(s => s.Name)).ToArray();
        var rows = data.Buckets.Select((b, i) => new[] { b.Label, CsvFile.Date(b.Start), CsvFile.Date(b.End),
            CsvFile.Number(data.MeetingsByBody.Sum(s => s.Counts[i])) }.Concat(data.MeetingsByBody.Select(s => CsvFile.Number(s.Counts[i]))).ToArray());
        return await CsvFile.WriteAsync("meetings-per-period.csv", header, rows, ct);
    }
}
