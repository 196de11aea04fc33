using PolicyTracker.Data.Entities;
using PolicyTracker.IntegrationTests.Browse;
using PolicyTracker.IntegrationTests.Support;
using PolicyTracker.Web.Features.Bodies;
using PolicyTracker.Web.Features.Browse;

namespace PolicyTracker.IntegrationTests.Bodies;

// The test clock stands at 2026-01-15.
[Collection(DatabaseTestGroup.Name)]
public sealed class BodyCadenceQueryTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private Organization _weekly = null!, _steady = null!, _new = null!, _silent = null!;
    private Person _ada = null!, _ben = null!, _cho = null!;
    private Document _plan = null!, _law = null!;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await using var db = await fixture.CreateDbContextAsync();
        var archive = new HandMadeArchive(db);
        (_ada, _ben, _cho) = (archive.Person("Ada Quill"), archive.Person("Ben Rowe"), archive.Person("Cho Lin"));
        _weekly = archive.Body("Weekly Council");
        _steady = archive.Body("Steady Board");
        _new = archive.Body("New Committee");
        _silent = archive.Body("Silent Office");
        _plan = archive.Document("Plan on Harbours", "plan");
        _law = archive.Document("Law on Bridges", "law");

        // Weekly until 2025-12-18, then nothing published: 28 days since a 7-day rhythm.
        var weekly = new[] { new DateOnly(2025, 11, 20), new DateOnly(2025, 11, 27), new DateOnly(2025, 12, 4), new DateOnly(2025, 12, 11), new DateOnly(2025, 12, 18) }
            .Select((d, i) => archive.Meeting(_weekly, d, (i % 2 == 0 ? _ada : _ben, ParticipationRole.Chair), (_cho, ParticipationRole.Attendee),
                (i % 2 == 0 ? _ben : _ada, ParticipationRole.Attendee)))
            .ToList();
        // A second meeting on the last day, one only a draft describes, and one without a date: none changes the rhythm.
        archive.Meeting(_weekly, new DateOnly(2025, 12, 18), (_ada, ParticipationRole.Chair));
        archive.Meeting(_weekly, new DateOnly(2026, 1, 8), false, (_ada, ParticipationRole.Chair));
        archive.Meeting(_weekly, null, (_ada, ParticipationRole.Chair));
        archive.Action(weekly[0], _plan, DocumentActionKind.Reviewed);
        archive.Action(weekly[3], _plan, DocumentActionKind.Adopted);
        archive.Action(weekly[2], _law, DocumentActionKind.Discussed);

        // Gaps 10, 20, 10: a median of 10 days, last met 5 days ago.
        foreach (var d in new[] { new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 11), new DateOnly(2025, 12, 31), new DateOnly(2026, 1, 10) })
        {
            archive.Meeting(_steady, d, (_ben, ParticipationRole.Chair));
        }
        archive.Meeting(_new, new DateOnly(2025, 6, 1), (_cho, ParticipationRole.Chair));
        archive.Meeting(_new, new DateOnly(2025, 7, 1), (_cho, ParticipationRole.Chair));
        await archive.SaveAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private BodyInsightQueries Queries => new(new PublishedData(fixture.Factory), fixture.Clock);

    [Fact]
    public async Task A_body_that_met_weekly_and_has_not_met_for_four_weeks_is_later_than_usual()
    {
        var cadence = await Queries.CadenceAsync(_weekly.Id);

        cadence.ShouldBe(new Cadence(TypicalDays: 7, Gaps: 4, LastMeeting: new DateOnly(2025, 12, 18), DaysSinceLast: 28, Late: true));
        cadence.Expected.ShouldBe(new DateOnly(2025, 12, 25));
    }

    [Fact]
    public async Task A_body_within_its_rhythm_is_not_late_and_the_median_gap_is_its_typical_interval()
    {
        var cadence = await Queries.CadenceAsync(_steady.Id);

        cadence.ShouldBe(new Cadence(TypicalDays: 10, Gaps: 3, LastMeeting: new DateOnly(2026, 1, 10), DaysSinceLast: 5, Late: false));
        cadence.Expected.ShouldBe(new DateOnly(2026, 1, 20));

        // Ten days on (16 since, more than 1.5 × 10) it is late.
        fixture.Clock.Advance(TimeSpan.FromDays(11));
        (await Queries.CadenceAsync(_steady.Id)).ShouldBe(new Cadence(10, 3, new DateOnly(2026, 1, 10), 16, true));
    }

    [Fact]
    public async Task Too_few_meetings_give_no_cadence_and_never_late()
    {
        (await Queries.CadenceAsync(_new.Id)).ShouldBe(new Cadence(null, 1, new DateOnly(2025, 7, 1), 198, false));
        (await Queries.CadenceAsync(_silent.Id)).ShouldBe(new Cadence(null, 0, null, null, false));
    }

    [Fact]
    public void The_cadence_reads_only_the_latest_gaps()
    {
        // Thirty monthly meetings, then twenty-one weekly: the rhythm now is weekly.
        var start = new DateOnly(2020, 1, 1);
        var dates = Enumerable.Range(0, 30).Select(i => start.AddDays(30 * i)).ToList();
        dates.AddRange(Enumerable.Range(1, 21).Select(i => dates[29].AddDays(7 * i)));

        var cadence = BodyCadence.From(dates, dates[^1].AddDays(3));

        (cadence.TypicalDays, cadence.Gaps, cadence.DaysSinceLast, cadence.Late).ShouldBe((7.0, BodyCadence.RecentGaps, 3, false));
        BodyCadence.From([new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 3), new DateOnly(2024, 1, 8), new DateOnly(2024, 1, 18)], new DateOnly(2024, 1, 18))
            .TypicalDays.ShouldBe(5);
        BodyCadence.From([new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 3), new DateOnly(2024, 1, 8), new DateOnly(2024, 1, 18), new DateOnly(2024, 1, 20)], new DateOnly(2024, 1, 20))
            .TypicalDays.ShouldBe(3.5);
    }

    [Fact]
    public async Task Top_chairs_attendees_and_documents_count_published_meetings_of_the_body()
    {
        var (chairs, attendees) = await Queries.PeopleAsync(_weekly.Id);

        // Ada chairs meetings 1, 3, 5 and the second one on the last day and the undated one; Ben chairs 2 and 4.
        chairs.Select(c => (c.Name, c.Meetings)).ShouldBe([("Ada Quill", 5), ("Ben Rowe", 2)]);
        attendees.Select(c => (c.Name, c.Meetings, c.Last)).ShouldBe([
            ("Ada Quill", 7, new DateOnly(2025, 12, 18)),
            ("Ben Rowe", 5, new DateOnly(2025, 12, 18)),
            ("Cho Lin", 5, new DateOnly(2025, 12, 18)),
        ]);

        var documents = await Queries.DocumentsAsync(_weekly.Id);
        documents.Total.ShouldBe(2);
        documents.Rows.Select(d => (d.Title, d.Actions, d.LatestAction, d.Last)).ShouldBe([
            ("Plan on Harbours", 2, DocumentActionKind.Adopted, new DateOnly(2025, 12, 11)),
            ("Law on Bridges", 1, DocumentActionKind.Discussed, new DateOnly(2025, 12, 4)),
        ]);
        (await Queries.DocumentsAsync(_steady.Id)).Total.ShouldBe(0);
    }
}
