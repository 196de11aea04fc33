using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PolicyTracker.Data.Editing;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import;
using PolicyTracker.Data.Records;
using PolicyTracker.Extraction;
using PolicyTracker.IntegrationTests.Data;
using PolicyTracker.IntegrationTests.Support;
using PolicyTracker.Web.Features.Browse;
using PolicyTracker.Web.Features.Summary;

namespace PolicyTracker.IntegrationTests.Records;

// The stored rollups the person, body and reports pages read (person_body_counts, co_attendance_counts, report_counts,
// body_counts) must equal a fresh count of what is published after every kind of save: import, publish, edit, archive,
// re-extract, delete and restore. The fresh counts are computed here in LINQ, not with RecordCounts' SQL.
[Collection(DatabaseTestGroup.Name)]
public sealed class StoredCountsTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private const string Text = Extractions.NationalSecurityCommission;
    private static readonly string Other = Text.Replace("Test Wire", "Other Wire", StringComparison.Ordinal);
    private static readonly string Third = Text.Replace("Test Wire", "Third Wire", StringComparison.Ordinal);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private ReviewLoader Loader => new(fixture.Factory, fixture.Clock);

    private ReviewSaver Saver => new(fixture.Factory, fixture.Clock, fixture.User);

    [Fact]
    public async Task Stored_counts_match_a_fresh_count_after_publish_edit_archive_reextract_delete_and_restore()
    {
        var first = await ImportAsync(Text, ReportStatus.Published);
        var second = await ImportAsync(Other, ReportStatus.Published);
        // Another body on another day, with Li Qiang chairing and a newcomer: a draft, so not counted yet.
        var third = await ImportAsync(Third, ReportStatus.Draft, t => Extractions.Build(t, "State Council", new DateOnly(2023, 6, 2),
            participants: [("Li Qiang", ParticipantRole.Chair, "Premier"), ("Cai Qi", ParticipantRole.Attendee, null), ("Ding Xuexiang", ParticipantRole.Attendee, null)],
            resolutions: [], documents: []));
        var stage = await ShouldMatchFreshCountsAsync("imported");
        stage.CoAttendance.ShouldContain(("Xi Jinping", "Li Qiang", "National Security Commission", 1));
        stage.PersonBodies.ShouldNotContain(r => r.Body == "State Council");
        stage.Reports.ShouldBe(new Dictionary<Guid, int> { [first] = 1, [second] = 1, [third] = 1 }, ignoreOrder: true);

        await SetStatusAsync(third, ReportStatus.Published);
        stage = await ShouldMatchFreshCountsAsync("draft published");
        stage.PersonBodies.ShouldContain(("Li Qiang", "State Council", 1, 1));
        stage.CoAttendance.ShouldContain(("Cai Qi", "Ding Xuexiang", "State Council", 1));

        // The shared meeting moves to another body for both reports: the old body's rows must go.
        var draft = (await Loader.LoadAsync(first))!;
        var meeting = draft.Meetings.Single();
        (meeting.Body, meeting.BodyId, meeting.Changed, meeting.Scope) = ("Central Commission for National Security", null, true, MeetingEditScope.AllReports);
        (await Saver.SaveAsync(draft, publish: false)).Outcome.ShouldBe(SaveOutcome.Saved);
        stage = await ShouldMatchFreshCountsAsync("body changed");
        stage.PersonBodies.ShouldNotContain(r => r.Body == "National Security Commission");
        stage.Bodies.ShouldNotContainKey("National Security Commission");
        stage.CoAttendance.ShouldContain(("Xi Jinping", "Cai Qi", "Central Commission for National Security", 1));

        // Cai Qi removed from both reports of the shared meeting: no longer published there.
        foreach (var id in new[] { first, second })
        {
            var review = (await Loader.LoadAsync(id))!;
            review.Meetings[0].Participants.Single(p => p.Name == "Cai Qi").Removed = true;
            (await Saver.SaveAsync(review, publish: false)).Outcome.ShouldBe(SaveOutcome.Saved);
        }
        stage = await ShouldMatchFreshCountsAsync("participant removed");
        stage.CoAttendance.ShouldNotContain(r => r.Person == "Xi Jinping" && r.Other == "Cai Qi");
        stage.CoAttendance.ShouldContain(("Cai Qi", "Li Qiang", "State Council", 1));

        await SetStatusAsync(third, ReportStatus.Archived);
        stage = await ShouldMatchFreshCountsAsync("archived");
        stage.PersonBodies.ShouldNotContain(r => r.Body == "State Council");
        stage.CoAttendance.ShouldNotContain(r => r.Other == "Ding Xuexiang");

        await SetStatusAsync(third, ReportStatus.Published);
        // Re-extracted with a finding of two meetings (the second on another day): the report's meeting count rises.
        var reextracted = await fixture.Importer(t => TwoMeetings(t)).ReextractAsync(third);
        reextracted.Succeeded.ShouldBeTrue(reextracted.Message);
        stage = await ShouldMatchFreshCountsAsync("re-extracted");
        stage.Reports[third].ShouldBe(2);
        stage.PersonBodies.ShouldContain(("Ding Xuexiang", "State Council", 2, 1));

        (await fixture.Importer().DeleteReportAsync(second)).ShouldBeTrue();
        stage = await ShouldMatchFreshCountsAsync("report deleted");
        stage.Reports[second].ShouldBe(0);
        (await fixture.Importer().RestoreReportAsync(second)).ShouldBeTrue();
        stage = await ShouldMatchFreshCountsAsync("report restored");
        stage.Reports[second].ShouldBe(1);

        // And the whole-archive refresh (migration, seed, repair) agrees with the one kept save by save.
        await using (var db = await fixture.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync(RecordCounts.RefreshAllSql);
        }
        (await ShouldMatchFreshCountsAsync("whole refresh")).ShouldBeEquivalentTo(stage);
    }

    [Fact]
    public async Task A_report_that_claims_no_meeting_has_a_stored_count_of_zero()
    {
        var id = await ImportAsync(Text, ReportStatus.Draft, t => Extractions.Build(t, "National Security Commission", null, [], [], []) with { Meetings = [] });
        (await ShouldMatchFreshCountsAsync("no meetings")).Reports[id].ShouldBe(0);
    }

    private static ReportExtraction TwoMeetings(string text)
    {
        var one = Extractions.Build(text, "State Council", new DateOnly(2023, 6, 2),
            participants: [("Li Qiang", ParticipantRole.Chair, "Premier"), ("Ding Xuexiang", ParticipantRole.Attendee, null)], resolutions: [], documents: []);
        var two = Extractions.Build(text, "State Council", new DateOnly(2023, 6, 9),
            participants: [("Ding Xuexiang", ParticipantRole.Chair, null), ("Cai Qi", ParticipantRole.Attendee, null)], resolutions: [], documents: []);
        return one with { Meetings = [.. one.Meetings, .. two.Meetings] };
    }

    private sealed record Counts(
        List<(string Person, string Body, int Meetings, int Chaired)> PersonBodies,
        List<(string Person, string Other, string Body, int Meetings)> CoAttendance,
        Dictionary<Guid, int> Reports,
        Dictionary<string, int> Bodies);

    // Compares every stored row (with dates) to a fresh count, and returns the counts by name for the stage's own checks.
    private async Task<Counts> ShouldMatchFreshCountsAsync(string stage)
    {
        await using var db = await fixture.CreateDbContextAsync();
        var live = await db.Participations.Where(p => p.Published)
            .Select(p => new { p.PersonId, p.MeetingId, p.Meeting.OrganizationId, p.Meeting.Date, Chair = p.Role == ParticipationRole.Chair })
            .ToListAsync();
        var freshBodies = live.GroupBy(p => (p.PersonId, p.OrganizationId))
            .Select(g => (g.Key.PersonId, g.Key.OrganizationId, Meetings: g.Count(), Chaired: g.Count(p => p.Chair),
                First: g.Min(p => p.Date), Last: g.Max(p => p.Date), LastChaired: g.Where(p => p.Chair).Max(p => p.Date)))
            .OrderBy(r => r.PersonId).ThenBy(r => r.OrganizationId).ToList();
        var storedBodies = (await db.PersonBodyCounts.ToListAsync())
            .Select(c => (c.PersonId, c.OrganizationId, c.Meetings, c.Chaired, First: c.FirstMeeting, Last: c.LastMeeting, c.LastChaired))
            .OrderBy(r => r.PersonId).ThenBy(r => r.OrganizationId).ToList();
        storedBodies.ShouldBe(freshBodies, $"person_body_counts after: {stage}");

        var freshPairs = (from a in live
                          join b in live on a.MeetingId equals b.MeetingId
                          where a.PersonId != b.PersonId
                          group a by (a.PersonId, Other: b.PersonId, a.OrganizationId) into g
                          select (g.Key.PersonId, g.Key.Other, g.Key.OrganizationId, Meetings: g.Count(), Last: g.Max(x => x.Date)))
            .OrderBy(r => r.PersonId).ThenBy(r => r.Other).ThenBy(r => r.OrganizationId).ToList();
        var storedPairs = (await db.CoAttendanceCounts.ToListAsync())
            .Select(c => (c.PersonId, Other: c.OtherPersonId, c.OrganizationId, c.Meetings, Last: c.LastMeeting))
            .OrderBy(r => r.PersonId).ThenBy(r => r.Other).ThenBy(r => r.OrganizationId).ToList();
        storedPairs.ShouldBe(freshPairs, $"co_attendance_counts after: {stage}");

        // IgnoreQueryFilters reaches the subquery too, hence the explicit DeletedAt test.
        var freshReports = await db.Reports.IgnoreQueryFilters()
            .Select(r => new { r.Id, r.EnteredAt, Meetings = db.MeetingSources.Count(s => s.SourceReportId == r.Id && s.DeletedAt == null) })
            .ToDictionaryAsync(r => r.Id);
        var storedReports = await db.ReportCounts.ToDictionaryAsync(c => c.ReportId);
        storedReports.Keys.Order().ShouldBe(freshReports.Keys.Order(), $"report_counts rows after: {stage}");
        foreach (var (id, fresh) in freshReports)
        {
            (storedReports[id].Meetings, storedReports[id].EnteredAt).ShouldBe((fresh.Meetings, fresh.EnteredAt), $"report_counts after: {stage}");
        }

        var freshBodyCounts = await db.Organizations.IgnoreQueryFilters()
            .Select(o => new { o.Id, Meetings = db.Meetings.IgnoreQueryFilters().Count(m => m.OrganizationId == o.Id && m.Published) })
            .ToDictionaryAsync(o => o.Id, o => o.Meetings);
        var storedBodyCounts = await db.BodyCounts.ToDictionaryAsync(c => c.OrganizationId, c => c.Meetings);
        foreach (var (id, fresh) in freshBodyCounts)
        {
            storedBodyCounts.GetValueOrDefault(id).ShouldBe(fresh, $"body_counts after: {stage}");
        }

        var people = await db.People.IgnoreQueryFilters().ToDictionaryAsync(p => p.Id, p => p.Name);
        var bodies = await db.Organizations.IgnoreQueryFilters().ToDictionaryAsync(o => o.Id, o => o.Name);

        // The all-time summary's tops come from person_counts and body_counts less the undated meetings: a recount of the
        // dated published meetings, and the same as the counting path a dated period takes over the whole archive.
        var freshDated = await db.Meetings.IgnoreQueryFilters().Where(m => m.Published && m.DeletedAt == null && m.Date != null)
            .Select(m => new { m.Id, m.OrganizationId }).ToListAsync();
        var datedIds = freshDated.Select(m => m.Id).ToHashSet();
        var summary = new SummaryQueries(new PublishedData(fixture.Factory), new MemoryCache(new MemoryCacheOptions()));
        var allTime = await summary.GetAsync(SummaryPeriod.AllTime);
        allTime.TopBodies.Select(b => (b.Id, b.Count)).ShouldBe(
            freshDated.GroupBy(m => m.OrganizationId).Select(g => (Id: g.Key, Count: g.Count()))
                .OrderByDescending(b => b.Count).ThenBy(b => bodies[b.Id], StringComparer.Ordinal).Take(SummaryQueries.TopCount),
            $"all-time top bodies after: {stage}");
        allTime.TopPeople.Select(b => (b.Id, b.Count)).ShouldBe(
            live.Where(p => datedIds.Contains(p.MeetingId)).GroupBy(p => p.PersonId).Select(g => (Id: g.Key, Count: g.Count()))
                .OrderByDescending(p => p.Count).ThenBy(p => people[p.Id], StringComparer.Ordinal).Take(SummaryQueries.TopCount),
            $"all-time top people after: {stage}");
        var everything = await summary.GetAsync(SummaryPeriod.Custom(new DateOnly(1990, 1, 1), new DateOnly(2030, 12, 31)));
        allTime.TopBodies.ShouldBe(everything.TopBodies, $"all-time top bodies, counted path, after: {stage}");
        allTime.TopPeople.ShouldBe(everything.TopPeople, $"all-time top people, counted path, after: {stage}");
        allTime.Figures.Meetings.ShouldBe(everything.Figures.Meetings, $"after: {stage}");

        return new Counts(
            [.. storedBodies.Select(r => (people[r.PersonId], bodies[r.OrganizationId], r.Meetings, r.Chaired))],
            [.. storedPairs.Select(r => (people[r.PersonId], people[r.Other], bodies[r.OrganizationId], r.Meetings))],
            storedReports.ToDictionary(r => r.Key, r => r.Value.Meetings),
            storedBodyCounts.Where(b => b.Value > 0).ToDictionary(b => bodies[b.Key], b => b.Value));
    }

    private async Task SetStatusAsync(Guid reportId, ReportStatus status)
    {
        uint version;
        await using (var db = await fixture.CreateDbContextAsync())
        {
            version = await db.Reports.Where(r => r.Id == reportId).Select(r => r.Version).SingleAsync();
        }
        (await new ReportStatusChanger(fixture.Factory, fixture.User, fixture.Clock).SetStatusAsync(reportId, version, status)).Outcome.ShouldBe(SaveOutcome.Saved);
    }

    private async Task<Guid> ImportAsync(string text, ReportStatus status, Func<string, ReportExtraction>? extract = null)
    {
        var result = await fixture.Importer(extract ?? (t => Extractions.Commission(t))).ImportAsync(new ImportRequest(text) { Status = status });
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.ReportId!.Value;
    }
}
