using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PolicyTracker.Data.Editing;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import;
using PolicyTracker.Extraction;
using PolicyTracker.IntegrationTests.Data;
using PolicyTracker.IntegrationTests.Support;
using PolicyTracker.Web.Features.Bodies;
using PolicyTracker.Web.Features.Browse;
using PolicyTracker.Web.Features.Documents;
using PolicyTracker.Web.Features.Meetings;
using PolicyTracker.Web.Features.Overview;
using PolicyTracker.Web.Features.People;
using PolicyTracker.Web.Features.Reports;
using PolicyTracker.Web.Features.Search;
using PolicyTracker.Web.Features.Summary;

namespace PolicyTracker.IntegrationTests.Browse;

// Analysts browse only what published reports say: an imported draft is unreviewed machine output.
[Collection(DatabaseTestGroup.Name)]
public sealed class PublishedOnlyTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private const string Text = Extractions.NationalSecurityCommission;

    // A second account of the same meeting (same body, same date) naming someone and something else.
    private const string DraftText = """
        Commission meeting draws a second account
        BEIJING, May 30 -- The National Security Commission met again in this account. Wang Zebrafield attended.
        The meeting called for quagga registry reforms. The meeting adopted a regulation on zebra crossings.
        """;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_draft_reports_meeting_people_documents_and_resolutions_are_not_browsable()
    {
        var reportId = await ImportAsync(Text, ReportStatus.Draft, t => Extractions.Commission(t));

        await ShouldBeHiddenAsync(reportId);
        var counts = await new OverviewQueries(new PublishedData(fixture.Factory), new MemoryCache(new MemoryCacheOptions())).CountsAsync();
        counts.ShouldBe(new OverviewCounts(Reports: 1, Drafts: 1, Meetings: 0, People: 0, Bodies: 0, Documents: 0));
    }

    [Fact]
    public async Task The_overview_tiles_are_served_from_the_cache_until_a_report_arrives_even_one_that_changes_no_published_count()
    {
        var cache = new MemoryCache(new MemoryCacheOptions());
        var overview = new OverviewQueries(new PublishedData(fixture.Factory), cache);
        await ImportAsync(Text, ReportStatus.Published, t => Extractions.Commission(t));
        (await overview.CountsAsync()).ShouldBe(new OverviewCounts(Reports: 1, Drafts: 0, Meetings: 1, People: 3, Bodies: 1, Documents: 2));

        // Imported archived: no draft, nothing published changes; only the newest report id tells the cache.
        var archived = await ImportAsync(DraftText, ReportStatus.Archived, t => Extractions.Commission(t));
        await using (var db = await fixture.CreateDbContextAsync())
        {
            (await db.Reports.Where(r => r.Id == archived).Select(r => r.Status).SingleAsync()).ShouldBe(ReportStatus.Archived);
        }
        (await overview.CountsAsync()).ShouldBe(new OverviewCounts(Reports: 2, Drafts: 0, Meetings: 1, People: 3, Bodies: 1, Documents: 2));
    }

    [Fact]
    public async Task An_archived_report_is_not_browsable_either()
    {
        var reportId = await ImportAsync(Text, ReportStatus.Published, t => Extractions.Commission(t));
        await SetStatusAsync(reportId, ReportStatus.Archived);

        await ShouldBeHiddenAsync(reportId);
    }

    [Fact]
    public async Task Publishing_the_draft_makes_everything_appear()
    {
        var reportId = await ImportAsync(Text, ReportStatus.Draft, t => Extractions.Commission(t));
        await SetStatusAsync(reportId, ReportStatus.Published);

        var meetings = await new MeetingQueries(new PublishedData(fixture.Factory)).ListAsync(new MeetingFilter(), 0, 50, null, true);
        var row = meetings.Rows.ShouldHaveSingleItem();
        (meetings.Total, row.Chair, row.Participants, row.Resolutions, row.Documents, row.Sources).ShouldBe((1, "Xi Jinping", 3, 1, 2, 1));
        var detail = (await new MeetingQueries(new PublishedData(fixture.Factory)).GetAsync(row.Id)).ShouldNotBeNull();
        detail.Participants.Select(p => p.Name).Order().ShouldBe(["Cai Qi", "Li Qiang", "Xi Jinping"]);

        var people = await new PersonQueries(new PublishedData(fixture.Factory)).ListAsync(new PersonFilter(), 0, 50, null, false);
        people.Rows.Select(p => p.Name).Order().ShouldBe(["Cai Qi", "Li Qiang", "Xi Jinping"]);
        people.Total.ShouldBe(3);
        (await new PersonQueries(new PublishedData(fixture.Factory)).GetAsync(people.Rows[0].Id)).ShouldNotBeNull();

        var documents = await new DocumentQueries(new PublishedData(fixture.Factory)).ListAsync(new DocumentFilter(), 0, 50, null, false);
        documents.Total.ShouldBe(2);
        (await new DocumentQueries(new PublishedData(fixture.Factory)).KindsAsync()).ShouldBe(["guideline", "plan"]);
        (await new DocumentQueries(new PublishedData(fixture.Factory)).GetAsync(documents.Rows[0].Id)).ShouldNotBeNull();

        var bodies = await new BodyQueries(new PublishedData(fixture.Factory)).ListAsync(new BodyFilter(), 0, 50, null, false);
        bodies.Rows.ShouldHaveSingleItem().Meetings.ShouldBe(1);
        (await new BodyQueries(new PublishedData(fixture.Factory)).GetAsync(bodies.Rows[0].Id)).ShouldNotBeNull().Meetings.Count.ShouldBe(1);

        var search = (await new SearchQueries(new PublishedData(fixture.Factory)).SearchAsync("security")).ShouldNotBeNull();
        (search.Reports.Total, search.Resolutions.Total, search.Documents.Total, search.Bodies.Total).ShouldBe((1, 1, 1, 1));
        (await new SearchQueries(new PublishedData(fixture.Factory)).SearchAsync("Xi")).ShouldNotBeNull().People.Total.ShouldBe(1);

        var summary = await new SummaryQueries(new PublishedData(fixture.Factory), new MemoryCache(new MemoryCacheOptions())).GetAsync(null, null);
        summary.Meetings.ShouldBe(1);
        summary.TopPeople.Count.ShouldBe(3);
        summary.DocumentActions.Sum(a => a.Count).ShouldBe(2);

        (await new ReportQueries(fixture.Factory).GetAsync(reportId, includeUnpublished: false)).ShouldNotBeNull();
        (await new OverviewQueries(new PublishedData(fixture.Factory), new MemoryCache(new MemoryCacheOptions())).CountsAsync())
            .ShouldBe(new OverviewCounts(Reports: 1, Drafts: 0, Meetings: 1, People: 3, Bodies: 1, Documents: 2));
    }

    [Fact]
    public async Task A_meeting_with_a_draft_and_a_published_source_shows_only_the_published_sources_records()
    {
        var publishedId = await ImportAsync(Text, ReportStatus.Published, t => Extractions.Commission(t));
        var draftId = await ImportAsync(DraftText, ReportStatus.Draft, t => Extractions.Build(
            t, "National Security Commission", Extractions.CommissionDate,
            participants: [("Wang Zebrafield", ParticipantRole.Attendee, "Minister")],
            resolutions: ["quagga registry reforms"],
            documents: [("regulation on zebra crossings", "regulation", Extraction.DocumentAction.Adopted)]));
        await using (var db = await fixture.CreateDbContextAsync())
        {
            // The premise: one meeting, two sources.
            (await db.Meetings.CountAsync()).ShouldBe(1);
            (await db.MeetingSources.CountAsync()).ShouldBe(2);
        }

        var meetings = new MeetingQueries(new PublishedData(fixture.Factory));
        var row = (await meetings.ListAsync(new MeetingFilter(), 0, 50, null, true)).Rows.ShouldHaveSingleItem();
        (row.Participants, row.Resolutions, row.Documents, row.Sources).ShouldBe((3, 1, 2, 1));
        (await meetings.ListAsync(new MeetingFilter(Text: "Zebrafield"), 0, 50, null, true)).Total.ShouldBe(0);
        (await meetings.ListAsync(new MeetingFilter(Text: "quagga"), 0, 50, null, true)).Total.ShouldBe(0);

        var detail = (await meetings.GetAsync(row.Id)).ShouldNotBeNull();
        detail.Participants.Select(p => p.Name).Order().ShouldBe(["Cai Qi", "Li Qiang", "Xi Jinping"]);
        detail.Participants.ShouldAllBe(p => p.Sources.Single().ReportId == publishedId);
        detail.Resolutions.ShouldHaveSingleItem().Sources.ShouldHaveSingleItem().ReportId.ShouldBe(publishedId);
        detail.Documents.Select(d => d.Title).ShouldBe(["guideline on building a safe city", "plan on data security"]);
        detail.Sources.ShouldHaveSingleItem().ReportId.ShouldBe(publishedId);

        (await new PersonQueries(new PublishedData(fixture.Factory)).ListAsync(new PersonFilter("Zebrafield"), 0, 50, null, false)).Total.ShouldBe(0);
        (await new DocumentQueries(new PublishedData(fixture.Factory)).ListAsync(new DocumentFilter("zebra"), 0, 50, null, false)).Total.ShouldBe(0);
        (await new DocumentQueries(new PublishedData(fixture.Factory)).KindsAsync()).ShouldNotContain("regulation");
        var search = (await new SearchQueries(new PublishedData(fixture.Factory)).SearchAsync("zebra")).ShouldNotBeNull();
        search.Total.ShouldBe(0);
        (await new SearchQueries(new PublishedData(fixture.Factory)).SearchAsync("quagga")).ShouldNotBeNull().Total.ShouldBe(0);
        var summary = await new SummaryQueries(new PublishedData(fixture.Factory), new MemoryCache(new MemoryCacheOptions())).GetAsync(null, null);
        summary.TopPeople.Select(p => p.Name).ShouldNotContain("Wang Zebrafield");
        summary.DocumentActions.Sum(a => a.Count).ShouldBe(2);

        var reports = new ReportQueries(fixture.Factory);
        (await reports.GetAsync(draftId, includeUnpublished: false)).ShouldBeNull();
        (await reports.GetAsync(draftId, includeUnpublished: true)).ShouldNotBeNull();
        (await reports.GetAsync(publishedId, includeUnpublished: false)).ShouldNotBeNull();

        // Publishing the second account brings its records in.
        await SetStatusAsync(draftId, ReportStatus.Published);
        row = (await meetings.ListAsync(new MeetingFilter(), 0, 50, null, true)).Rows.ShouldHaveSingleItem();
        (row.Participants, row.Resolutions, row.Documents, row.Sources).ShouldBe((4, 2, 3, 2));
        (await new PersonQueries(new PublishedData(fixture.Factory)).ListAsync(new PersonFilter("Zebrafield"), 0, 50, null, false)).Total.ShouldBe(1);
    }

    private async Task ShouldBeHiddenAsync(Guid reportId)
    {
        Guid meetingId, personId, documentId, bodyId;
        await using (var db = await fixture.CreateDbContextAsync())
        {
            meetingId = await db.Meetings.Select(m => m.Id).SingleAsync();
            personId = await db.People.Where(p => p.Name == "Xi Jinping").Select(p => p.Id).SingleAsync();
            documentId = await db.Documents.Select(d => d.Id).FirstAsync();
            bodyId = await db.Organizations.Select(o => o.Id).SingleAsync();
        }

        var meetings = new MeetingQueries(new PublishedData(fixture.Factory));
        (await meetings.ListAsync(new MeetingFilter(), 0, 50, null, true)).Total.ShouldBe(0);
        (await meetings.ListAsync(new MeetingFilter(BodyId: bodyId), 0, 50, null, true)).Rows.ShouldBeEmpty();
        (await meetings.GetAsync(meetingId)).ShouldBeNull();

        var people = new PersonQueries(new PublishedData(fixture.Factory));
        var personList = await people.ListAsync(new PersonFilter(), 0, 50, null, false);
        (personList.Total, personList.Rows.Count).ShouldBe((0, 0));
        (await people.GetAsync(personId)).ShouldBeNull();

        var documents = new DocumentQueries(new PublishedData(fixture.Factory));
        var documentList = await documents.ListAsync(new DocumentFilter(), 0, 50, null, false);
        (documentList.Total, documentList.Rows.Count).ShouldBe((0, 0));
        (await documents.KindsAsync()).ShouldBeEmpty();
        (await documents.GetAsync(documentId)).ShouldBeNull();

        var bodies = new BodyQueries(new PublishedData(fixture.Factory));
        (await bodies.ListAsync(new BodyFilter(), 0, 50, null, false)).Total.ShouldBe(0);
        (await bodies.GetAsync(bodyId)).ShouldBeNull();

        var search = new SearchQueries(new PublishedData(fixture.Factory));
        foreach (var q in new[] { "security", "Xi", "guideline", "commission" })
        {
            (await search.SearchAsync(q)).ShouldNotBeNull().Total.ShouldBe(0, q);
        }

        var summary = await new SummaryQueries(new PublishedData(fixture.Factory), new MemoryCache(new MemoryCacheOptions())).GetAsync(null, null);
        (summary.Meetings, summary.Undated, summary.TopBodies.Count, summary.TopPeople.Count, summary.DocumentActions.Count).ShouldBe((0, 0, 0, 0, 0));

        var reports = new ReportQueries(fixture.Factory);
        (await reports.GetAsync(reportId, includeUnpublished: false)).ShouldBeNull();
        (await reports.GetAsync(reportId, includeUnpublished: true)).ShouldNotBeNull();
    }

    private async Task<Guid> ImportAsync(string text, ReportStatus status, Func<string, ReportExtraction> extract)
    {
        var result = await fixture.Importer(extract).ImportAsync(new ImportRequest(text) { Status = status });
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.ReportId!.Value;
    }

    private async Task SetStatusAsync(Guid reportId, ReportStatus status)
    {
        uint version;
        await using (var db = await fixture.CreateDbContextAsync())
        {
            version = await db.Reports.Where(r => r.Id == reportId).Select(r => r.Version).SingleAsync();
        }

        var result = await new ReportStatusChanger(fixture.Factory, fixture.User, fixture.Clock).SetStatusAsync(reportId, version, status);
        result.Outcome.ShouldBe(SaveOutcome.Saved, result.Message);
    }
}
