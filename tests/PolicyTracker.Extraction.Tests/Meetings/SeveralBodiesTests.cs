using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Meetings;

// Reports in which several bodies meet: together, each on its own, or one after another. The byline is Wednesday 2024-03-06.
public sealed class SeveralBodiesTests
{
    [Fact]
    public void Bodies_that_held_their_respective_meetings_each_get_a_meeting()
    {
        var r = Extract.Report("The Harbour Council and the Port Commission held their respective meetings on Tuesday to study the new tariff.");
        r.Meetings.Select(m => m.Body).ShouldBe(["Harbour Council", "Port Commission"]);
        r.Meetings.ShouldAllBe(m => m.Date == new DateOnly(2024, 3, 5));
    }

    [Fact]
    public void Names_before_respectively_chair_the_listed_bodies_in_order()
    {
        var r = Extract.Report("Separate meetings of the Harbour Council and the Port Commission were held on Monday. Ana Lind and Ben Ross respectively presided over the meetings of the Port Commission and the Harbour Council.");
        r.Meetings.Count.ShouldBe(2);
        r.Meetings.Single(m => m.Body == "Harbour Council").Participants.Single().ShouldSatisfyAllConditions(
            p => p.Name.ShouldBe("Ben Ross"),
            p => p.Role.ShouldBe(ParticipantRole.Chair));
        r.Meetings.Single(m => m.Body == "Port Commission").Participants.Single().Name.ShouldBe("Ana Lind");
    }

    [Fact]
    public void A_plural_head_before_the_list_gives_each_body_its_own_group()
    {
        var r = Extract.Report("Separate meetings held recently by the party groups of the Harbour Council, the Port Commission and the Tariff Board studied the plan. Dan Eve attended the meeting of the Tariff Board's group.");
        r.Meetings.Select(m => m.Body).ShouldBe(["Party group of the Harbour Council", "Party group of the Port Commission", "Party group of the Tariff Board"]);
        r.Meetings[2].Names().ShouldBe(["Dan Eve"]);
    }

    [Fact]
    public void Meetings_held_recently_with_no_day_named_are_undated()
    {
        var r = Extract.Report("Separate meetings held recently by the party groups of the Harbour Council and the Port Commission studied the mayor's speech. The mayor gave the speech on March 1 when the campaign opened.");
        r.Meetings.Count.ShouldBe(2);
        r.Meetings.ShouldAllBe(m => m.Date == null);
    }

    [Fact]
    public void A_meeting_of_two_bodies_is_one_joint_meeting()
    {
        var m = Extract.Single("Mayor Ana Lind on Tuesday chaired a meeting of the Harbour Council and the Port Commission to review the dredging plan.");
        m.Body.ShouldBe("Harbour Council and the Port Commission");
        m.Participants.Single().Role.ShouldBe(ParticipantRole.Chair);
    }

    [Fact]
    public void Bodies_that_held_a_joint_session_are_one_meeting_of_both()
    {
        var m = Extract.Single("The Harbour Council and the Port Commission held a joint session on Tuesday and approved the dredging budget.");
        m.Body.ShouldBe("Harbour Council and the Port Commission");
        m.Date.ShouldBe(new DateOnly(2024, 3, 5));
    }

    [Fact]
    public void A_joint_meeting_with_another_party_stays_the_subjects_meeting()
    {
        var m = Extract.Single("The College of Wardens held a joint meeting with the Eastland government in Elmira on Thursday.");
        m.Body.ShouldBe("College of Wardens");
    }

    [Fact]
    public void A_second_meeting_coordinated_with_the_first_is_a_meeting_and_shares_its_speaker()
    {
        var r = Extract.Report("Ana Lind on Tuesday addressed the first meeting of the Harbour Council, and a meeting of the HBC and the Port Commission held to study the budget.");
        r.Meetings.Select(m => m.Body).ShouldBe(["Harbour Council", "HBC and the Port Commission"]);
        r.Meetings.ShouldAllBe(m => m.Participants.Single().Name == "Ana Lind" && m.Participants.Single().Role == ParticipantRole.Speaker);
    }

    [Fact]
    public void The_whole_body_that_convened_after_its_committee_is_a_second_meeting_on_the_same_day()
    {
        var r = Extract.Report("The security cabinet met on Tuesday and voted to approve the truce. The full cabinet then convened to vote on it. The truce is due to take effect on Sunday.");
        r.Meetings.Select(m => m.Body).ShouldBe(["Security cabinet", "Full cabinet"]);
        r.Meetings[1].Date.ShouldBe(new DateOnly(2024, 3, 5));
    }

    [Fact]
    public void A_day_the_meeting_was_slated_for_is_not_its_date()
    {
        var r = Extract.Report("The Harbour Council met on Tuesday. The Port Commission convened in the evening. It had been slated for Saturday but was brought forward.");
        r.Meetings.Count.ShouldBe(2);
        r.Meetings[1].Date.ShouldNotBe(new DateOnly(2024, 3, 2));
    }

    [Fact]
    public void A_bare_head_that_meets_takes_the_name_the_report_gives_that_body()
    {
        var m = Extract.Single("Lawmakers passed the harbour bill on Tuesday, one day ahead of the Legislative Council's regular meeting. In a separate statement, members of the Executive Council welcomed it. Speaker Ana Lind and members of the council met the press afterwards.");
        m.Body.ShouldBe("Legislative Council");
    }

    [Fact]
    public void A_meeting_presided_over_by_a_body_has_no_chair()
    {
        var m = Extract.Single("The Harbour Council held its plenary session on Tuesday. Presided over by the Standing Committee of the council, the session heard a work report. Ana Lind gave a speech.");
        m.Participants.ShouldNotContain(p => p.Role == ParticipantRole.Chair);
        m.RoleOf("Ana Lind").ShouldBe(ParticipantRole.Speaker);
    }

    [Theory]
    [InlineData("The Port Board met the day before and approved the levy.", 4)]
    [InlineData("The Port Board met a day earlier and approved the levy.", 4)]
    [InlineData("The Port Board met the following day and approved the levy.", 6)]
    [InlineData("The Port Board met a day later and approved the levy.", 6)]
    public void A_day_counted_from_the_meeting_before_dates_the_second_meeting(string second, int day)
    {
        var r = Extract.Report("The Harbour Council met on Tuesday and approved the port budget. " + second, "  ·  2024-03-07  ·   Source: Test Wire");
        r.Meetings.Count.ShouldBe(2);
        r.Meetings[0].Date.ShouldBe(new DateOnly(2024, 3, 5));
        r.Meetings[1].Date.ShouldBe(new DateOnly(2024, 3, day));
    }

    [Fact]
    public void A_lower_case_possessor_is_the_body_the_report_named()
    {
        var r = Extract.Report("The Harbour Council met on Tuesday and approved the port budget. The council's finance committee met the day before and approved the levy.");
        r.Meetings.Select(m => m.Body).ShouldBe(["Harbour Council", "Harbour Council's finance committee"]);
    }

    [Theory]
    [InlineData("Ahead of the annual sessions of the Harbour Council and the Port Commission, the Tariff Board met on Tuesday and approved the levy.")]
    [InlineData("The Tariff Board met on Tuesday and approved the levy before the Harbour Council and the Port Commission will hold their respective meetings.")]
    public void Sessions_of_other_bodies_in_passing_or_to_come_are_no_meetings(string text)
    {
        var m = Extract.Single(text);
        m.Body.ShouldBe("Tariff Board");
    }
}
