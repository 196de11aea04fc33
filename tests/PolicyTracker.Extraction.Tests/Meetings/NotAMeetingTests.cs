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
