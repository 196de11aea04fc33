using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;
using PolicyTracker.IntegrationTests.Security;
using PolicyTracker.IntegrationTests.Summary;

namespace PolicyTracker.IntegrationTests.Exports;

/// <summary>The app on its own database holding <see cref="SummaryArchive"/>, plus two resolutions of M3
/// (2024-02-20, body B): "strengthen rivers" and one whose text starts like a formula.</summary>
public sealed class RecordExportFixture : SecurityFixture
{
    private readonly SemaphoreSlim _once = new(1, 1);

    public SummaryArchive Archive { get; private set; } = null!;

    public string Tag { get; private set; } = "";

    public const string FormulaText = "=HYPERLINK(\"http://example.org\") is how it was written";

    public async Task SeedOnceAsync()
    {
        await _once.WaitAsync();
        try
        {
            if (Archive is not null)
            {
                return;
            }
            await using var scope = Factory.Services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>().CreateDbContextAsync();
            Archive = await SummaryArchive.SeedAsync(db);
            var report = await db.MeetingSources.Where(s => s.MeetingId == Archive.M3).Select(s => s.SourceReportId).SingleAsync();
            foreach (var (text, i) in new[] { "strengthen the protection of rivers", FormulaText }.Select((t, i) => (t, i)))
            {
                var resolution = new Resolution { Id = Guid.CreateVersion7(), MeetingId = Archive.M3, Text = text, TextKey = text.ToLowerInvariant(), Verb = "called for", Position = i, IssuedBy = "meeting" };
                resolution.Sources.Add(new ResolutionSource { Id = Guid.CreateVersion7(), SourceReportId = report, SpanStart = 0, SpanLength = 4, Confidence = 0.9, ExtractorVersion = "1.0.0" });
                db.Add(resolution);
            }
            await db.SaveChangesAsync();
            await PublishedFlags.RefreshAllAsync(db, default);
            Tag = (await db.People.SingleAsync(p => p.Id == Archive.P1)).Name.Split(' ')[^1];
        }
        finally
        {
            _once.Release();
        }
    }
}

// Each export of Q1 2024 opened and read back: the CSVs with CsvHelper, the workbook with the Open XML SDK, the Popolo
// JSON against a hand-made expectation. Q1 holds M2 (A, 2024-01-15, two reports: P1 chair, P3; adopted D1), M3 (B,
// 2024-02-20: P3 chair, P4; adopted D2, reviewed D3; two resolutions) and M4 (B, 2024-03-05: P4 chair; issued D2).
// M5 (C, 2024-03-30) is only in a draft: no export shows it.
public sealed class RecordExportTests(RecordExportFixture app) : IClassFixture<RecordExportFixture>, IAsyncLifetime
{
    private const string Q1 = "from=2024-01-01&to=2024-03-31";

    public Task InitializeAsync() => app.SeedOnceAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private string Plain(string name) => name.Replace(" " + app.Tag, "", StringComparison.Ordinal);

