using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.People;

// Who chaired: constructions other than "X chaired".
public sealed class ChairCueTests
{
    [Fact]
    public void A_title_after_a_listed_name_marks_the_chair()
    {
        var m = Extract.Single("The Tariff Committee on Tuesday decided to cut rates. Voting for the cut were Ana M. Lind, Chair; Tomas Berg, Vice Chair; and Eva Holm.");
        m.RoleOf("Ana M. Lind").ShouldBe(ParticipantRole.Chair);
        m.RoleOf("Tomas Berg").ShouldBe(ParticipantRole.Attendee);
    }

    [Fact]
    public void Whoever_opens_the_meeting_chairs_it()
    {
        var m = Extract.Single("Opening the meeting of the Harbour Council on Tuesday, Mayor Ana Lind said the port would reopen.");
        m.RoleOf("Ana Lind").ShouldBe(ParticipantRole.Chair);
    }

    [Fact]
    public void A_body_led_by_someone_in_the_meeting_sentence_is_chaired_by_them()
    {
        var m = Extract.Single("The Tariff Board met on Tuesday. The board, led by Governor Ana Lind, also raised the deposit rate.");
        m.RoleOf("Ana Lind").ShouldBe(ParticipantRole.Chair);
    }

    [Fact]
    public void The_head_of_a_delegation_attends_and_the_presidency_names_only_the_next_person()
    {
        var m = Extract.Single("The 9th Harbour Summit was held today under the presidency of King Omar bin Said, with the Westland delegation led by Prince Hamid bin Omar.");
        m.RoleOf("Omar bin Said").ShouldBe(ParticipantRole.Chair);
        m.RoleOf("Hamid bin Omar").ShouldBe(ParticipantRole.Attendee);
    }

    [Fact]
    public void Presiding_and_speaking_before_the_name_makes_the_chair()
    {
        var m = Extract.Single("The Harbour Council met on Monday. Presiding over the meeting and speaking at it was Ana Lind, chair of the council.");
        m.RoleOf("Ana Lind").ShouldBe(ParticipantRole.Chair);
    }
}

public sealed class SpeakerCueTests
{
    [Fact]
    public void Telling_the_meeting_something_is_speaking_at_it_and_telling_reporters_is_not()
    {
        var m = Extract.Single("The Harbour Council held a special meeting on Thursday. Secretary General Ana Lind told ministers that the port was safe. Tomas Berg told reporters the council would meet again.");
        m.RoleOf("Ana Lind").ShouldBe(ParticipantRole.Speaker);
        m.Names().ShouldNotContain("Tomas Berg");
    }

    [Fact]
    public void An_in_office_chair_title_is_stripped_and_chairs()
    {
        var m = Extract.Single("The Harbour Council held a special meeting on Thursday. Chairing the session, Westland's foreign minister and HCW Chairman-in-Office Ana Lind told the council that the port was safe.");
        m.RoleOf("Ana Lind").ShouldBe(ParticipantRole.Chair);
    }

    [Fact]
    public void Reporting_on_measures_at_the_meeting_is_speaking()
    {
        var m = Extract.Single("Premier Ana Lind chaired the first meeting of the Flood Commission on Monday. Health Minister Tomas Berg reported on measures to stop the spread of the fever.");
        m.RoleOf("Tomas Berg").ShouldBe(ParticipantRole.Speaker);
    }
}
