using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Components.Shared;

namespace PolicyTracker.Web.Features.Bodies;

public static class BodyEndpoints
{
    public static IEndpointRouteBuilder MapBodyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/export").MapGet("/bodies.csv", Export).WithName("ExportBodies");
        return app;
    }

    private static IResult Export([FromQuery] string? q, [FromQuery] string? sort, BodyQueries queries, TimeProvider time, CancellationToken ct)
    {
        var input = new QueryInput(time);
        var filter = new BodyFilter(input.Text("q", q));
        var (key, descending) = GridSort.Parse(input.Text("sort", sort));
        if (input.ProblemResult() is { } problem)
        {
            return problem;
        }

        return CsvFile.Stream("bodies.csv", ["id", "name", "parent", "aliases", "meetings", "first_meeting", "last_meeting"], queries.ExportAsync(filter, key, descending, ct), r =>
        [
            r.Id.ToString(), r.Name, r.Parent, CsvFile.Number(r.Aliases), CsvFile.Number(r.Meetings), CsvFile.Date(r.FirstMeeting), CsvFile.Date(r.LastMeeting),
        ]);
    }
}
