using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PolicyTracker.Data.Editing;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import;
using PolicyTracker.Extraction;
using PolicyTracker.IntegrationTests.Data;
using PolicyTracker.IntegrationTests.Support;
using PolicyTracker.Web.Features.Browse;
using PolicyTracker.Web.Features.Meetings;
using PolicyTracker.Web.Features.People;
using PolicyTracker.Web.Features.Summary;

namespace PolicyTracker.IntegrationTests.Records;

// Two reports of one meeting: every page counts facts, editing a shared meeting is done knowingly,
// and a verdict is what a person said, never what publishing implied.
[Collection(DatabaseTestGroup.Name)]
public sealed class OneRecordPerFactTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private const string Text = Extractions.NationalSecurityCommission;
    private static readonly string Other = Text.Replace("Test Wire", "Other Wire", StringComparison.Ordinal);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private ReviewLoader Loader => new(fixture.Factory, fixture.Clock);

    private ReviewSaver Saver => new(fixture.Factory, fixture.Clock, fixture.User);

    private PublishedData Published => new(fixture.Factory);

    [Fact]
    public async Task Every_count_on_lists_person_pages_and_the_summary_counts_facts_not_sources()
    {
        var (first, second) = await TwoPublishedReportsAsync();

        var meetings = new MeetingQueries(Published);
        var row = (await meetings.ListAsync(new MeetingFilter(), 0, 10, null, true)).Rows.ShouldHaveSingleItem();
        (row.Participants, row.Resolutions, row.Documents, row.Sources, row.Chair).ShouldBe((3, 1, 2, 2, "Xi Jinping"));

        var detail = (await meetings.GetAsync(row.Id)).ShouldNotBeNull();
        detail.Participants.Select(p => p.Name).ShouldBe(["Xi Jinping", "Li Qiang", "Cai Qi"]);
        detail.Participants.ShouldAllBe(p => p.Sources.Count == 2);
        detail.Participants[0].Sources.Select(s => s.ReportId).Order().ShouldBe(new[] { first, second }.Order());
        detail.Resolutions.ShouldHaveSingleItem().Sources.Count.ShouldBe(2);
        detail.Documents.Count.ShouldBe(2);

        var people = new PersonQueries(Published);
        var xi = (await people.ListAsync(new PersonFilter("Xi Jinping"), 0, 10, null, false)).Rows.ShouldHaveSingleItem();
        xi.Meetings.ShouldBe(1);
        var page = (await people.GetAsync(xi.Id)).ShouldNotBeNull();
        page.Meetings.ShouldHaveSingleItem().Sources.Count.ShouldBe(2);

        var summary = await new SummaryQueries(Published, new MemoryCache(new MemoryCacheOptions())).GetAsync(null, null);
        summary.Meetings.ShouldBe(1);
        summary.TopPeople.ShouldAllBe(p => p.Count == 1);
        summary.DocumentActions.Sum(a => a.Count).ShouldBe(2);
    }

    [Fact]
    public async Task Changing_the_date_of_a_shared_meeting_asks_first_and_can_move_only_this_report()
    {
        var (first, second) = await TwoPublishedReportsAsync();
        var draft = (await Loader.LoadAsync(second))!;
        var meeting = draft.Meetings.ShouldHaveSingleItem();
        meeting.OtherSources.ShouldBe(1);
        meeting.Date = new DateOnly(2023, 6, 2);
        meeting.Changed = true;

        var unasked = await Saver.SaveAsync(draft, publish: false);
        unasked.Outcome.ShouldBe(SaveOutcome.Invalid);
        unasked.Message.ShouldContain("1 other report(s)");
        unasked.Message.ShouldContain("all 2 reports");

        meeting.Scope = MeetingEditScope.ThisReport;
        (await Saver.SaveAsync(draft, publish: false)).Outcome.ShouldBe(SaveOutcome.Saved);

        await using var db = await fixture.CreateDbContextAsync();
        var stored = await db.Meetings.Include(m => m.Sources).Include(m => m.Participations).ThenInclude(p => p.Sources)
            .OrderBy(m => m.Date).ToListAsync();
        stored.Select(m => (m.Date, m.Sources.Single().SourceReportId)).ShouldBe(
            [(Extractions.CommissionDate, first), (new DateOnly(2023, 6, 2), second)]);
        // Each meeting keeps its own copy of the facts, claimed by its own report only.
        stored.ShouldAllBe(m => m.Participations.Count == 3 && m.Participations.All(p => p.Sources.Count == 1));
        (await db.ParticipationSources.CountAsync()).ShouldBe(6);
    }

    [Fact]
    public async Task Changing_the_body_of_a_shared_meeting_for_all_reports_changes_the_one_meeting()
    {
        var (first, second) = await TwoPublishedReportsAsync();
        var draft = (await Loader.LoadAsync(first))!;
        var meeting = draft.Meetings.Single();
        (meeting.Body, meeting.BodyId, meeting.Changed, meeting.Scope) = ("Central Commission for National Security", null, true, MeetingEditScope.AllReports);

        (await Saver.SaveAsync(draft, publish: false)).Outcome.ShouldBe(SaveOutcome.Saved);

        await using var db = await fixture.CreateDbContextAsync();
        var only = await db.Meetings.Include(m => m.Organization).Include(m => m.Sources).SingleAsync();
        only.Organization.Name.ShouldBe("Central Commission for National Security");
        only.Sources.Select(s => s.SourceReportId).Order().ShouldBe(new[] { first, second }.Order());
        (await Loader.LoadAsync(second))!.Meetings.Single().Body.ShouldBe("Central Commission for National Security");
    }

    [Fact]
    public async Task Removing_a_shared_fact_from_one_report_keeps_it_for_the_other_and_records_the_verdict()
    {
        var (first, second) = await TwoPublishedReportsAsync();
        var draft = (await Loader.LoadAsync(second))!;
        var cai = draft.Meetings[0].Participants.Single(p => p.Name == "Cai Qi");
        cai.OtherReports.ShouldBe(1);
        cai.Removed = true;
        (await Saver.SaveAsync(draft, publish: false)).Outcome.ShouldBe(SaveOutcome.Saved);

        var detail = (await new MeetingQueries(Published).GetAsync(draft.Meetings[0].MeetingId!.Value)).ShouldNotBeNull();
        detail.Participants.Single(p => p.Name == "Cai Qi").Sources.Select(s => s.ReportId).ShouldBe([first]);
        (await Loader.LoadAsync(second))!.Meetings[0].Participants.Select(p => p.Name).ShouldNotContain("Cai Qi");
        await using var db = await fixture.CreateDbContextAsync();
        (await db.ParticipationSources.SingleAsync(s => s.SourceReportId == second && s.Fact.Person.Name == "Cai Qi")).Verdict.ShouldBe(Verdict.Removed);
    }

    [Fact]
    public async Task Relinking_a_shared_fact_in_one_report_moves_only_that_reports_claim()
    {
        var (first, second) = await TwoPublishedReportsAsync();
        var draft = (await Loader.LoadAsync(second))!;
        var cai = draft.Meetings[0].Participants.Single(p => p.Name == "Cai Qi");
        (cai.Name, cai.PersonId) = ("Cai Qilin", null);
        cai.MarkEdited();
        (await Saver.SaveAsync(draft, publish: false)).Outcome.ShouldBe(SaveOutcome.Saved);

        await using var db = await fixture.CreateDbContextAsync();
        var claims = await db.Participations.Include(p => p.Person).Include(p => p.Sources).ToDictionaryAsync(p => p.Person.Name, p => p.Sources.Select(s => s.SourceReportId).ToList());
        claims["Cai Qi"].ShouldBe([first]);
        claims["Cai Qilin"].ShouldBe([second]);
        claims["Xi Jinping"].Count.ShouldBe(2);
        (await db.ParticipationSources.SingleAsync(s => s.Fact.Person.Name == "Cai Qilin")).Verdict.ShouldBe(Verdict.Edited);
    }

    [Fact]
    public async Task A_document_left_without_actions_after_relinking_is_soft_deleted_and_restorable()
    {
        var reportId = await ImportAsync(Text, ReportStatus.Draft);
        var draft = (await Loader.LoadAsync(reportId))!;
        var plan = draft.Meetings[0].Documents.Single(d => d.Title == "plan on data security");
        (plan.Title, plan.DocumentId) = ("plan on strengthening data security", null);
        plan.MarkEdited();
        (await Saver.SaveAsync(draft, publish: false)).Outcome.ShouldBe(SaveOutcome.Saved);

        await using var db = await fixture.CreateDbContextAsync();
        (await db.Documents.Select(d => d.NormalizedTitle).OrderBy(t => t).ToListAsync())
            .ShouldBe(["guideline on building a safe city", "plan on strengthening data security"]);
        var orphan = await db.Documents.IgnoreQueryFilters().SingleAsync(d => d.NormalizedTitle == "plan on data security");
        orphan.DeletedAt.ShouldNotBeNull();
        (await db.RestoreAsync<Document>(orphan.Id)).ShouldBeTrue();
    }

    [Fact]
    public async Task Accepting_all_remaining_is_an_explicit_act_recorded_on_each_item()
    {
        var reportId = await ImportAsync(Text, ReportStatus.Draft);
        var draft = (await Loader.LoadAsync(reportId))!;
        draft.Meetings[0].Participants[0].Accept();
        draft.AcceptAllRemaining().ShouldBe(5);
        draft.Unjudged.ShouldBeEmpty();
        fixture.User.Name = "editor";

        (await Saver.SaveAsync(draft, publish: true)).Outcome.ShouldBe(SaveOutcome.Saved);

        await using var db = await fixture.CreateDbContextAsync();
        var claims = await db.ParticipationSources.Select(s => new { s.Verdict, s.InBulk, s.VerdictBy }).ToListAsync();
        claims.Count(c => c.Verdict == Verdict.Accepted && !c.InBulk).ShouldBe(1);
        claims.Count(c => c.Verdict == Verdict.Accepted && c.InBulk).ShouldBe(2);
        claims.ShouldAllBe(c => c.VerdictBy == "editor");
        (await db.ResolutionSources.AllAsync(s => s.InBulk)).ShouldBeTrue();
        (await db.MeetingSources.SingleAsync()).InBulk.ShouldBeTrue();
    }

    [Fact]
    public async Task An_item_nobody_opened_stays_unverified_after_publishing()
    {
        var reportId = await ImportAsync(Text, ReportStatus.Draft);
        var draft = (await Loader.LoadAsync(reportId))!;

        var result = await Saver.SaveAsync(draft, publish: true);

        result.Outcome.ShouldBe(SaveOutcome.Saved);
        result.Message.ShouldContain("6 item(s) nobody has checked yet stay unverified");
        var reloaded = (await Loader.LoadAsync(reportId))!;
        reloaded.Status.ShouldBe(ReportStatus.Published);
        reloaded.Items.ShouldAllBe(i => i.Verdict == Verdict.Extracted && !i.Verified);
        (await new MeetingQueries(Published).ListAsync(new MeetingFilter(), 0, 10, null, true)).Total.ShouldBe(1);
    }

    private async Task<(Guid First, Guid Second)> TwoPublishedReportsAsync()
    {
        var first = await ImportAsync(Text, ReportStatus.Published);
        var second = await ImportAsync(Other, ReportStatus.Published);
        return (first, second);
    }

    private async Task<Guid> ImportAsync(string text, ReportStatus status)
    {
        var result = await fixture.Importer(t => Extractions.Commission(t)).ImportAsync(new ImportRequest(text) { Status = status });
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.ReportId!.Value;
    }
}
