using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;
using PolicyTracker.IntegrationTests.Browse;
using PolicyTracker.IntegrationTests.Support;
using PolicyTracker.Web.Features.Browse;
using PolicyTracker.Web.Features.People;

namespace PolicyTracker.IntegrationTests.People;

// The person page reads participations alone (their stored meeting date, the stored totals): these check that what
// PublishedFlags keeps stays equal to the meetings and sources it is copied from.
[Collection(DatabaseTestGroup.Name)]
public sealed class PersonPageQueryTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private Person _ada = null!;
    private Meeting _january = null!, _march = null!, _may = null!;
    private Report _first = null!, _second = null!;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await using var db = await fixture.CreateDbContextAsync();
        var archive = new HandMadeArchive(db);
        _ada = archive.Person("Ada Quill");
        var ben = archive.Person("Ben Rowe");
        var council = archive.Body("Harbour Council");
        _january = archive.Meeting(council, new DateOnly(2024, 1, 10), (_ada, ParticipationRole.Chair), (ben, ParticipationRole.Attendee));
        _march = archive.Meeting(council, new DateOnly(2024, 3, 10), (_ada, ParticipationRole.Attendee));
        _may = archive.Meeting(council, new DateOnly(2024, 5, 10), (_ada, ParticipationRole.Speaker), (ben, ParticipationRole.Chair));
        _first = archive.Report("Council meets in January");
        _second = archive.Report("Council meets twice in spring");
        archive.Source(_january, _first);
        archive.Source(_march, _second);
        archive.Source(_may, _second);
        await archive.SaveAsync();
        await PublishedFlags.RefreshAllAsync(db, default);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private PersonQueries Queries => new(new PublishedData(fixture.Factory));

    [Fact]
    public async Task The_person_page_lists_meetings_newest_first_with_stored_totals_and_the_reports_behind_them()
    {
        var ada = (await Queries.GetAsync(_ada.Id)).ShouldNotBeNull();

        ada.Meetings.Select(m => m.Date).ShouldBe([new DateOnly(2024, 5, 10), new DateOnly(2024, 3, 10), new DateOnly(2024, 1, 10)]);
        ada.MeetingTotal.ShouldBe(3);
        // Two reports name her, one of them twice: the total counts reports, not mentions.
        ada.SourceTotal.ShouldBe(2);
        ada.Sources.Select(s => (s.ReportId, s.Mentions)).OrderBy(s => s.Mentions).ShouldBe([(_first.Id, 1), (_second.Id, 2)]);
        ada.Activity.Sum(a => a.Count).ShouldBe(3);
    }

    [Fact]
    public async Task A_meeting_moved_to_another_date_moves_on_the_person_page_once_its_flags_are_refreshed()
    {
        await using (var db = await fixture.CreateDbContextAsync())
        {
            var may = await db.Meetings.SingleAsync(m => m.Id == _may.Id);
            may.Date = new DateOnly(2023, 12, 1);
            await db.SaveChangesAsync();
            await PublishedFlags.RefreshAsync(db, [_may.Id], default);
        }

        await using (var check = await fixture.CreateDbContextAsync())
        {
            (await check.Participations.Where(p => p.MeetingId == _may.Id).Select(p => p.MeetingDate).Distinct().ToListAsync())
                .ShouldBe([new DateOnly(2023, 12, 1)]);
        }
        var ada = (await Queries.GetAsync(_ada.Id)).ShouldNotBeNull();
        ada.Meetings.Select(m => m.MeetingId).ShouldBe([_march.Id, _january.Id, _may.Id]);
    }

    [Fact]
    public async Task A_meeting_no_published_report_describes_takes_its_participations_off_the_person_page()
    {
        await using (var db = await fixture.CreateDbContextAsync())
        {
            // The editor removes the meeting from the only report that gave it; the participants' own claims stay.
            var source = await db.MeetingSources.SingleAsync(s => s.MeetingId == _january.Id);
            source.Verdict = Verdict.Removed;
            await db.SaveChangesAsync();
            await PublishedFlags.RefreshAsync(db, [_january.Id], default);
        }

        var ada = (await Queries.GetAsync(_ada.Id)).ShouldNotBeNull();
        ada.Meetings.Select(m => m.MeetingId).ShouldBe([_may.Id, _march.Id]);
        ada.MeetingTotal.ShouldBe(2);
        ada.SourceTotal.ShouldBe(1);
        ada.Sources.ShouldHaveSingleItem().ReportId.ShouldBe(_second.Id);
    }
}
