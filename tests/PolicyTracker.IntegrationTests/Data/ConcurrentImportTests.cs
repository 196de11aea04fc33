using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import;
using PolicyTracker.Data.Records;
using PolicyTracker.Extraction;
using PolicyTracker.IntegrationTests.Support;
using ExtractedAction = PolicyTracker.Extraction.DocumentAction;

namespace PolicyTracker.IntegrationTests.Data;

// Imports lock only the names, records and rollup rows they touch (KeyLocks): many at once over overlapping names
// must still create each person, body, document and meeting once and leave every count right.
[Collection(DatabaseTestGroup.Name)]
public sealed class ConcurrentImportTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private static readonly string[] People =
        ["Wen Lanxi", "Hao Dongmei", "Qiu Baoshan", "Lin Yaoting", "Fang Cuiwen", "Du Mingxuan", "Shi Ruolan", "Kong Jianhua", "Yan Shuping", "Tao Zhiyuan"];

    private static readonly string[] Bodies = ["Coastal Affairs Commission", "Inland Waterways Council", "Harbour Planning Office"];

    private static readonly string[] Documents =
        ["plan on harbour dredging", "guideline on river ports", "law on pilotage", "opinion on ferry safety", "report on tidal defences"];

    private static readonly DateOnly[] Dates = [new(2024, 3, 4), new(2024, 3, 11), new(2024, 3, 18)];

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    // Report n: body n % 3 on date (n / 3) % 3 (9 meetings, most described by several reports), four of the ten people
    // in an order that differs from report to report (one written in capitals, as wires do), two documents, and the
    // meeting's resolution.
    private static (string Text, ReportExtraction Extraction) Report(int n)
    {
        var body = Bodies[n % 3];
        var date = Dates[n / 3 % 3];
        var people = Enumerable.Range(0, 4).Select(k => People[(n * 7 + k * (n % 2 == 0 ? 3 : 7)) % People.Length]).Distinct().ToList();
        if (n % 5 == 0)
        {
            people[^1] = people[^1].ToUpperInvariant();
        }

        var documents = new[] { Documents[n % 5], Documents[(n + 2) % 5] };
        var resolution = $"keeping the {body} ready for the spring tides";
        var text = $"Report {n}: {body} met on {date:yyyy-MM-dd}. {string.Join(", ", people)} attended. "
            + $"The meeting called for {resolution}. It adopted the {documents[0]} and reviewed the {documents[1]}.";
        var extraction = Extractions.Build(text, body, date,
            [.. people.Select((p, i) => (p, i == 0 ? ParticipantRole.Chair : ParticipantRole.Attendee, (string?)null))],
            [resolution],
            [(documents[0], "plan", ExtractedAction.Adopted), (documents[1], "plan", ExtractedAction.Reviewed)]);
        return (text, extraction);
    }

    [Fact]
    public async Task Many_connections_importing_the_same_and_overlapping_reports_at_once_lose_and_double_nothing()
    {
        const int Reports = 45;
        var reports = Enumerable.Range(0, Reports).Select(Report).ToList();
        var extractions = reports.ToDictionary(r => r.Text, r => r.Extraction);
        var importer = fixture.Importer(text => extractions[text]);
        // Every report twice, the copies far apart in the queue, eight imports in flight: each on its own connection.
        var queue = reports.Concat(reports.AsEnumerable().Reverse()).Select(r => r.Text).ToList();
        var results = new System.Collections.Concurrent.ConcurrentBag<ImportResult>();

        await Parallel.ForEachAsync(queue, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (text, ct) =>
            results.Add(await importer.ImportAsync(new ImportRequest(text) { Status = ReportStatus.Published }, ct)));

        results.Count(r => r.Succeeded).ShouldBe(Reports);
        results.Where(r => !r.Succeeded).ShouldAllBe(r => r.Problem == ImportProblem.DuplicateText);
        await using var db = await fixture.CreateDbContextAsync();
        (await db.Reports.CountAsync()).ShouldBe(Reports);
        (await db.Reports.Select(r => r.ContentHash).Distinct().CountAsync()).ShouldBe(Reports);

        // One person per name (in any case), one body per name, one document per title, one meeting per body and day.
        (await db.People.Select(p => p.NameKey).ToListAsync()).ShouldBe(People.Select(p => p.ToLowerInvariant()), ignoreOrder: true);
        (await db.Organizations.Select(o => o.Name).ToListAsync()).ShouldBe(Bodies, ignoreOrder: true);
        (await db.Documents.Select(d => d.NormalizedTitle).ToListAsync()).ShouldBe(Documents, ignoreOrder: true);
        var meetings = await db.Meetings.Select(m => new { m.Id, Body = m.Organization.Name, m.Date, m.Published }).ToListAsync();
        meetings.Count.ShouldBe(9);
        meetings.Select(m => (m.Body, m.Date)).Distinct().Count().ShouldBe(9);
        meetings.ShouldAllBe(m => m.Published);

        // Each meeting holds the union of what its reports say, each fact once, with one source per report that says it.
        foreach (var meeting in meetings)
        {
            var said = reports.Select(r => r.Extraction.Meetings[0]).Where(m => m.Body == meeting.Body && m.Date == meeting.Date).ToList();
            var participants = await db.Participations.Where(p => p.MeetingId == meeting.Id)
                .Select(p => new { p.Person.NameKey, Sources = p.Sources.Count }).ToListAsync();
            var expected = said.SelectMany(m => m.Participants).GroupBy(p => p.Name.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count());
            participants.ToDictionary(p => p.NameKey, p => p.Sources).ShouldBe(expected, ignoreOrder: true);
            (await db.MeetingSources.CountAsync(s => s.MeetingId == meeting.Id)).ShouldBe(said.Count);
            (await db.Resolutions.CountAsync(r => r.MeetingId == meeting.Id)).ShouldBe(1);
            (await db.ResolutionSources.CountAsync(s => s.Fact.MeetingId == meeting.Id)).ShouldBe(said.Count);
            var actions = said.SelectMany(m => m.Documents).Select(d => (d.Title, d.Action.ToString())).Distinct().Count();
            (await db.DocumentActions.CountAsync(a => a.MeetingId == meeting.Id)).ShouldBe(actions);
        }

        // The stored rollups equal a recount from scratch: no save's recount was lost to another's.
        var counts = await RollupsAsync(db);
        await RecordCounts.RefreshAllAsync(db, CancellationToken.None);
        (await RollupsAsync(db)).ShouldBe(counts, ignoreOrder: true);
        (await db.BodyCounts.Select(c => c.Meetings).ToListAsync()).ShouldBe([3, 3, 3]);
    }

    private static async Task<List<string>> RollupsAsync(PolicyTrackerDbContext db) =>
    [
        .. (await db.PersonCounts.Select(c => $"person {c.PersonId} {c.Meetings} {c.LastMeeting} {c.Sources}").ToListAsync()),
        .. (await db.BodyCounts.Select(c => $"body {c.OrganizationId} {c.Meetings} {c.FirstMeeting} {c.LastMeeting}").ToListAsync()),
        .. (await db.DocumentCounts.Select(c => $"document {c.DocumentId} {c.Actions} {c.FirstAction} {c.LastAction}").ToListAsync()),
        .. (await db.PersonBodyCounts.Select(c => $"pb {c.PersonId} {c.OrganizationId} {c.Meetings} {c.Chaired}").ToListAsync()),
        .. (await db.CoAttendanceCounts.Select(c => $"co {c.PersonId} {c.OtherPersonId} {c.OrganizationId} {c.Meetings}").ToListAsync()),
        .. (await db.ReportCounts.Select(c => $"report {c.ReportId} {c.Meetings}").ToListAsync()),
    ];
}
