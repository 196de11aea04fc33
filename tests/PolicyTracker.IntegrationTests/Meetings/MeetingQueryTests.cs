using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Data.Entities;
using PolicyTracker.IntegrationTests.Security;
using PolicyTracker.TestSupport;
using PolicyTracker.Web.Features.Meetings;
using PolicyTracker.Web.Features.Search;

namespace PolicyTracker.IntegrationTests.Meetings;

/// <summary>The meeting page's and meetings list's queries on the real PostgreSQL, over hand-made meetings.</summary>
[Collection(SecurityGroup.Name)]
public sealed class MeetingQueryTests(SecurityFixture app)
{
    private Task<T> Queries<T>(Func<MeetingQueries, Task<T>> work) => app.InScopeAsync(s => work(s.GetRequiredService<MeetingQueries>()));

    [Fact]
    public async Task What_is_new_compares_a_meeting_with_its_bodys_previous_one()
    {
        var seed = new MeetingSeed(app.ConnectionString);
        var body = await seed.BodyAsync($"Finance Committee {seed.Tag}");
        var other = await seed.BodyAsync($"Other Committee {seed.Tag}");
        var chair = await seed.PersonAsync($"Chen Chair {seed.Tag}");
        var stays = await seed.PersonAsync($"Sam Stays {seed.Tag}");
        var leaves = await seed.PersonAsync($"Lee Leaves {seed.Tag}");
        var joins = await seed.PersonAsync($"Jo Joins {seed.Tag}");
        var budget = await seed.DocumentAsync($"Budget law {seed.Tag}");
        var tax = await seed.DocumentAsync($"Tax plan {seed.Tag}");
        var previous = await seed.MeetingAsync(body, new DateOnly(2024, 4, 1),
            [new(chair, ParticipationRole.Chair), new(stays, ParticipationRole.Attendee), new(leaves, ParticipationRole.Speaker)],
            ["deepen reform of state-owned enterprises", "stabilise grain prices"], [(budget, DocumentActionKind.Reviewed)]);
        // Between them in time but of another body: not the previous meeting.
        await seed.MeetingAsync(other, new DateOnly(2024, 4, 15), [new(leaves, ParticipationRole.Chair)], ["flood control"]);
        // A draft of the same body in between is not published, so not the previous meeting either.
        await seed.MeetingAsync(body, new DateOnly(2024, 4, 20), [new(joins, ParticipationRole.Chair)], ["space exploration"], published: false);
        var current = await seed.MeetingAsync(body, new DateOnly(2024, 5, 6),
            [new(joins, ParticipationRole.Attendee), new(chair, ParticipationRole.Chair), new(stays, ParticipationRole.Attendee)],
            ["state-owned enterprise reforms", "flood control and disaster relief"], [(budget, DocumentActionKind.Adopted), (tax, DocumentActionKind.Discussed)]);

        var changes = (await Queries(q => q.ChangesAsync(current))).ShouldNotBeNull();

        changes.Previous.Id.ShouldBe(previous);
        changes.Joined.Select(p => p.PersonId).ShouldBe([joins]);
        changes.Left.ShouldHaveSingleItem().ShouldSatisfyAllConditions(p => p.PersonId.ShouldBe(leaves), p => p.Role.ShouldBe(ParticipationRole.Speaker));
        changes.NewThemes.Select(r => r.Text).ShouldBe(["flood control and disaster relief"], "enterprise reform was on the previous agenda");
        changes.NewDocuments.ShouldHaveSingleItem().ShouldSatisfyAllConditions(d => d.DocumentId.ShouldBe(tax), d => d.Action.ShouldBe(DocumentActionKind.Discussed));
        changes.None.ShouldBeFalse();

        (await Queries(q => q.ChangesAsync(previous))).ShouldBeNull("the body's first meeting has nothing to compare with");
    }

    [Fact]
    public async Task A_meeting_lists_the_chair_first_then_as_reported_and_links_its_bodys_previous_and_next_meetings()
    {
        var seed = new MeetingSeed(app.ConnectionString);
        var body = await seed.BodyAsync($"Planning Board {seed.Tag}");
        var a = await seed.PersonAsync($"Ann First {seed.Tag}");
        var b = await seed.PersonAsync($"Bo Second {seed.Tag}");
        var c = await seed.PersonAsync($"Cal Chair {seed.Tag}");
        var first = await seed.MeetingAsync(body, new DateOnly(2024, 1, 10), [new(c, ParticipationRole.Chair)]);
        var sameDayA = await seed.MeetingAsync(body, new DateOnly(2024, 2, 1),
            [new(b, ParticipationRole.Attendee), new(a, ParticipationRole.Speaker), new(c, ParticipationRole.Chair)]);
        var sameDayB = await seed.MeetingAsync(body, new DateOnly(2024, 2, 1), [new(c, ParticipationRole.Chair)]);
        var undated = await seed.MeetingAsync(body, null, [new(c, ParticipationRole.Chair)]);

        var meeting = (await Queries(q => q.GetAsync(sameDayA))).ShouldNotBeNull();

        meeting.Participants.Select(p => p.PersonId).ShouldBe([c, b, a]);
        meeting.Previous!.Id.ShouldBe(first);
        meeting.Next!.Id.ShouldBe(sameDayB, "a meeting later the same day follows by id");
        (await Queries(q => q.GetAsync(first)))!.Previous.ShouldBeNull();
        (await Queries(q => q.GetAsync(sameDayB)))!.Next.ShouldBeNull("the undated meeting has no place in the sequence");
        var loose = (await Queries(q => q.GetAsync(undated))).ShouldNotBeNull();
        loose.Previous.ShouldBeNull();
        loose.Next.ShouldBeNull();
    }

