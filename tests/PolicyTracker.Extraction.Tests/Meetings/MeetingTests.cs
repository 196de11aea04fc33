using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Meetings;

public sealed class MeetingTests
{
    [Fact]
    public void A_chaired_meeting_of_a_named_body_is_found_with_its_session_label()
    {
        var m = Extract.Single("Premier Ana Ruiz on Monday chaired the second meeting of the Coastal Defence Commission under the Federal Council. The meeting called for stronger sea walls.");
        m.Body.ShouldBe("Coastal Defence Commission");
        m.BodyAliases.ShouldContain("Coastal Defence Commission under the Federal Council");
        m.Session.ShouldBe("second meeting of the Coastal Defence Commission under the Federal Council");
        m.Date.ShouldBe(new DateOnly(2024, 3, 4));
    }

    [Fact]
    public void A_body_that_decided_at_a_meeting_is_the_body_that_met()
    {
        var m = Extract.Single("Rail fares will be frozen next year, the Transport Board decided at a meeting in Perth on Tuesday.");
        m.Body.ShouldBe("Transport Board");
        m.Location.ShouldBe("Perth");
        m.Resolutions.Single().Text.ShouldBe("Rail fares will be frozen next year");
    }

    [Fact]
    public void A_study_session_of_the_same_body_is_a_second_meeting()
    {
        var r = Extract.Report("Leader Mara Okon presided over a meeting of the Political Council on Monday. The meeting urged thrift. Also on Monday, the Political Council held its fifth group study session. Okon presided over the session and called for more research.");
        r.Meetings.Count.ShouldBe(2);
        r.Meetings[0].Resolutions.Single().Text.ShouldBe("thrift");
        r.Meetings[1].Resolutions.Single().Text.ShouldBe("more research");
        r.Meetings[1].RoleOf("Mara Okon").ShouldBe(ParticipantRole.Chair);
    }

    [Fact]
    public void A_second_body_meeting_earlier_in_the_day_gets_its_own_record()
    {
        var r = Extract.Report("The Standing Committee held its first meeting on Sunday afternoon. The plan had been reviewed and approved on Sunday morning at the first meeting of the Presidents' Council, which Jo Park presided over.");
        r.Meetings.Count.ShouldBe(2);
        r.Meetings[1].Body.ShouldBe("Presidents' Council");
        r.Meetings[1].RoleOf("Jo Park").ShouldBe(ParticipantRole.Chair);
    }

    [Fact]
    public void A_meeting_mentioned_in_passing_is_not_a_meeting_of_the_report()
    {
        var r = Extract.Report("The Water Council held a meeting on Monday. It decided to refer the bill to the Assembly's next plenary session. The move follows a resolution adopted at the third plenary session of the Assembly last month.");
        r.Meetings.Count.ShouldBe(1);
        r.Meetings[0].Body.ShouldBe("Water Council");
    }

    [Fact]
    public void A_generic_cabinet_refers_back_to_the_named_cabinet()
    {
        var m = Extract.Single("President Ida Nuri on Wednesday told members of her new Unity Cabinet to cut costs, as she chaired the cabinet's first plenary session.");
        m.Body.ShouldBe("Unity Cabinet");
        m.RoleOf("Ida Nuri").ShouldBe(ParticipantRole.Chair);
    }

    [Fact]
    public void A_body_that_acts_without_a_meeting_noun_still_yields_a_meeting()
    {
        var m = Extract.Single("The Harbour Board on Tuesday approved a plan on dredging.");
        m.Body.ShouldBe("Harbour Board");
        m.Documents.Single().Action.ShouldBe(DocumentAction.Approved);
    }
}
