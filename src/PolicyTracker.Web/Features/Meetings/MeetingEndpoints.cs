using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PolicyTracker.Data.Entities;
using PolicyTracker.Web.Components.Shared;
using PolicyTracker.Web.Features.Topics;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace PolicyTracker.Web.Features.Meetings;

/// <summary>The meetings list's query string (the page's and the exports' alike), read through <see cref="QueryInput"/>.</summary>
public static class MeetingQueryString
{
    public static readonly IReadOnlyList<string> Roles = ["chair", "speaker", "attendee"];

    public static MeetingFilter Parse(QueryInput input, string? q, string? body, string? person, string? role, string? document, string? hasDocuments,
        string? from, string? to, string? topic = null)
    {
        var (fromDate, toDate) = input.Range(from, to);
        var roleName = input.OneOf("role", role, Roles);
        var has = input.OneOf("has-documents", hasDocuments, ["true", "false"]);
        return new MeetingFilter(input.Text("meeting", q), input.Id("body", body), fromDate, toDate, input.Id("person", person),
            roleName is null ? null : Enum.Parse<ParticipationRole>(roleName, ignoreCase: true), input.Id("document", document),
            has is null ? null : has == "true", TopicIds.Parse(input, topic));
    }

    /// <summary>The page's sort parameter (date, date-desc, body, body-desc); newest first when absent.</summary>
    public static (string? Key, bool Descending) Sort(string? sort)
    {
        var (key, descending) = GridSort.Parse(sort);
        return key is "date" or "body" ? (key, descending) : (null, true);
    }
}

public static class MeetingEndpoints
{
    public static IEndpointRouteBuilder MapMeetingEndpoints(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/api/export").WithTags("Exports");
        export.MapGet("/meetings.csv", ExportCsv).WithName("ExportMeetingsCsv")
            .WithSummary("Meetings as CSV").WithDescription("Every meeting the meetings list shows for the same query string, in its order, streamed.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status400BadRequest);
        export.MapGet("/meetings.json", ExportJsonAsync).WithName("ExportMeetingsJson")
            .WithSummary("Meetings as JSON").WithDescription("Every meeting the meetings list shows for the same query string, as one JSON array, streamed.")
            .Produces<IEnumerable<MeetingRow>>(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static readonly string[] Header = ["id", "date", "body_id", "body", "session", "chair", "participants", "resolutions", "documents", "reports"];

    // Same query-string names as /meetings, so the page's URL is the export's URL. The rows are streamed from the
    // database to the response: an export of 100,000 meetings holds one row in memory, not all of them.
    private static IResult ExportCsv([FromQuery] string? q, [FromQuery] string? body, [FromQuery] string? person, [FromQuery] string? role,
        [FromQuery] string? document, [FromQuery] string? hasDocuments, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? sort,
        [FromQuery] string? topic, MeetingQueries queries, TimeProvider time, CancellationToken ct)
    {
        var input = new QueryInput(time);
        var filter = MeetingQueryString.Parse(input, q, body, person, role, document, hasDocuments, from, to, topic);
        var (key, descending) = MeetingQueryString.Sort(input.Text("sort", sort));
        if (input.ProblemResult() is { } problem)
        {
            return problem;
        }
        return CsvFile.Stream("meetings.csv", Header, queries.StreamAsync(filter, key, descending, ct), r =>
            [r.Id.ToString(), CsvFile.Date(r.Date), r.BodyId.ToString(), r.Body, r.Session, r.Chair, CsvFile.Number(r.Participants),
                CsvFile.Number(r.Resolutions), CsvFile.Number(r.Documents), CsvFile.Number(r.Sources)]);
    }

    private static async Task<IResult> ExportJsonAsync([FromQuery] string? q, [FromQuery] string? body, [FromQuery] string? person, [FromQuery] string? role,
        [FromQuery] string? document, [FromQuery] string? hasDocuments, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? sort,
        [FromQuery] string? topic, MeetingQueries queries, TimeProvider time, HttpContext http, IOptions<HttpJsonOptions> json, CancellationToken ct)
    {
        var input = new QueryInput(time);
        var filter = MeetingQueryString.Parse(input, q, body, person, role, document, hasDocuments, from, to, topic);
        var (key, descending) = MeetingQueryString.Sort(input.Text("sort", sort));
        if (input.ProblemResult() is { } problem)
        {
            return problem;
        }
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=meetings.json";
        await using var writer = new Utf8JsonWriter(http.Response.BodyWriter);
        writer.WriteStartArray();
        var n = 0;
        await foreach (var row in queries.StreamAsync(filter, key, descending, ct))
        {
            JsonSerializer.Serialize(writer, row, json.Value.SerializerOptions);
            if (++n % 200 == 0)
            {
                await writer.FlushAsync(ct);
            }
        }
        writer.WriteEndArray();
        await writer.FlushAsync(ct);
        return TypedResults.Empty;
    }
}
