using PolicyTracker.Data.Entities;
using PolicyTracker.IntegrationTests.Browse;
using PolicyTracker.IntegrationTests.Support;
using PolicyTracker.Web.Features.Browse;
using PolicyTracker.Web.Features.People;

namespace PolicyTracker.IntegrationTests.People;

[Collection(DatabaseTestGroup.Name)]
public sealed class CoAttendanceQueryTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private Person _ada = null!, _ben = null!, _cho = null!, _dev = null!, _eli = null!;
    private Organization _council = null!, _board = null!;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await using var db = await fixture.CreateDbContextAsync();
        var archive = new HandMadeArchive(db);
        (_ada, _ben, _cho, _dev, _eli) = (archive.Person("Ada Quill"), archive.Person("Ben Rowe"), archive.Person("Cho Lin"),
            archive.Person("Dev Patel"), archive.Person("Eli Stone"));
        _council = archive.Body("Harbour Council");
        _board = archive.Body("Water Board");
        const ParticipationRole chair = ParticipationRole.Chair, speaker = ParticipationRole.Speaker, attendee = ParticipationRole.Attendee;
        archive.Meeting(_council, new DateOnly(2024, 1, 10), (_ada, chair), (_ben, attendee), (_cho, attendee));
        archive.Meeting(_council, new DateOnly(2024, 2, 10), (_ben, chair), (_ada, attendee));
        archive.Meeting(_board, new DateOnly(2024, 3, 10), (_dev, chair), (_ada, speaker), (_ben, attendee));
        // Ada is not at this one: it counts for nobody's co-attendance with her.
        archive.Meeting(_board, new DateOnly(2024, 4, 10), (_ben, chair), (_cho, attendee), (_dev, attendee));
        // Only a draft describes this meeting: not browsable, not counted.
        archive.Meeting(_council, new DateOnly(2024, 5, 10), false, (_ada, chair), (_cho, attendee), (_eli, attendee));
        var june = archive.Meeting(_council, new DateOnly(2024, 6, 10), (_ada, attendee), (_cho, attendee));
        // An editor removed Cho from the June meeting: the claim is no longer published.
        june.Participations.Single(p => p.Person == _cho).Published = false;
        await archive.SaveAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private PersonNetworkQueries Queries => new(new PublishedData(fixture.Factory));

    [Fact]
    public async Task Co_attendees_are_counted_by_shared_published_meetings_most_first_then_by_name()
    {
        var co = await Queries.CoAttendeesAsync(_ada.Id);

        co.Select(c => (c.Name, c.Meetings, c.Last)).ShouldBe([
            ("Ben Rowe", 3, new DateOnly(2024, 3, 10)),
            ("Cho Lin", 1, new DateOnly(2024, 1, 10)),
            ("Dev Patel", 1, new DateOnly(2024, 3, 10)),
        ]);
        (await Queries.CoAttendeesAsync(_ada.Id, limit: 1)).ShouldHaveSingleItem().Name.ShouldBe("Ben Rowe");
        // Counting is symmetric: Ben shares three meetings with Ada too.
        (await Queries.CoAttendeesAsync(_ben.Id)).First(c => c.PersonId == _ada.Id).Meetings.ShouldBe(3);
        (await Queries.CoAttendeesAsync(_eli.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_network_links_each_co_attendee_to_the_bodies_where_they_meet_the_person()
    {
        var network = (await Queries.NetworkAsync(_ada.Id)).ShouldNotBeNull();

        network.Name.ShouldBe("Ada Quill");
        network.CoAttendees.Select(c => c.Name).ShouldBe(["Ben Rowe", "Cho Lin", "Dev Patel"]);
        network.Bodies.Select(b => (b.Name, b.Meetings)).ShouldBe([("Harbour Council", 3), ("Water Board", 1)]);
        network.Links.Select(l => (Name(l.PersonId), Body(l.BodyId), l.Meetings)).OrderBy(x => x.Item1).ThenBy(x => x.Item2).ShouldBe([
            ("Ben Rowe", "Harbour Council", 2),
            ("Ben Rowe", "Water Board", 1),
            ("Cho Lin", "Harbour Council", 1),
            ("Dev Patel", "Water Board", 1),
        ]);
        // A body limit keeps the body where Ada meets the drawn people most.
        (await Queries.NetworkAsync(_ada.Id, bodies: 1)).ShouldNotBeNull().Links.Select(l => Body(l.BodyId)).Distinct().ShouldBe(["Harbour Council"]);
        (await Queries.NetworkAsync(Guid.CreateVersion7())).ShouldBeNull();
    }

    [Fact]
    public async Task Roles_bodies_and_the_paged_timeline_count_published_meetings_only()
    {
        (await Queries.RoleCountsAsync(_ada.Id)).ShouldBe(new RoleCounts(Chaired: 1, Spoke: 1, Attended: 2));

        var bodies = await Queries.BodiesAsync(_ada.Id);
        bodies.Total.ShouldBe(2);
        bodies.Rows.Select(b => (b.Name, b.Meetings, b.Chaired, b.First, b.Last)).ShouldBe([
            ("Harbour Council", 3, 1, new DateOnly(2024, 1, 10), new DateOnly(2024, 6, 10)),
            ("Water Board", 1, 0, new DateOnly(2024, 3, 10), new DateOnly(2024, 3, 10)),
        ]);

        var first = await Queries.TimelineAsync(_ada.Id, null, 0, pageSize: 3);
        (first.Total, first.Page).ShouldBe((4, 0));
        first.Meetings.Select(m => m.Date).ShouldBe([new DateOnly(2024, 6, 10), new DateOnly(2024, 3, 10), new DateOnly(2024, 2, 10)]);
        var second = await Queries.TimelineAsync(_ada.Id, null, 1, pageSize: 3);
        second.Meetings.ShouldHaveSingleItem().Role.ShouldBe(ParticipationRole.Chair);
        // A page past the end shows the last page rather than nothing.
        (await Queries.TimelineAsync(_ada.Id, null, 9, pageSize: 3)).Page.ShouldBe(1);
        var attended = await Queries.TimelineAsync(_ada.Id, ParticipationRole.Attendee, 0);
        attended.Meetings.Select(m => m.Date).ShouldBe([new DateOnly(2024, 6, 10), new DateOnly(2024, 2, 10)]);
    }

    private string Name(Guid id) => new[] { _ada, _ben, _cho, _dev, _eli }.Single(p => p.Id == id).Name;

    private string Body(Guid id) => id == _council.Id ? _council.Name : _board.Name;
}
