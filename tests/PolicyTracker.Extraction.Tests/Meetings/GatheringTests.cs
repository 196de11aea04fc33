using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Meetings;

// Constructions by which a report names the gathering itself or frames its own meeting.
public sealed class GatheringTests
{
    [Fact]
    public void A_named_gathering_that_was_held_is_the_meeting_and_its_own_body()
    {
        var m = Extract.Single("The 12th Harbour Summit was held on Tuesday in Elmira. The summit approved a common port tariff.");
        m.Body.ShouldBe("Harbour Summit");
        m.Date.ShouldBe(new DateOnly(2024, 3, 5));
    }

    [Fact]
    public void A_named_gathering_followed_by_held_on_is_the_meeting()
    {
        var m = Extract.Single("The Third Conference of Coastal Towns, held on Monday in Port Lind, called for cleaner harbours.");
        m.Body.ShouldBe("Third Conference of Coastal Towns");
    }

    [Fact]
    public void The_possessed_name_after_a_possessive_holds_the_head_of_the_body()
    {
        var m = Extract.Single("The Bank of Westland's Policy Board decided on Tuesday to raise the lending rate by a quarter point.");
        m.Body.ShouldBe("Bank of Westland's Policy Board");
    }

    [Fact]
    public void A_capitalised_meeting_noun_after_a_body_name_is_a_meeting_of_that_body()
    {
        var m = Extract.Single("An extraordinary Cabinet Meeting chaired by Prime Minister Ana Lind convened on Friday and approved the flood relief plan.");
        m.Body.ShouldBe("Cabinet");
        m.Participants.Single().Name.ShouldBe("Ana Lind");
    }

    [Fact]
    public void A_capitalised_meeting_name_without_a_body_head_does_not_become_the_body()
    {
        var m = Extract.Single("The Tariff Board held its Monetary Policy Meeting on Tuesday and decided to keep rates unchanged.");
        m.Body.ShouldBe("Tariff Board");
    }

    [Fact]
    public void The_end_of_a_meeting_frames_the_meeting_of_the_report()
    {
        var m = Extract.Single("The Tariff Committee on Friday decided to cut port fees at the end of a two-day meeting that opened on Wednesday.");
        m.Body.ShouldBe("Tariff Committee");
        m.Resolutions.Single().Text.ShouldBe("to cut port fees");
    }

    [Fact]
    public void A_session_of_another_body_that_closed_earlier_is_no_meeting_of_the_report()
    {
        var r = Extract.Report("Premier Ana Lind chaired a meeting of the Harbour Council on Tuesday. The meeting, which came a day after the first session of the 9th Westland Congress closed on March 4, approved the port plan.");
        r.Meetings.Count.ShouldBe(1);
        r.Meetings[0].Body.ShouldBe("Harbour Council");
    }
}