    [Fact]
    public async Task Sorted_by_body_the_list_pages_in_body_order_and_counts_the_same_total_as_by_date()
    {
        var seed = new MeetingSeed(app.ConnectionString);
        var alpha = await seed.BodyAsync($"Alpha Board {seed.Tag}");
        var beta = await seed.BodyAsync($"Beta Board {seed.Tag}");
        var who = await seed.PersonAsync($"Pat Everywhere {seed.Tag}");
        var alphaJan = await seed.MeetingAsync(alpha, new DateOnly(2024, 1, 10), [new(who, ParticipationRole.Chair)]);
        var alphaFeb = await seed.MeetingAsync(alpha, new DateOnly(2024, 2, 10), [new(who, ParticipationRole.Chair)]);
        var betaMar = await seed.MeetingAsync(beta, new DateOnly(2024, 3, 10), [new(who, ParticipationRole.Chair)]);
        await seed.MeetingAsync(alpha, new DateOnly(2024, 4, 10), [new(who, ParticipationRole.Chair)], published: false);
        var filter = new MeetingFilter(PersonId: who);

        var first = await Queries(q => q.ListAsync(filter, 0, 2, "body", false));
        var second = await Queries(q => q.ListAsync(filter, 1, 2, "body", false));
        var reversed = await Queries(q => q.ListAsync(filter, 0, 2, "body", true));
        var byDate = await Queries(q => q.ListAsync(filter, 0, 2, null, true));

        first.Rows.Select(r => r.Id).ShouldBe([alphaFeb, alphaJan], "body A to Z, then newest first");
        second.Rows.Select(r => r.Id).ShouldBe([betaMar]);
        reversed.Rows.Select(r => r.Id).ShouldBe([betaMar, alphaFeb]);
        byDate.Rows.Select(r => r.Id).ShouldBe([betaMar, alphaFeb]);
        (first.Total, second.Total, reversed.Total, byDate.Total).ShouldBe((3, 3, 3, 3), "the draft is not counted, whatever the order");
    }

    [Fact]
    public async Task Search_lists_the_latest_matching_meetings_with_their_chair_and_counts_them_by_body_and_year()
    {
        var seed = new MeetingSeed(app.ConnectionString);
        var word = "quokka" + seed.Tag;
        var alpha = await seed.BodyAsync($"Wildlife Board {seed.Tag}");
        var beta = await seed.BodyAsync($"Parks Council {seed.Tag}");
        var chair = await seed.PersonAsync($"Kim Chair {seed.Tag}");
        var member = await seed.PersonAsync($"Lu Member {seed.Tag}");
        var old = await seed.MeetingAsync(alpha, new DateOnly(2023, 5, 2), [new(chair, ParticipationRole.Chair)], [$"protect the {word} habitat"]);
        var spring = await seed.MeetingAsync(alpha, new DateOnly(2024, 5, 2),
            [new(member, ParticipationRole.Attendee), new(chair, ParticipationRole.Chair)], [$"count every {word}"]);
        var summer = await seed.MeetingAsync(beta, new DateOnly(2024, 6, 3), [new(member, ParticipationRole.Chair)], [$"fund {word} rangers"]);
        await seed.MeetingAsync(beta, new DateOnly(2024, 7, 1), [new(member, ParticipationRole.Chair)], [$"a draft about the {word}"], published: false);
        await seed.MeetingAsync(beta, new DateOnly(2024, 8, 1), [new(member, ParticipationRole.Chair)], ["nothing to do with it"]);

        var results = (await app.InScopeAsync(s => s.GetRequiredService<SearchQueries>().SearchAsync(word))).ShouldNotBeNull();

        results.Meetings.Total.ShouldBe(3, "the draft is not searched");
        results.Meetings.Hits.Select(m => m.Id).ShouldBe([summer, spring, old], "newest first");
        results.Meetings.Hits.Select(m => (m.Chair, m.Participants, m.Body)).ShouldBe(
            [($"Lu Member {seed.Tag}", 1, $"Parks Council {seed.Tag}"), ($"Kim Chair {seed.Tag}", 2, $"Wildlife Board {seed.Tag}"),
             ($"Kim Chair {seed.Tag}", 1, $"Wildlife Board {seed.Tag}")]);
        results.Facets.Bodies.Select(b => (b.Key, b.Count)).ShouldBe([(alpha.ToString(), 2), (beta.ToString(), 1)]);
        results.Facets.Years.Select(y => (y.Key, y.Count)).ShouldBe([("2024", 2), ("2023", 1)]);
        results.Facets.Kinds.Single(k => k.Key == SearchKinds.Meetings).Count.ShouldBe(3);

        var narrowed = (await app.InScopeAsync(s => s.GetRequiredService<SearchQueries>().SearchAsync(new SearchFilter(word, BodyId: alpha, Year: 2024)))).ShouldNotBeNull();
        narrowed.Meetings.Hits.Select(m => m.Id).ShouldBe([spring]);
        (narrowed.Meetings.Total, narrowed.Facets.Years.Single().Key).ShouldBe((1, "2024"));
    }

