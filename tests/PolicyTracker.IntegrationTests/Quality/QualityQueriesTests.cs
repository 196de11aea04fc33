using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data;
using PolicyTracker.Data.Editing;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import;
using PolicyTracker.IntegrationTests.Data;
using PolicyTracker.IntegrationTests.Reports;
using PolicyTracker.IntegrationTests.Support;
using PolicyTracker.Web.Features.Quality;
using PolicyTracker.Web.Features.Summary;

namespace PolicyTracker.IntegrationTests.Quality;

// The team and extraction quality figures on the real PostgreSQL, against counts made by hand on a small archive:
//   R4 (ann, entered 2023-12-20, 1.0.0, published by ann 12-21): M3, body and date accepted, no chair.
//   R1 (ann, 2024-01-10, 1.0.0, published by ann 01-11): M1; body accepted, date edited, chair accepted; P1 chair accepted,
//      P2 removed, P3 added, P4 added and removed again; one resolution edited. All judged by ann on 01-11.
//   R2 (ben, 2024-02-05, 1.1.0, published by ann 02-06): M1 again, so P1 and the resolution are two-source facts; body and
//      date accepted, chair edited (by ben, 02-06); P1 accepted and a document adopted accepted (by ann, 02-06);
//      the resolution's second source not judged.
//   R3 (ben draft, 2024-03-20 09:00, 1.1.0): M2, nothing judged: body, date, P2; no chair.
//   R5 (ben draft, 2024-03-29 09:00), no claims. The clock reads 2024-03-30 09:00.
[Collection(DatabaseTestGroup.Name)]
public sealed class QualityQueriesTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private static readonly SummaryPeriod Q1 = SummaryPeriod.Of(PeriodKind.Quarter, new DateOnly(2024, 2, 1));

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private QualityQueries Queries => new(fixture.Factory, fixture.Clock);

    [Fact]
    public async Task Each_editor_counts_reports_entered_reviewed_and_published_in_the_period_beside_the_team_before()
    {
        await SeedAsync();

        var data = await Queries.GetAsync(Q1);

        data.Editors.ShouldBe([new EditorThroughput("ann@example.org", 1, 2, 2), new EditorThroughput("ben@example.org", 3, 1, 0)]);
        // R2 was judged by both: once for each of them, once for the team.
        data.Total.ShouldBe(new EditorThroughput(null, 4, 2, 2));
        data.PreviousTotal.ShouldBe(new EditorThroughput(null, 1, 1, 1));
    }

    [Fact]
    public async Task Every_team_and_editor_number_links_to_a_reports_list_of_exactly_the_reports_it_counts()
    {
        await SeedAsync();

        foreach (var period in new[] { Q1, SummaryPeriod.AllTime, SummaryPeriod.Of(PeriodKind.Month, new DateOnly(2024, 2, 1)) })
        {
            var data = await Queries.GetAsync(period);
            (await ReportLinks.CountAsync(fixture, QualityPage.Entered(period))).ShouldBe(data.Total.Entered, period.Label);
            (await ReportLinks.CountAsync(fixture, QualityPage.Reviewed(period))).ShouldBe(data.Total.Reviewed, period.Label);
            (await ReportLinks.CountAsync(fixture, QualityPage.Published(period))).ShouldBe(data.Total.Published, period.Label);
            if (data.Previous is { } previous)
            {
                (await ReportLinks.CountAsync(fixture, QualityPage.Entered(previous))).ShouldBe(data.PreviousTotal!.Entered, previous.Label);
                (await ReportLinks.CountAsync(fixture, QualityPage.Reviewed(previous))).ShouldBe(data.PreviousTotal.Reviewed, previous.Label);
                (await ReportLinks.CountAsync(fixture, QualityPage.Published(previous))).ShouldBe(data.PreviousTotal.Published, previous.Label);
            }
            data.Editors.ShouldNotBeEmpty();
            foreach (var e in data.Editors)
            {
                (await ReportLinks.CountAsync(fixture, QualityPage.Entered(period, e.Editor))).ShouldBe(e.Entered, $"{period.Label} {e.Editor}");
                (await ReportLinks.CountAsync(fixture, QualityPage.Reviewed(period, e.Editor))).ShouldBe(e.Reviewed, $"{period.Label} {e.Editor}");
                (await ReportLinks.CountAsync(fixture, QualityPage.Published(period, e.Editor))).ShouldBe(e.Published, $"{period.Label} {e.Editor}");
            }
            (await ReportLinks.CountAsync(fixture, QualityPage.DraftsHref)).ShouldBe(data.Backlog.Drafts);
        }
    }

    [Fact]
    public async Task The_backlog_is_the_drafts_waiting_now_with_the_oldest_and_the_median_age()
    {
        await SeedAsync();

        var backlog = (await Queries.GetAsync(Q1)).Backlog;

        backlog.Drafts.ShouldBe(2);
        backlog.Oldest.ShouldBe(new DateTimeOffset(2024, 3, 20, 9, 0, 0, TimeSpan.Zero));
        backlog.MedianAgeDays!.Value.ShouldBe(5.5, 1e-9);
        backlog.OlderThanWeek.ShouldBe(1);
    }

    [Fact]
    public async Task Every_field_counts_accepted_edited_removed_added_and_unjudged_claims_a_two_source_fact_once_per_report()
    {
        await SeedAsync();

        var overall = (await Queries.GetAsync(Q1)).Overall.ToDictionary(f => f.Field);

        overall["body"].ShouldBe(new FieldVerdicts("body", Unjudged: 1, Accepted: 2, Edited: 0, Removed: 0, Added: 0));
        overall["date"].ShouldBe(new FieldVerdicts("date", 1, 1, 1, 0, 0));
        overall["chair"].ShouldBe(new FieldVerdicts("chair", 0, 1, 1, 0, 0));
        // P1 is one fact with two claims (R1 and R2), both accepted; P4, added and removed again, counts nowhere.
        overall["participants"].ShouldBe(new FieldVerdicts("participants", 1, 2, 0, 1, 1));
        overall["resolutions"].ShouldBe(new FieldVerdicts("resolutions", 1, 0, 1, 0, 0));
        overall["documents"].ShouldBe(new FieldVerdicts("documents", 0, 1, 0, 0, 0));
        overall["participants"].AcceptedShare.ShouldBe(2.0 / 3);
        overall["date"].EditedShare.ShouldBe(0.5);
    }

    [Fact]
    public async Task Claims_are_split_by_extractor_version_and_by_the_month_their_report_was_entered()
    {
        await SeedAsync();

        var data = await Queries.GetAsync(Q1);

        data.ByVersion.Select(v => v.Label).ShouldBe(["1.0.0", "1.1.0"]);
        var v10 = data.ByVersion[0];
        v10.Of("participants").ShouldBe(new FieldVerdicts("participants", 0, 1, 0, 1, 1));
        v10.Of("date").ShouldBe(new FieldVerdicts("date", 0, 0, 1, 0, 0));
        v10.Of("documents").Judged.ShouldBe(0);
        data.ByVersion[1].Of("chair").ShouldBe(new FieldVerdicts("chair", 0, 0, 1, 0, 0));
        data.ByVersion[1].Of("body").ShouldBe(new FieldVerdicts("body", 1, 1, 0, 0, 0));
        data.ByMonth.Select(m => m.Label).ShouldBe(["2024-01", "2024-02", "2024-03"]);
        data.ByMonth[1].Of("participants").ShouldBe(new FieldVerdicts("participants", 0, 1, 0, 0, 0));
        data.ByMonth[2].Of("participants").ShouldBe(new FieldVerdicts("participants", 1, 0, 0, 0, 0));

        var all = await Queries.GetAsync(SummaryPeriod.AllTime);
        all.ByMonth.Select(m => m.Label).ShouldBe(["2023-12", "2024-01", "2024-02", "2024-03"]);
        all.Total.ShouldBe(new EditorThroughput(null, 5, 3, 3));
    }

    [Fact]
    public async Task The_review_page_records_the_body_date_and_chair_verdicts_in_the_save_that_changes_them()
    {
        var reportId = await ImportDraftAsync();
        var loader = new ReviewLoader(fixture.Factory, fixture.Clock);
        var saver = new ReviewSaver(fixture.Factory, fixture.Clock, fixture.User);
        (await MeetingSourceAsync(reportId)).ShouldBe((Verdict.Extracted, Verdict.Extracted, Verdict.Extracted));

        // A new date, the chair accepted: the body was looked at and left.
        var draft = (await loader.LoadAsync(reportId))!;
        var meeting = draft.Meetings.ShouldHaveSingleItem();
        meeting.Apply(meeting.Body, meeting.Date!.Value.AddDays(1), meeting.Session, meeting.Location);
        meeting.Participants.Single(p => p.Role == ParticipationRole.Chair).Accept();
        (await saver.SaveAsync(draft, publish: false)).Outcome.ShouldBe(SaveOutcome.Saved);
        (await MeetingSourceAsync(reportId)).ShouldBe((Verdict.Accepted, Verdict.Edited, Verdict.Accepted));

        // Another body, the chair removed: edited stays edited.
        draft = (await loader.LoadAsync(reportId))!;
        meeting = draft.Meetings.ShouldHaveSingleItem();
        meeting.Apply("Central Commission for Something Else", meeting.Date, meeting.Session, meeting.Location);
        meeting.Participants.Single(p => p.Role == ParticipationRole.Chair).Removed = true;
        fixture.User.Name = "ann@example.org";
        (await saver.SaveAsync(draft, publish: true)).Outcome.ShouldBe(SaveOutcome.Saved);
        (await MeetingSourceAsync(reportId)).ShouldBe((Verdict.Edited, Verdict.Edited, Verdict.Removed));

        await using var db = await fixture.CreateDbContextAsync();
        var report = await db.Reports.SingleAsync(r => r.Id == reportId);
        (report.PublishedBy, report.PublishedAt).ShouldBe(("ann@example.org", fixture.Clock.Now));
    }

    [Fact]
    public async Task Removing_a_meeting_removes_its_fields_and_an_added_meeting_counts_as_added()
    {
        var reportId = await ImportDraftAsync();
        var loader = new ReviewLoader(fixture.Factory, fixture.Clock);
        var saver = new ReviewSaver(fixture.Factory, fixture.Clock, fixture.User);
        var draft = (await loader.LoadAsync(reportId))!;
        draft.Meetings.ShouldHaveSingleItem().Remove();
        (await saver.SaveAsync(draft, publish: false)).Outcome.ShouldBe(SaveOutcome.Saved);

        await using var db = await fixture.CreateDbContextAsync();
        var source = await db.MeetingSources.IgnoreQueryFilters().SingleAsync(s => s.SourceReportId == reportId);
        (source.Verdict, source.BodyVerdict, source.DateVerdict, source.ChairVerdict)
            .ShouldBe((Verdict.Removed, Verdict.Removed, Verdict.Removed, Verdict.Removed));

        var quality = await Queries.GetAsync(SummaryPeriod.AllTime);
        quality.Overall.Single(f => f.Field == "chair").Removed.ShouldBe(1);
    }

    [Fact]
    public async Task Publishing_from_the_report_page_records_who_published()
    {
        var reportId = await ImportDraftAsync();
        uint version;
        await using (var db = await fixture.CreateDbContextAsync())
        {
            version = (await db.Reports.SingleAsync(r => r.Id == reportId)).Version;
        }

        fixture.User.Name = "ben@example.org";
        (await new ReportStatusChanger(fixture.Factory, fixture.User, fixture.Clock).SetStatusAsync(reportId, version, ReportStatus.Published))
            .Outcome.ShouldBe(SaveOutcome.Saved);

        var data = await Queries.GetAsync(SummaryPeriod.Of(PeriodKind.Month, DateOnly.FromDateTime(fixture.Clock.Now.UtcDateTime)));
        data.Editors.Single(e => e.Editor == "ben@example.org").Published.ShouldBe(1);
    }

    private async Task<Guid> ImportDraftAsync()
    {
        var result = await fixture.Importer(t => Extractions.Commission(t)).ImportAsync(new ImportRequest(Extractions.NationalSecurityCommission));
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.ReportId!.Value;
    }

    private async Task<(Verdict Body, Verdict? Date, Verdict? Chair)> MeetingSourceAsync(Guid reportId)
    {
        await using var db = await fixture.CreateDbContextAsync();
        var s = await db.MeetingSources.AsNoTracking().SingleAsync(s => s.SourceReportId == reportId);
        return (s.BodyVerdict, s.DateVerdict, s.ChairVerdict);
    }

    private async Task SeedAsync()
    {
        fixture.Clock.Now = new DateTimeOffset(2024, 3, 30, 9, 0, 0, TimeSpan.Zero);
        await using var db = await fixture.CreateDbContextAsync();
        var body = new Organization { Id = Guid.CreateVersion7(), Name = "Quality Council" };
        var (p1, p2, p3, p4) = (Person("Ann Chair"), Person("Bo Member"), Person("Cy Added"), Person("Di Gone"));
        var document = new Document { Id = Guid.CreateVersion7(), Title = "Plan on Ports", NormalizedTitle = "plan on ports", Kind = "plan" };
        db.AddRange(body, p1, p2, p3, p4, document);
        var m1 = Meeting(body, new DateOnly(2024, 1, 9));
        var m2 = Meeting(body, new DateOnly(2024, 3, 19));
        var m3 = Meeting(body, new DateOnly(2023, 12, 19));
        db.AddRange(m1, m2, m3);

        const string ann = "ann@example.org", ben = "ben@example.org";
        var r4 = Report(db, "R4", ann, At(2023, 12, 20), "1.0.0", (ann, At(2023, 12, 21)));
        Claim(db, m3, r4, Verdict.Accepted, Verdict.Accepted, Verdict.Accepted, null, (ann, At(2023, 12, 21)));

        var r1 = Report(db, "R1", ann, At(2024, 1, 10), "1.0.0", (ann, At(2024, 1, 11)));
        var annJan = (ann, At(2024, 1, 11));
        Claim(db, m1, r1, Verdict.Edited, Verdict.Accepted, Verdict.Edited, Verdict.Accepted, annJan);
        var chair = new Participation { Id = Guid.CreateVersion7(), Meeting = m1, Person = p1, Role = ParticipationRole.Chair, Position = 0 };
        var member = new Participation { Id = Guid.CreateVersion7(), Meeting = m1, Person = p2, Role = ParticipationRole.Attendee, Position = 1 };
        var added = new Participation { Id = Guid.CreateVersion7(), Meeting = m1, Person = p3, Role = ParticipationRole.Attendee, Position = 2 };
        var gone = new Participation { Id = Guid.CreateVersion7(), Meeting = m1, Person = p4, Role = ParticipationRole.Attendee, Position = 3 };
        var resolution = new Resolution { Id = Guid.CreateVersion7(), Meeting = m1, Text = "build ports", TextKey = "build ports", Verb = "called for" };
        db.AddRange(chair, member, added, gone, resolution);
        chair.Sources.Add(Source(new ParticipationSource(), r1, Verdict.Accepted, annJan));
        member.Sources.Add(Source(new ParticipationSource(), r1, Verdict.Removed, annJan));
        added.Sources.Add(Source(new ParticipationSource(), r1, Verdict.Added, annJan, extracted: false));
        gone.Sources.Add(Source(new ParticipationSource(), r1, Verdict.Removed, annJan, extracted: false));
        resolution.Sources.Add(Source(new ResolutionSource(), r1, Verdict.Edited, annJan));

        var r2 = Report(db, "R2", ben, At(2024, 2, 5), "1.1.0", (ann, At(2024, 2, 6)));
        Claim(db, m1, r2, Verdict.Accepted, Verdict.Accepted, Verdict.Accepted, Verdict.Edited, (ben, At(2024, 2, 6)));
        chair.Sources.Add(Source(new ParticipationSource(), r2, Verdict.Accepted, (ann, At(2024, 2, 6))));
        resolution.Sources.Add(Source(new ResolutionSource(), r2, Verdict.Extracted, null));
        var adopted = new DocumentAction { Id = Guid.CreateVersion7(), Meeting = m1, Document = document, Action = DocumentActionKind.Adopted };
        db.Add(adopted);
        adopted.Sources.Add(Source(new DocumentActionSource(), r2, Verdict.Accepted, (ann, At(2024, 2, 6))));

        var r3 = Report(db, "R3", ben, At(2024, 3, 20), "1.1.0", null);
        Claim(db, m2, r3, Verdict.Extracted, Verdict.Extracted, Verdict.Extracted, null, null);
        var waiting = new Participation { Id = Guid.CreateVersion7(), Meeting = m2, Person = p2, Role = ParticipationRole.Attendee };
        db.Add(waiting);
        waiting.Sources.Add(Source(new ParticipationSource(), r3, Verdict.Extracted, null));

        Report(db, "R5", ben, At(2024, 3, 29), "1.1.0", null);
        await db.SaveChangesAsync();

        Person Person(string name) => new() { Id = Guid.CreateVersion7(), Name = name };
        Meeting Meeting(Organization o, DateOnly date) => new() { Id = Guid.CreateVersion7(), Organization = o, Date = date };
    }

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 9, 0, 0, TimeSpan.Zero);

    private static Report Report(PolicyTrackerDbContext db, string name, string by, DateTimeOffset entered, string version, (string By, DateTimeOffset At)? published)
    {
        var text = $"{name}: a report of the quality fixture. {Guid.NewGuid():N}";
        var report = new Report
        {
            Id = Guid.CreateVersion7(),
            Headline = name,
            Text = text,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
            Status = published is null ? ReportStatus.Draft : ReportStatus.Published,
            EnteredBy = by,
            EnteredAt = entered,
            ExtractorVersion = version,
            PublishedBy = published?.By,
            PublishedAt = published?.At,
        };
        db.Add(report);
        return report;
    }

    private static void Claim(PolicyTrackerDbContext db, Meeting meeting, Report report, Verdict verdict, Verdict body, Verdict? date, Verdict? chair,
        (string By, DateTimeOffset At)? judged)
    {
        var source = Source(new MeetingSource(), report, verdict, judged);
        (source.Meeting, source.BodyVerdict, source.DateVerdict, source.ChairVerdict) = (meeting, body, date, chair);
        db.Add(source);
    }

    private static T Source<T>(T source, Report report, Verdict verdict, (string By, DateTimeOffset At)? judged, bool extracted = true)
        where T : FactSource
    {
        source.Id = Guid.CreateVersion7();
        source.SourceReport = report;
        source.SpanLength = 4;
        source.Confidence = 0.9;
        source.ExtractorVersion = extracted ? report.ExtractorVersion : null;
        source.Verdict = verdict;
        (source.VerdictBy, source.VerdictAt) = (judged?.By, judged?.At);
        return source;
    }
}
