using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Data.Entities;
using PolicyTracker.Web.Components.Shared;
using PolicyTracker.Web.Features.Meetings;

namespace PolicyTracker.Web.Features.Exports;

/// <summary>The records of any period or filter (the meetings list's query string: q, body, person, role, document,
/// has-documents, from, to) as CSV per kind, as one Excel workbook with a sheet per kind, and as Popolo JSON.</summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/api/export").WithTags("Exports");
        export.MapGet("/participants.csv", Participants).WithName("ExportParticipantsCsv")
            .WithSummary("Participants of the filtered meetings as CSV").Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(400);
        export.MapGet("/resolutions.csv", Resolutions).WithName("ExportResolutionsCsv")
            .WithSummary("Resolutions of the filtered meetings as CSV").Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(400);
        export.MapGet("/meeting-documents.csv", Documents).WithName("ExportMeetingDocumentsCsv")
            .WithSummary("Document actions of the filtered meetings as CSV").Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(400);
        export.MapGet("/records.xlsx", WorkbookAsync).WithName("ExportRecordsWorkbook")
            .WithSummary("Meetings, participants, resolutions and documents of the filtered meetings, a sheet each")
            .Produces(StatusCodes.Status200OK, contentType: XlsxType).ProducesProblem(400);
        export.MapGet("/popolo.json", PopoloAsync).WithName("ExportPopolo")
            .WithSummary("The filtered meetings in Popolo shape: persons, organizations, memberships, events")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(400);
        return app;
    }

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly string[] MeetingHeader = ["id", "date", "body_id", "body", "session", "chair", "participants", "resolutions", "documents", "reports"];

    public static readonly string[] ParticipantHeader = ["meeting_id", "meeting_date", "body", "person_id", "person", "role", "title", "reports"];

    public static readonly string[] ResolutionHeader = ["meeting_id", "meeting_date", "body", "id", "position", "verb", "text", "issued_by", "reports"];

    public static readonly string[] DocumentHeader = ["meeting_id", "meeting_date", "body", "document_id", "title", "kind", "action", "reports"];

    // Cells as the workbook takes them (ints and dates typed); the CSV formats the same cells as text.
    public static object?[] Cells(MeetingRow r) =>
        [r.Id.ToString(), r.Date, r.BodyId.ToString(), r.Body, r.Session, r.Chair, r.Participants, r.Resolutions, r.Documents, r.Sources];

    public static object?[] Cells(ParticipantExportRow r) =>
        [r.MeetingId.ToString(), r.Date, r.Body, r.PersonId.ToString(), r.Person, Name(r.Role), r.Title, r.Reports];

    public static object?[] Cells(ResolutionExportRow r) =>
        [r.MeetingId.ToString(), r.Date, r.Body, r.Id.ToString(), r.Position + 1, r.Verb, r.Text, r.IssuedBy, r.Reports];

    public static object?[] Cells(DocumentExportRow r) =>
        [r.MeetingId.ToString(), r.Date, r.Body, r.DocumentId.ToString(), r.Title, r.Kind, Name(r.Action), r.Reports];

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string?[] AsText(object?[] cells) => Array.ConvertAll(cells, c => c switch
    {
        null => null,
        int n => CsvFile.Number(n),
        DateOnly d => CsvFile.Date(d),
        _ => c.ToString(),
    });

    private static IResult Participants([AsParameters] MeetingListQuery query, RecordExportQueries exports, TimeProvider time, CancellationToken ct) =>
        Filtered(query, time, filter => CsvFile.Stream("participants.csv", ParticipantHeader, exports.ParticipantsAsync(filter, ct), r => AsText(Cells(r))));

    private static IResult Resolutions([AsParameters] MeetingListQuery query, RecordExportQueries exports, TimeProvider time, CancellationToken ct) =>
        Filtered(query, time, filter => CsvFile.Stream("resolutions.csv", ResolutionHeader, exports.ResolutionsAsync(filter, ct), r => AsText(Cells(r))));

    private static IResult Documents([AsParameters] MeetingListQuery query, RecordExportQueries exports, TimeProvider time, CancellationToken ct) =>
        Filtered(query, time, filter => CsvFile.Stream("meeting-documents.csv", DocumentHeader, exports.DocumentsAsync(filter, ct), r => AsText(Cells(r))));

    private static IResult Filtered(MeetingListQuery query, TimeProvider time, Func<MeetingFilter, IResult> answer)
    {
        var input = new QueryInput(time);
        var filter = query.Parse(input);
        return input.ProblemResult() ?? answer(filter);
    }

    private static async Task<IResult> WorkbookAsync([AsParameters] MeetingListQuery query, RecordExportQueries exports, TimeProvider time,
        HttpContext http, CancellationToken ct)
    {
        var input = new QueryInput(time);
        var filter = query.Parse(input);
        if (input.ProblemResult() is { } problem)
        {
            return problem;
        }
        var sheets = new[]
        {
            new WorkbookSheet("Meetings", MeetingHeader, Select(exports.MeetingsAsync(filter, ct), Cells, ct)),
            new WorkbookSheet("Participants", ParticipantHeader, Select(exports.ParticipantsAsync(filter, ct), Cells, ct)),
            new WorkbookSheet("Resolutions", ResolutionHeader, Select(exports.ResolutionsAsync(filter, ct), Cells, ct)),
            new WorkbookSheet("Documents", DocumentHeader, Select(exports.DocumentsAsync(filter, ct), Cells, ct)),
        };
        // Built in a temporary file before the first byte is sent: a failing query still gets a proper error answer.
        var path = Path.GetTempFileName();
        var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await Workbook.WriteAsync(file, sheets, ct);
            file.Position = 0;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
        http.Response.RegisterForDisposeAsync(file);
        return TypedResults.File(file, XlsxType, "policytracker-records.xlsx");
    }

    private static async IAsyncEnumerable<object?[]> Select<T>(IAsyncEnumerable<T> rows, Func<T, object?[]> cells,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return cells(row);
        }
    }

    // Popolo (popoloproject.com): persons, organizations, memberships (a person at a body's meetings, first to last),
    // and events (the meetings, each with its attendees in report order). Streamed section by section.
    private static async Task<IResult> PopoloAsync([AsParameters] MeetingListQuery query, RecordExportQueries exports, TimeProvider time,
        HttpContext http, CancellationToken ct)
    {
        var input = new QueryInput(time);
        var filter = query.Parse(input);
        if (input.ProblemResult() is { } problem)
        {
            return problem;
        }
        var organizations = await exports.OrganizationsAsync(filter, ct);
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=policytracker-popolo.json";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteStartArray("persons");
        var n = 0;
        await foreach (var p in exports.PersonsAsync(filter, ct))
        {
            json.WriteStartObject();
            json.WriteString("id", p.Id.ToString());
            json.WriteString("name", p.Name);
            json.WriteStartArray("other_names");
            foreach (var alias in p.OtherNames)
            {
                json.WriteStartObject();
                json.WriteString("name", alias);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            await FlushSometimesAsync(json, ++n, ct);
        }
        json.WriteEndArray();

        json.WriteStartArray("organizations");
        foreach (var o in organizations)
        {
            json.WriteStartObject();
            json.WriteString("id", o.Id.ToString());
            json.WriteString("name", o.Name);
            json.WriteString("classification", "body");
            if (o.ParentId is { } parent)
            {
                json.WriteString("parent_id", parent.ToString());
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("memberships");
        await foreach (var m in exports.MembershipsAsync(filter, ct))
        {
            json.WriteStartObject();
            json.WriteString("person_id", m.PersonId.ToString());
            json.WriteString("organization_id", m.OrganizationId.ToString());
            json.WriteString("role", m.Chaired ? "chair" : "participant");
            WriteDate(json, "start_date", m.First);
            WriteDate(json, "end_date", m.Last);
            json.WriteNumber("meetings", m.Meetings);
            json.WriteEndObject();
            await FlushSometimesAsync(json, ++n, ct);
        }
        json.WriteEndArray();

        json.WriteStartArray("events");
        await foreach (var e in exports.EventsAsync(filter, ct))
        {
            json.WriteStartObject();
            json.WriteString("id", e.Id.ToString());
            json.WriteString("name", e.Session is { } session ? $"{e.Body}, {session}" : $"{e.Body} meeting");
            json.WriteString("classification", "meeting");
            json.WriteString("organization_id", e.OrganizationId.ToString());
            WriteDate(json, "start_date", e.Date);
            if (e.Location is { } location)
            {
                json.WriteString("location", location);
            }
            json.WriteStartArray("attendees");
            foreach (var a in e.Attendees)
            {
                json.WriteStartObject();
                json.WriteString("person_id", a.PersonId.ToString());
                json.WriteString("role", Name(a.Role));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            await FlushSometimesAsync(json, ++n, ct);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
        return TypedResults.Empty;
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            json.WriteString(name, CsvFile.Date(d));
        }
    }

    private static async Task FlushSometimesAsync(Utf8JsonWriter json, int written, CancellationToken ct)
    {
        if (written % 200 == 0)
        {
            await json.FlushAsync(ct);
        }
    }
}

/// <summary>The meetings list's filters as query-string parameters, for the exports.</summary>
public sealed record MeetingListQuery(
    string? Q, string? Body, string? Person, string? Role,
    string? Document, [FromQuery(Name = "hasDocuments")] string? HasDocuments,
    string? From, string? To)
{
    public MeetingFilter Parse(QueryInput input) => MeetingQueryString.Parse(input, Q, Body, Person, Role, Document, HasDocuments, From, To);
}
