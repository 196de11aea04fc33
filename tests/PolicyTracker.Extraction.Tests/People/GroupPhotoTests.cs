using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.People;

public sealed class GroupPhotoTests
{
    [Fact]
    public void People_named_in_the_group_photo_caption_attend()
    {
        var m = Extract.Single(
            "Leaders of the Council of River States met in Port Ash on Monday. Leaders pose for a family photo. From left: Lowland President Ana Lind, Dunmore Prime Minister Tomas VEIGA and Elmira Chancellor Rui Sato. The meeting, chaired by Prime Minister Tomas Veiga, agreed to open the rivers to freight.");
        m.Names().ShouldBe(["Ana Lind", "Tomas Veiga", "Rui Sato"], ignoreOrder: true);
        m.RoleOf("Tomas Veiga").ShouldBe(ParticipantRole.Chair);
        m.RoleOf("Ana Lind").ShouldBe(ParticipantRole.Attendee);
    }

    [Fact]
    public void A_list_from_left_without_a_photo_is_not_attendance()
    {
        var m = Extract.Single("The Council of River States met in Port Ash on Monday. From left to right the river runs past the homes of Ana Lind and Rui Sato.");
        m.Names().ShouldBeEmpty();
    }
}

public sealed class AmongThemAttendanceTests
{
    [Fact]
    public void People_counted_after_among_them_in_an_attendance_sentence_attend()
    {
        var m = Extract.Single("The Council of River States met in Port Ash on Monday. Ana Lind took part in the session with the heads of four guest states, among them President Rui Sato and Premier Tomas Veiga.");
        m.Names().ShouldBe(["Ana Lind", "Rui Sato", "Tomas Veiga"], ignoreOrder: true);
    }

    [Fact]
    public void Among_them_without_an_attendance_cue_names_no_one()
    {
        var m = Extract.Single("The Council of River States met in Port Ash on Monday and praised several donors, among them Rui Sato.");
        m.Names().ShouldBeEmpty();
    }
}

public sealed class EllipsisAndPossessorTests
{
    [Fact]
    public void So_did_after_an_attendance_sentence_adds_attendees()
    {
        var m = Extract.Single("The Council of River States met in Port Ash on Monday. Premier Ana Lind attended the meeting. So did Rui Sato, the fisheries minister, and Tomas Veiga.");
        m.Names().ShouldBe(["Ana Lind", "Rui Sato", "Tomas Veiga"], ignoreOrder: true);
        m.RoleOf("Rui Sato").ShouldBe(ParticipantRole.Attendee);
    }

    [Fact]
    public void A_possessor_before_the_meeting_verb_does_not_chair()
    {
        var m = Extract.Single("On the anniversary of President Ana Lind's river tour, the Harbour Board held a meeting to review her instructions. Rui Sato chaired the meeting.");
        m.Participants.Single(p => p.Role == ParticipantRole.Chair).Name.ShouldBe("Rui Sato");
        m.Names().ShouldNotContain("Ana Lind");
    }
}

public sealed class PresidingOfficerTests
{
    [Fact]
    public void The_bodys_president_named_in_apposition_chairs_its_meeting()
    {
        var m = Extract.Single("The River Assembly adopted a water treaty on Tuesday. \"The treaty is adopted,\" said the Assembly's President, Lowland Water Minister Ana Lind, to applause.");
        m.Participants.Single(p => p.Role == ParticipantRole.Chair).Name.ShouldBe("Ana Lind");
    }

    [Fact]
    public void Another_bodys_president_does_not_chair()
    {
        var m = Extract.Single("The River Assembly adopted a water treaty on Tuesday. The decision was welcomed by the Bank's President, Ana Lind.");
        m.Participants.Where(p => p.Role == ParticipantRole.Chair).ShouldBeEmpty();
    }
}

public sealed class ListOverParagraphsTests
{
    [Fact]
    public void An_attendance_list_ending_a_paragraph_with_a_comma_goes_on_in_the_next()
    {
        var m = Extract.Single("The Harbour Board met on Monday in Port Ash.\n\nAlso attending the meeting were Ana Lind (finance), Rui Sato (ports),\n\nTomas Veiga (fisheries) and Mia Holm (transport).");
        m.Names().ShouldBe(["Ana Lind", "Rui Sato", "Tomas Veiga", "Mia Holm"], ignoreOrder: true);
    }

    [Fact]
    public void A_paragraph_ending_in_a_full_stop_closes_the_list()
    {
        var m = Extract.Single("The Harbour Board met on Monday in Port Ash.\n\nAlso attending the meeting were Ana Lind and Rui Sato.\n\nTomas Veiga, a critic of the board, called the plan weak.");
        m.Names().ShouldBe(["Ana Lind", "Rui Sato"], ignoreOrder: true);
    }
}

public sealed class ChairByTitleTests
{
    [Fact]
    public void Chaired_by_the_title_of_a_person_named_earlier_is_that_person()
    {
        var r = Extract.Report("The Council of Ministers chaired by Prime Minister Ana Lind on Monday approved the port budget. Separately, the Committee on Harbour Affairs (CHA), also chaired by the Prime Minister, approved higher fees for berths.");
        r.Meetings.Count.ShouldBe(2);
        r.Meetings[1].Participants.ShouldHaveSingleItem().Name.ShouldBe("Ana Lind");
        r.Meetings[1].Participants[0].Role.ShouldBe(ParticipantRole.Chair);
    }
}
