using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Components.Shared;

namespace PolicyTracker.Web.Features.People;

public static class PeopleEndpoints
{
    public static IEndpointRouteBuilder MapPeopleEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/export").MapGet("/people.csv", Export).WithName("ExportPeople");
        return app;
    }

    // Same query-string names as /people, so the page's URL is the export's URL.
    private static IResult Export([FromQuery] string? q, [FromQuery] string? sort, PersonQueries queries, TimeProvider time, CancellationToken ct)
    {
        var input = new QueryInput(time);
        var filter = new PersonFilter(input.Text("q", q));
        var (key, descending) = GridSort.Parse(input.Text("sort", sort));
        if (input.ProblemResult() is { } problem)
        {
            return problem;
        }

        return CsvFile.Stream("people.csv", ["id", "name", "aliases", "latest_title", "meetings", "last_meeting"], queries.ExportAsync(filter, key, descending, ct), r =>
        [
            r.Id.ToString(), r.Name, string.Join("; ", r.Aliases), r.LatestTitle, CsvFile.Number(r.Meetings), CsvFile.Date(r.LastMeeting),
        ]);
    }
}
