using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Meetings;

// "The Cabinet, meeting on Monday under X, approved ...": a body put in session by a participle in an appositive.
public sealed class AppositiveMeetingTests
{
    [Fact]
    public void A_second_body_meeting_in_an_appositive_is_a_second_meeting()
    {
        var r = Extract.Report("The Harbour Council met on Tuesday, chaired by Mayor Ilse Varga, and reviewed the dredging plan.\n\nThe Cabinet, meeting on Wednesday under Prime Minister Tomas Brandt, approved the draft port levy bill.");
        r.Meetings.Count.ShouldBe(2);
        var cabinet = r.Meetings[1];
        cabinet.Body.ShouldBe("Cabinet");
        cabinet.RoleOf("Tomas Brandt").ShouldBe(ParticipantRole.Chair);
        cabinet.Documents.ShouldHaveSingleItem().Title.ShouldBe("draft port levy bill");
        r.Meetings[0].Documents.ShouldHaveSingleItem().Title.ShouldBe("dredging plan");
    }

    [Fact]
    public void A_body_that_is_meeting_something_else_opens_no_meeting()
    {
        var r = Extract.Report("The Harbour Council met on Tuesday and reviewed the dredging plan. Officials said the Cabinet was meeting expectations on port spending.");
        r.Meetings.ShouldHaveSingleItem().Body.ShouldBe("Harbour Council");
    }

    [Fact]
    public void The_body_after_meeting_of_is_the_meeting_a_later_chair_sentence_names()
    {
        var m = Extract.Single("1. The 9th Meeting of the Council of Ministers (COM) of the Coral Sea Forum (CSF) was held in Suva on 3 March 2024. Ilse Varga chaired the meeting.\n\n2. The Council adopted the Reef Monitoring Plan.");
        m.Body.ShouldBe("Council of Ministers of the Coral Sea Forum");
        m.RoleOf("Ilse Varga").ShouldBe(ParticipantRole.Chair);
    }
}
