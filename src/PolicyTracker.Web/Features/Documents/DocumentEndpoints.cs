using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Data.Entities;
using PolicyTracker.Web.Components.Shared;
using PolicyTracker.Web.Features.Topics;

namespace PolicyTracker.Web.Features.Documents;

public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/export").MapGet("/documents.csv", Export).WithName("ExportDocuments");
        return app;
    }

    private static IResult Export([FromQuery] string? q, [FromQuery] string? kind, [FromQuery] string? action,
        [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? sort, [FromQuery] string? topic, DocumentQueries queries, TimeProvider time, CancellationToken ct)
    {
        var input = new QueryInput(time);
        var (first, last) = input.Range(from, to);
        var filter = new DocumentFilter(input.Text("q", q), input.Text("kind", kind), DocumentsPage.ParseAction(input.Text("action", action)), first, last,
            TopicIds.Parse(input, topic));
        var (key, descending) = GridSort.Parse(input.Text("sort", sort));
        if (input.ProblemResult() is { } problem)
        {
            return problem;
        }

        return CsvFile.Stream("documents.csv", ["id", "title", "kind", "latest_action", "actions", "first", "last", "topics"], queries.ExportAsync(filter, key, descending, ct), r =>
        [
            r.Id.ToString(), r.Title, r.Kind, DocumentsPage.ActionName(r.LatestAction), CsvFile.Number(r.Actions), CsvFile.Date(r.First), CsvFile.Date(r.Last),
            string.Join("; ", TopicIds.Ordered(r.Topics).Select(TopicIds.Label)),
        ]);
    }
}