    private async Task<(byte[] Bytes, HttpResponseMessage Response)> GetAsync(string path)
    {
        var client = await app.SignInAsync(SecurityFixture.EmailOf(Roles.Analyst));
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadAsByteArrayAsync(), response);
    }

    private static List<Dictionary<string, string>> ReadCsv(byte[] bytes)
    {
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "UTF-8 with a byte-order mark, for Excel");
        using var csv = CsvReader.FromText(new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3), new CsvReaderOptions { HasHeader = false });
        string[]? header = null;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            var cells = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
            if (header is null)
            {
                header = cells;
                continue;
            }
            cells.Length.ShouldBe(header.Length);
            rows.Add(header.Zip(cells).ToDictionary(x => x.First, x => x.Second));
        }
        return rows;
    }

    [Fact]
    public async Task The_participants_csv_lists_each_person_once_per_meeting_newest_meeting_first()
    {
        var (bytes, response) = await GetAsync($"/api/export/participants.csv?{Q1}");

        response.Content.Headers.ContentType!.ToString().ShouldBe("text/csv; charset=utf-8");
        var rows = ReadCsv(bytes);
        rows.Select(r => (r["meeting_date"], Plain(r["person"]), r["role"], r["reports"])).ShouldBe(new[]
        {
            ("2024-03-05", "Dee Four", "chair", "1"),
            ("2024-02-20", "Cai Three", "chair", "1"),
            ("2024-02-20", "Dee Four", "attendee", "1"),
            ("2024-01-15", "Ann One", "chair", "2"),
            ("2024-01-15", "Cai Three", "attendee", "2"),
        });
        rows[0]["meeting_id"].ShouldBe(app.Archive.M4.ToString());
        rows[0]["person_id"].ShouldBe(app.Archive.P4.ToString());
    }

    [Fact]
    public async Task The_resolutions_csv_escapes_a_cell_that_looks_like_a_formula()
    {
        var rows = ReadCsv((await GetAsync($"/api/export/resolutions.csv?{Q1}")).Bytes);

        rows.Select(r => (r["position"], r["verb"], r["text"])).ShouldBe(new[]
        {
            ("1", "called for", "strengthen the protection of rivers"),
            ("2", "called for", "'" + RecordExportFixture.FormulaText),
        });
        rows.ShouldAllBe(r => r["meeting_id"] == app.Archive.M3.ToString());
    }

    [Fact]
    public async Task The_documents_csv_lists_every_action_of_the_period_and_a_body_filter_narrows_it()
    {
        var all = ReadCsv((await GetAsync($"/api/export/meeting-documents.csv?{Q1}")).Bytes);
        var ofA = ReadCsv((await GetAsync($"/api/export/meeting-documents.csv?{Q1}&body={app.Archive.BodyA}")).Bytes);

        all.Select(r => (r["meeting_date"], Plain(r["title"]), r["action"])).ShouldBe(new[]
        {
            ("2024-03-05", "Plan on Roads", "issued"),
            ("2024-02-20", "Plan on Roads", "adopted"),
            ("2024-02-20", "Plan on Rails", "reviewed"),
            ("2024-01-15", "Plan on Rivers", "adopted"),
        });
        ofA.ShouldHaveSingleItem()["document_id"].ShouldBe(app.Archive.D1.ToString());
        ofA[0]["reports"].ShouldBe("2");
    }

    [Fact]
    public async Task The_workbook_has_a_sheet_per_record_kind_with_typed_dates_and_counts()
    {
        var (bytes, response) = await GetAsync($"/api/export/records.xlsx?{Q1}");

        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("policytracker-records.xlsx");
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var part = document.WorkbookPart!;
        var sheets = part.Workbook.Sheets!.Elements<Sheet>().ToList();
        sheets.Select(s => s.Name!.Value).ShouldBe(new[] { "Meetings", "Participants", "Resolutions", "Documents" });
        var rows = sheets.ToDictionary(s => s.Name!.Value!, s => Rows((WorksheetPart)part.GetPartById(s.Id!)));

        rows["Meetings"][0].Take(4).ShouldBe(new[] { "id", "date", "body_id", "body" });
        rows["Meetings"].Skip(1).Select(r => r[0]).ShouldBe(new[] { app.Archive.M4, app.Archive.M3, app.Archive.M2 }.Select(id => id.ToString()));
        // Dates are stored as serial numbers with a yyyy-mm-dd format; counts as numbers.
        rows["Meetings"][1][1].ShouldBe(new DateTime(2024, 3, 5).ToOADate().ToString(CultureInfo.InvariantCulture));
        rows["Meetings"][3][^1].ShouldBe("2", "M2 is told by two reports");
        rows["Participants"].Count.ShouldBe(1 + 5);
        rows["Resolutions"].Skip(1).Select(r => r[6]).ShouldBe(new[] { "strengthen the protection of rivers", RecordExportFixture.FormulaText },
            "inline strings are never formulas, so the text stays as written");
        rows["Documents"].Count.ShouldBe(1 + 4);

        var firstDate = part.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<Cell>()).First(c => c.StyleIndex?.Value == 1);
        var format = part.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single();
        format.FormatCode!.Value.ShouldBe("yyyy-mm-dd");
        firstDate.DataType.ShouldBeNull("a number");
    }

    private static List<string[]> Rows(WorksheetPart sheet) =>
        [.. sheet.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray())];

    [Fact]
    public async Task The_popolo_json_holds_the_persons_bodies_memberships_and_meetings_of_the_period()
    {
        var (bytes, _) = await GetAsync($"/api/export/popolo.json?{Q1}");
        using var json = JsonDocument.Parse(bytes);
        var root = json.RootElement;
        var a = app.Archive;
        var names = new Dictionary<string, string>
        {
            [a.P1.ToString()] = "P1",
            [a.P3.ToString()] = "P3",
            [a.P4.ToString()] = "P4",
            [a.BodyA.ToString()] = "A",
            [a.BodyB.ToString()] = "B",
            [a.M2.ToString()] = "M2",
            [a.M3.ToString()] = "M3",
            [a.M4.ToString()] = "M4",
        };
        string N(JsonElement e, string property) => names.TryGetValue(e.GetProperty(property).GetString()!, out var n) ? n : "unexpected";

        // The hand-made expectation: who, which bodies, who attended which body from when to when, which meetings with whom.
        root.GetProperty("persons").EnumerateArray().Select(p => (N(p, "id"), Plain(p.GetProperty("name").GetString()!)))
            .ShouldBe(new[] { ("P1", "Ann One"), ("P3", "Cai Three"), ("P4", "Dee Four") });
        root.GetProperty("organizations").EnumerateArray().Select(o => (N(o, "id"), Plain(o.GetProperty("name").GetString()!), o.GetProperty("classification").GetString()!))
            .ShouldBe(new[] { ("A", "Alpha Council", "body"), ("B", "Beta Commission", "body") });
        root.GetProperty("memberships").EnumerateArray()
            .Select(m => $"{N(m, "person_id")}@{N(m, "organization_id")} {m.GetProperty("role").GetString()} {m.GetProperty("start_date").GetString()}..{m.GetProperty("end_date").GetString()} x{m.GetProperty("meetings").GetInt32()}")
            .Order(StringComparer.Ordinal)
            .ShouldBe(new[]
            {
                "P1@A chair 2024-01-15..2024-01-15 x1",
                "P3@A participant 2024-01-15..2024-01-15 x1",
                "P3@B chair 2024-02-20..2024-02-20 x1",
                "P4@B chair 2024-02-20..2024-03-05 x2",
            });
        root.GetProperty("events").EnumerateArray()
            .Select(e => $"{N(e, "id")} {N(e, "organization_id")} {e.GetProperty("start_date").GetString()} {e.GetProperty("classification").GetString()}: "
                + string.Join(", ", e.GetProperty("attendees").EnumerateArray().Select(p => $"{N(p, "person_id")} {p.GetProperty("role").GetString()}")))
            .ShouldBe(new[]
            {
                "M4 B 2024-03-05 meeting: P4 chair",
                "M3 B 2024-02-20 meeting: P3 chair, P4 attendee",
                "M2 A 2024-01-15 meeting: P1 chair, P3 attendee",
            });
        root.GetProperty("events")[0].GetProperty("name").GetString()!.ShouldContain("Beta Commission");
    }

    [Fact]
    public async Task A_bad_filter_is_refused_with_a_problem_before_any_row_is_written()
    {
        var client = await app.SignInAsync(SecurityFixture.EmailOf(Roles.Analyst));

        foreach (var path in new[] { "participants.csv", "records.xlsx", "popolo.json" })
        {
            var response = await client.GetAsync($"/api/export/{path}?from=someday");
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, path);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
    }

    [Fact]
    public async Task Exports_need_a_signed_in_user()
    {
        var response = await app.NewClient().GetAsync($"/api/export/records.xlsx?{Q1}");

        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }
}
