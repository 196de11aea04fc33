using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Meetings;

public sealed class NotAMeetingTests
{
    [Fact]
    public void A_meeting_noun_modifying_another_noun_is_no_second_meeting()
    {
        var r = Extract.Report("The Executive Committee of the Harbour Council approved four port projects on Sunday. Premier Ana Lind presided over the meeting at the HCB conference room in Port Ash.");
        r.Meetings.Count.ShouldBe(1);
        r.Meetings[0].Body.ShouldBe("Executive Committee of the Harbour Council");
    }

    [Fact]
    public void A_habit_described_in_the_present_is_no_second_meeting()
    {
        var r = Extract.Report("The Council of Ministers met on Tuesday and approved the port budget. It is normally the president who convenes the Defence Council, but he was abroad.");
        r.Meetings.Count.ShouldBe(1);
        r.Meetings[0].Body.ShouldBe("Council of Ministers");
    }
}

public sealed class SeparateMeetingTests
{
    [Fact]
    public void Separately_a_body_chaired_by_someone_is_a_second_meeting()
    {
        var r = Extract.Report("The Council of Ministers chaired by Premier Ana Lind on Monday approved the port budget. Separately, the Committee on Harbour Affairs (CHA), also chaired by the premier, approved higher fees for berths.");
        r.Meetings.Select(m => m.Body).ShouldBe(["Council of Ministers", "Committee on Harbour Affairs"]);
        r.Meetings[1].Resolutions.Select(x => x.Text).ShouldBe(["higher fees for berths"]);
    }
}

public sealed class PresidingBodyTests
{
    [Fact]
    public void A_body_that_presides_over_a_session_opens_no_meeting_of_its_own()
    {
        var r = Extract.Report("The River Congress held its fourth plenary session on Monday. The Standing Bureau of the River Congress presided over the session.");
        r.Meetings.Count.ShouldBe(1);
    }
}

public sealed class ActingMeetingTests
{
    [Fact]
    public void A_cabinet_meeting_that_approved_something_took_place_before_a_meeting_to_come()
    {
        var r = Extract.Report("The new government's first formal cabinet meeting approved 80 million for the coast guard, the premier said. He would chair a meeting of the Defence Council on Friday.");
        r.Meetings.Count.ShouldBe(1);
        r.Meetings[0].Body.ShouldBe("Cabinet");
        r.Meetings[0].Resolutions.Select(x => x.Text).ShouldBe(["80 million for the coast guard"]);
    }
}

public sealed class TopicNamedGatheringTests
{
    [Fact]
    public void A_national_conference_on_a_topic_that_was_held_is_the_body()
    {
        var m = Extract.Single("Premier Ana Lind made the remarks in a speech at a national conference on river safety held on Monday in Port Ash.");
        m.Body.ShouldBe("National conference on river safety");
        m.Date.ShouldBe(new DateOnly(2024, 3, 4));
    }

    [Fact]
    public void A_conference_on_a_topic_still_to_come_is_no_meeting()
    {
        var r = Extract.Report("Premier Ana Lind spoke about river safety, a topic for a national conference on water to be arranged next year.");
        r.Meetings.ShouldBeEmpty();
    }
}

public sealed class DatedMeetingOfTests
{
    [Fact]
    public void A_meeting_on_a_day_of_another_body_is_a_second_meeting_dated_that_day()
    {
        var r = Extract.Report("The Lowland cabinet decided on Tuesday to join the Grain Union. The move followed a meeting on Sunday of the Harbour Party's executive board, led by Ana Lind, which agreed to back membership.");
        r.Meetings.Count.ShouldBe(2);
        r.Meetings[1].Body.ShouldBe("Harbour Party's executive board");
        r.Meetings[1].Date.ShouldBe(new DateOnly(2024, 3, 3));
    }
}