    [Fact]
    public async Task The_list_filters_by_document_chair_and_having_documents_and_the_exports_stream_exactly_those_rows()
    {
        var seed = new MeetingSeed(app.ConnectionString);
        var body = await seed.BodyAsync($"Health Council {seed.Tag}");
        var chair = await seed.PersonAsync($"Hu Chair {seed.Tag}");
        var member = await seed.PersonAsync($"Ma Member {seed.Tag}");
        var plan = await seed.DocumentAsync($"Health plan {seed.Tag}");
        var withPlan = await seed.MeetingAsync(body, new DateOnly(2024, 3, 1), [new(chair, ParticipationRole.Chair), new(member, ParticipationRole.Attendee)],
            ["universal coverage"], [(plan, DocumentActionKind.Adopted)]);
        var memberChairs = await seed.MeetingAsync(body, new DateOnly(2024, 3, 8), [new(member, ParticipationRole.Chair), new(chair, ParticipationRole.Attendee)]);
        var noChair = await seed.MeetingAsync(body, new DateOnly(2024, 3, 15), [new(member, ParticipationRole.Attendee)]);

        async Task<IEnumerable<Guid>> Ids(MeetingFilter f) => (await Queries(q => q.ListAsync(f with { BodyId = body }, 0, 25, null, true))).Rows.Select(r => r.Id);
        (await Ids(new(DocumentId: plan))).ShouldBe([withPlan]);
        (await Ids(new(PersonId: chair, Role: ParticipationRole.Chair))).ShouldBe([withPlan]);
        (await Ids(new(PersonId: chair))).ShouldBe([memberChairs, withPlan]);
        (await Ids(new(Role: ParticipationRole.Chair))).ShouldBe([memberChairs, withPlan]);
        (await Ids(new(HasDocuments: true))).ShouldBe([withPlan]);
        (await Ids(new(HasDocuments: false))).ShouldBe([noChair, memberChairs]);

        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.CreateTokenAsync(SecurityFixture.EmailOf(Roles.Analyst)));
        var csv = await client.GetAsync($"/api/export/meetings.csv?body={body}&person={member}&sort=date");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        csv.Content.Headers.ContentDisposition!.FileName.ShouldBe("meetings.csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].ShouldBe("id,date,body_id,body,session,chair,participants,resolutions,documents,reports");
        lines.Skip(1).Select(l => Guid.Parse(l[..36])).ShouldBe([withPlan, memberChairs, noChair]);
        lines[1].ShouldContain($",2024-03-01,{body},Health Council {seed.Tag},,Hu Chair {seed.Tag},2,1,1,1");

        var json = await client.GetAsync($"/api/export/meetings.json?body={body}&hasDocuments=false");
        json.StatusCode.ShouldBe(HttpStatusCode.OK);
        json.Content.Headers.ContentDisposition!.FileName.ShouldBe("meetings.json");
        var rows = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("id").GetGuid()).ShouldBe([noChair, memberChairs]);
        rows[1].GetProperty("chair").GetString().ShouldBe($"Ma Member {seed.Tag}");

        var bad = await client.GetAsync($"/api/export/meetings.csv?body={body}&role=king&hasDocuments=maybe");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        bad.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("deepen reform of state-owned enterprises", "state-owned enterprise reforms", true)]
    [InlineData("stabilise grain prices", "keep grain prices stable", true)]
    [InlineData("flood control", "stabilise grain prices", false)]
    [InlineData("the", "the", false)]
    public void Resolution_themes_match_on_their_content_words(string a, string b, bool same) =>
        ResolutionThemes.SameTheme(ResolutionThemes.Of(a), ResolutionThemes.Of(b)).ShouldBe(same);
}
