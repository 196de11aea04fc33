using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import;
using PolicyTracker.Extraction;
using PolicyTracker.IntegrationTests.Support;
using DocumentAction = PolicyTracker.Data.Entities.DocumentAction;
using ExtractedAction = PolicyTracker.Extraction.DocumentAction;

namespace PolicyTracker.IntegrationTests.Data;

[Collection(DatabaseTestGroup.Name)]
public sealed class ReportImportTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private const string Text = Extractions.NationalSecurityCommission;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_report_is_saved_with_its_meeting_participants_resolutions_and_documents_linked()
    {
        var result = await fixture.Importer(t => Extractions.Commission(t))
            .ImportAsync(new ImportRequest(Text) { Status = ReportStatus.Published, SourceUrl = "https://example.org/nsc" });

        result.Succeeded.ShouldBeTrue(result.Message);
        (result.Meetings, result.Participations, result.Resolutions, result.DocumentActions).ShouldBe((1, 3, 1, 2));

        await using var db = await fixture.CreateDbContextAsync();
        var report = await db.Reports.SingleAsync();
        report.Id.ShouldBe(result.ReportId!.Value);
        report.Text.ShouldBe(Text);
        report.Headline.ShouldBe("Xi Jinping chairs meeting of the national security commission");
        report.Status.ShouldBe(ReportStatus.Published);
        report.ExtractorVersion.ShouldBe("test-1");
        report.EnteredBy.ShouldBe("tester");
        report.EnteredAt.ShouldBe(TestClock.Start);
        report.ContentHash.Length.ShouldBe(64);

        var meeting = await db.Meetings
            .Include(m => m.Organization).ThenInclude(o => o.Aliases)
            .Include(m => m.Sources)
            .Include(m => m.Participations).ThenInclude(p => p.Person).ThenInclude(p => p.Aliases)
            .Include(m => m.Participations).ThenInclude(p => p.Sources)
            .Include(m => m.Resolutions).ThenInclude(r => r.Sources)
            .Include(m => m.DocumentActions).ThenInclude(a => a.Document)
            .AsSplitQuery()
            .SingleAsync();
        meeting.Organization.Name.ShouldBe("National Security Commission");
        meeting.Organization.Aliases.Select(a => a.Alias).ShouldBe(["Central National Security Commission"]);
        meeting.Date.ShouldBe(Extractions.CommissionDate);
        meeting.Sources.Single().SourceReportId.ShouldBe(report.Id);

        var people = meeting.Participations.OrderBy(p => p.Position).ToList();
        people.Select(p => (p.Person.Name, p.Role)).ShouldBe(
            [("Xi Jinping", ParticipationRole.Chair), ("Li Qiang", ParticipationRole.Attendee), ("Cai Qi", ParticipationRole.Attendee)]);
        // Full names only: a bare surname ("Xi") would be an alias of dozens of people.
        people[0].Person.Aliases.Select(a => a.Alias).ShouldBe(["Xi Jinping"]);
        var chairSpan = people[0].Sources.ShouldHaveSingleItem();
        Text.Substring(chairSpan.SpanStart, chairSpan.SpanLength).ShouldBe("Xi Jinping");
        chairSpan.SourceReportId.ShouldBe(report.Id);
        chairSpan.Confidence.ShouldBe(0.95);
        chairSpan.Verdict.ShouldBe(Verdict.Extracted);
        chairSpan.ExtractorVersion.ShouldBe(report.ExtractorVersion);

        var resolution = meeting.Resolutions.Single();
        resolution.Verb.ShouldBe("called for");
        var resolutionSpan = resolution.Sources.ShouldHaveSingleItem();
        Text.Substring(resolutionSpan.SpanStart, resolutionSpan.SpanLength).ShouldBe(resolution.Text);

        meeting.DocumentActions.OrderBy(a => a.Position).Select(a => (a.Document.Title, a.Document.Kind, a.Action)).ShouldBe(
            [("guideline on building a safe city", "guideline", DocumentActionKind.Adopted), ("plan on data security", "plan", DocumentActionKind.Reviewed)]);

        var title = await db.PersonTitles.Include(t => t.Person).SingleAsync(t => t.Person.Name == "Li Qiang");
        (title.Title, title.FirstSeen, title.LastSeen, title.SourceReportId).ShouldBe(("Premier", Extractions.CommissionDate, Extractions.CommissionDate, report.Id));
    }

    [Fact]
    public async Task Importing_the_same_text_twice_returns_a_duplicate_naming_the_existing_report()
    {
        var importer = fixture.Importer(t => Extractions.Commission(t));
        var first = await importer.ImportAsync(new ImportRequest(Text));

        var second = await importer.ImportAsync(new ImportRequest(Text) { Headline = "Another headline" });

        second.Succeeded.ShouldBeFalse();
        second.Problem.ShouldBe(ImportProblem.DuplicateText);
        second.ExistingReportId.ShouldBe(first.ReportId);
        second.Message!.ShouldContain(first.ReportId!.Value.ToString());
        await using var db = await fixture.CreateDbContextAsync();
        (await db.Reports.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task The_unique_index_refuses_a_second_row_with_the_same_content_hash()
    {
        await using var db = await fixture.CreateDbContextAsync();
        db.Reports.Add(NewReport("one text", "https://example.org/a"));
        await db.SaveChangesAsync();

        await using var other = await fixture.CreateDbContextAsync();
        other.Reports.Add(NewReport("one text", "https://example.org/b"));

        await Should.ThrowAsync<DbUpdateException>(() => other.SaveChangesAsync());
    }

    [Fact]
    public async Task Importing_a_known_source_url_returns_a_duplicate_naming_the_existing_report()
    {
        var importer = fixture.Importer(t => Extractions.Commission(t));
        var first = await importer.ImportAsync(new ImportRequest(Text) { SourceUrl = "https://example.org/nsc" });

        var second = await importer.ImportAsync(new ImportRequest(Text + "\nCorrection appended.") { SourceUrl = " https://example.org/nsc " });

        second.Problem.ShouldBe(ImportProblem.DuplicateSourceUrl);
        second.ExistingReportId.ShouldBe(first.ReportId);
    }

    [Theory]
    [InlineData("", ImportProblem.Empty)]
    [InlineData("   \n\t ", ImportProblem.Empty)]
    [InlineData("PK\u0003\u0004\0\0binary", ImportProblem.Binary)]
    public async Task Unusable_text_is_refused_with_a_clear_result_not_an_exception(string text, ImportProblem problem)
    {
        var result = await fixture.Importer().ImportAsync(new ImportRequest(text));

        result.Problem.ShouldBe(problem);
        result.Message.ShouldNotBeNullOrWhiteSpace();
        await using var db = await fixture.CreateDbContextAsync();
        (await db.Reports.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Text_over_two_megabytes_is_refused_as_too_large()
    {
        var text = "Headline\n\n" + new string('a', ReportImporter.MaxBytes);

        var result = await fixture.Importer().ImportAsync(new ImportRequest(text));

        result.Problem.ShouldBe(ImportProblem.TooLarge);
        result.Message!.ShouldContain("2 MB");
    }

    [Fact]
    public async Task A_second_report_of_the_same_meeting_adds_sources_to_the_facts_it_shares_never_copies()
    {
        var other = Text.Replace("Test Wire", "Other Wire", StringComparison.Ordinal);
        await fixture.Importer(t => Extractions.Commission(t)).ImportAsync(new ImportRequest(Text));
        // The second report names the body by its alias: still the same organization.
        var second = await fixture.Importer(t => Extractions.Commission(t, body: "Central National Security Commission"))
            .ImportAsync(new ImportRequest(other));

        second.Succeeded.ShouldBeTrue(second.Message);
        second.Meetings.ShouldBe(0);
        await using var db = await fixture.CreateDbContextAsync();
        var meeting = await db.Meetings.Include(m => m.Sources).SingleAsync();
        meeting.Sources.Select(s => s.SourceReportId).Distinct().Count().ShouldBe(2);
        (await db.Organizations.CountAsync()).ShouldBe(1);
        (await db.People.CountAsync()).ShouldBe(3);
        (await db.Documents.CountAsync()).ShouldBe(2);
        // One record per fact, each with both reports as its sources.
        (await db.Participations.CountAsync()).ShouldBe(3);
        (await db.ParticipationSources.CountAsync()).ShouldBe(6);
        (await db.Participations.Include(p => p.Sources).ToListAsync()).ShouldAllBe(p => p.Sources.Count == 2);
        (await db.Resolutions.CountAsync()).ShouldBe(1);
        (await db.ResolutionSources.CountAsync()).ShouldBe(2);
        (await db.DocumentActions.CountAsync()).ShouldBe(2);
        (await db.DocumentActionSources.CountAsync()).ShouldBe(4);
        second.Participations.ShouldBe(3);
    }

    [Fact]
    public async Task A_second_report_that_says_more_adds_new_facts_beside_the_shared_ones()
    {
        await fixture.Importer(t => Extractions.Commission(t)).ImportAsync(new ImportRequest(Text));
        var other = "Commission meets\n\nXi Jinping chaired it. Wang Yi attended. It called for closer audits.";
        var second = await fixture.Importer(t => Extractions.Build(t, "National Security Commission", Extractions.CommissionDate,
                [("Xi Jinping", ParticipantRole.Attendee, null), ("Wang Yi", ParticipantRole.Attendee, null)], ["closer audits"], []))
            .ImportAsync(new ImportRequest(other));

        second.Succeeded.ShouldBeTrue(second.Message);
        await using var db = await fixture.CreateDbContextAsync();
        var people = await db.Participations.Include(p => p.Person).Include(p => p.Sources).ToListAsync();
        people.Select(p => (p.Person.Name, p.Sources.Count)).OrderBy(p => p.Name).ShouldBe(
            [("Cai Qi", 1), ("Li Qiang", 1), ("Wang Yi", 1), ("Xi Jinping", 2)]);
        // The stronger role stays: a report naming the chair as an attendee does not demote him.
        people.Single(p => p.Person.Name == "Xi Jinping").Role.ShouldBe(ParticipationRole.Chair);
        (await db.Resolutions.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task A_document_reviewed_at_one_meeting_and_adopted_at_a_later_one_has_both_actions()
    {
        var later = "State Council adopts data plan\n\nThe meeting adopted the Plan on Data Security.";
        await fixture.Importer(t => Extractions.Commission(t)).ImportAsync(new ImportRequest(Text));
        await fixture.Importer(t => Extractions.Build(
                t, "State Council", new DateOnly(2023, 7, 1), [], [], [("the Plan on Data Security.", "plan", ExtractedAction.Adopted)]))
            .ImportAsync(new ImportRequest(later));

        await using var db = await fixture.CreateDbContextAsync();
        var document = await db.Documents.Include(d => d.Actions).ThenInclude(a => a.Meeting).ThenInclude(m => m.Organization)
            .SingleAsync(d => d.NormalizedTitle == "plan on data security");
        document.Actions.OrderBy(a => a.Meeting.Date).Select(a => (a.Meeting.Organization.Name, a.Action)).ShouldBe(
            [("National Security Commission", DocumentActionKind.Reviewed), ("State Council", DocumentActionKind.Adopted)]);
    }

    [Fact]
    public async Task Reextraction_replaces_unverified_records_and_keeps_verified_ones()
    {
        var imported = await fixture.Importer(t => Extractions.Commission(t)).ImportAsync(new ImportRequest(Text));
        var reportId = imported.ReportId!.Value;
        Guid verifiedId;
        await using (var db = await fixture.CreateDbContextAsync())
        {
            var chair = await db.Participations.Include(p => p.Sources).SingleAsync(p => p.Role == ParticipationRole.Chair);
            var claim = chair.Sources.Single();
            claim.Verdict = Verdict.Accepted;
            claim.VerdictBy = "editor";
            claim.VerdictAt = fixture.Clock.GetUtcNow();
            chair.TitleAsWritten = "General Secretary (checked)";
            verifiedId = chair.Id;
            await db.SaveChangesAsync();
        }

        // The engine improved: it now also finds a speaker, and the same chair again.
        var result = await fixture.Importer(t => Extractions.Build(
                t,
                "National Security Commission",
                Extractions.CommissionDate,
                [("Xi Jinping", ParticipantRole.Chair, null), ("Cai Qi", ParticipantRole.Speaker, null)],
                [],
                []))
            .ReextractAsync(reportId);

        result.Succeeded.ShouldBeTrue(result.Message);
        await using var check = await fixture.CreateDbContextAsync();
        var live = await check.Participations.Include(p => p.Person).Include(p => p.Sources).OrderBy(p => p.Position).ToListAsync();
        live.Select(p => (p.Person.Name, p.Role, p.Sources.Single().Verdict)).OrderBy(p => p.Name).ShouldBe(
            [("Cai Qi", ParticipationRole.Speaker, Verdict.Extracted), ("Xi Jinping", ParticipationRole.Chair, Verdict.Accepted)]);
        var kept = live.Single(p => p.Sources.Single().Verdict == Verdict.Accepted);
        kept.Id.ShouldBe(verifiedId);
        kept.TitleAsWritten.ShouldBe("General Secretary (checked)");
        (await check.Resolutions.CountAsync()).ShouldBe(0);
        (await check.DocumentActions.CountAsync()).ShouldBe(0);
        // Li Qiang, whom the new run no longer finds, is retired; Cai Qi's fact stays, now claimed as a speaker.
        (await check.Participations.IgnoreQueryFilters().Include(p => p.Person).Where(p => p.DeletedAt != null).Select(p => p.Person.Name).ToListAsync())
            .ShouldBe(["Li Qiang"]);
        (await check.MeetingSources.CountAsync()).ShouldBe(1);
        (await check.Reports.SingleAsync()).ExtractorVersion.ShouldBe("test-1");
    }

    [Fact]
    public async Task Reextraction_retires_a_meeting_that_only_this_report_described_and_no_longer_finds()
    {
        var imported = await fixture.Importer(t => Extractions.Commission(t, new DateOnly(2023, 3, 5))).ImportAsync(new ImportRequest(Text));

        await fixture.Importer(t => Extractions.Commission(t)).ReextractAsync(imported.ReportId!.Value);

        await using var db = await fixture.CreateDbContextAsync();
        (await db.Meetings.Select(m => m.Date).ToListAsync()).ShouldBe([Extractions.CommissionDate]);
        (await db.Meetings.IgnoreQueryFilters().CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Deleting_a_report_hides_its_records_and_restoring_it_brings_them_back()
    {
        var importer = fixture.Importer(t => Extractions.Commission(t));
        var id = (await importer.ImportAsync(new ImportRequest(Text) { Status = ReportStatus.Published })).ReportId!.Value;

        (await importer.DeleteReportAsync(id)).ShouldBeTrue();
        await using (var db = await fixture.CreateDbContextAsync())
        {
            (await db.Reports.CountAsync()).ShouldBe(0);
            (await db.Participations.CountAsync()).ShouldBe(0);
            (await db.MeetingSources.CountAsync()).ShouldBe(0);
            (await db.Meetings.CountAsync()).ShouldBe(0);
            (await db.Documents.CountAsync()).ShouldBe(0);
            (await db.Reports.IgnoreQueryFilters().CountAsync()).ShouldBe(1);
        }

        (await importer.RestoreReportAsync(id)).ShouldBeTrue();
        await using var check = await fixture.CreateDbContextAsync();
        (await check.Reports.CountAsync()).ShouldBe(1);
        (await check.Participations.CountAsync()).ShouldBe(3);
        (await check.Resolutions.CountAsync()).ShouldBe(1);
        (await check.DocumentActions.CountAsync()).ShouldBe(2);
        // The report, its 7 claims, the 6 facts, the meeting and the 2 documents that went with it.
        (await check.AuditEntries.CountAsync(a => a.Action == AuditAction.Restored)).ShouldBe(17);
        (await check.Meetings.SingleAsync()).Published.ShouldBeTrue();
    }

    [Fact]
    public async Task Concurrent_imports_naming_the_same_new_body_and_people_create_each_once()
    {
        var texts = Enumerable.Range(1, 4).Select(i => Text + $"\nEdition {i}.").ToList();

        var results = await Task.WhenAll(texts.Select(t =>
            fixture.Importer(x => Extractions.Commission(x)).ImportAsync(new ImportRequest(t))));

        results.ShouldAllBe(r => r.Succeeded);
        await using var db = await fixture.CreateDbContextAsync();
        (await db.Organizations.CountAsync()).ShouldBe(1);
        (await db.People.CountAsync()).ShouldBe(3);
        (await db.Documents.CountAsync()).ShouldBe(2);
        var meeting = await db.Meetings.Include(m => m.Sources).SingleAsync();
        meeting.Sources.Count.ShouldBe(4);
    }

    [Fact]
    public async Task The_real_extractor_imports_a_report_with_its_version()
    {
        var result = await fixture.Importer().ImportAsync(new ImportRequest(Text) { Status = ReportStatus.Published });

        result.Succeeded.ShouldBeTrue(result.Message);
        await using var db = await fixture.CreateDbContextAsync();
        var report = await db.Reports.SingleAsync();
        report.ExtractorVersion.ShouldBe(ReportExtractor.Version);
        report.Headline.ShouldNotBeNullOrWhiteSpace();
    }

    private Report NewReport(string text, string url) => new()
    {
        Headline = "h",
        Text = text,
        ContentHash = Sha(text),
        SourceUrl = url,
        EnteredBy = "tester",
        EnteredAt = fixture.Clock.GetUtcNow(),
    };

    private static string Sha(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task Two_bodies_sharing_a_generic_alias_stay_two_bodies()
    {
        var importer = fixture.Importer(t => Extractions.Build(t, t.Contains("London", StringComparison.Ordinal)
                ? "Cabinet of the United Kingdom" : "Federal Cabinet",
            Extractions.CommissionDate, [], [], [], aliases: ["Cabinet"]));

        (await importer.ImportAsync(new ImportRequest("Cabinet meets in London\n\nThe Cabinet met."))).Succeeded.ShouldBeTrue();
        (await importer.ImportAsync(new ImportRequest("Cabinet meets in Berlin\n\nThe Cabinet met."))).Succeeded.ShouldBeTrue();

        await using var db = await fixture.CreateDbContextAsync();
        (await db.Organizations.Select(o => o.Name).OrderBy(n => n).ToListAsync())
            .ShouldBe(["Cabinet of the United Kingdom", "Federal Cabinet"]);
        (await db.Meetings.CountAsync()).ShouldBe(2);
    }
}
