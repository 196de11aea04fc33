using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Meetings;

public sealed class NumberedGatheringTests
{
    [Fact]
    public void Leaders_ending_their_numbered_summit_are_the_body_that_met()
    {
        var m = Extract.Single("GABORONE, Aug 17 -- Heads of State and Government of the Southern African Development Community (SADC) ended their 45th Summit on Sunday, chaired by President Kabelo Molefe of Botswana. The Summit approved the revised SADC Protocol on Trade in Services.");
        m.Body.ShouldNotBeNull().ShouldContain("Southern African Development Community");
        m.Body.ShouldNotContain("State and Government");
        m.Session.ShouldNotBeNull().ShouldStartWith("45th Summit");
        m.RoleOf("Kabelo Molefe").ShouldBe(ParticipantRole.Chair);
        m.Documents.ShouldHaveSingleItem().Action.ShouldBe(DocumentAction.Approved);
    }

    [Fact]
    public void A_capitalised_summit_without_a_numbered_possessive_is_still_no_meeting_of_its_own()
    {
        var r = Extract.Report("The foreign minister said on Monday he would travel to the Summit of the Americas next month.");
        r.Meetings.ShouldBeEmpty();
    }
}

public sealed class GroupingCommitteeTests
{
    [Fact]
    public void A_committee_of_a_grouping_is_one_body_and_its_co_chair_a_chair()
    {
        var r = Extract.Report("VIENNA, Feb 3 -- The 58th meeting of the OPEC+ Joint Ministerial Monitoring Committee (JMMC) was held via videoconference on Monday, chaired by Prince Faisal bin Khalid, Minister of Energy of Saudi Arabia, with Deputy Prime Minister Alexei Volkov of Russia as co-chair. The Committee urged the countries concerned to achieve full conformity.");
        var m = r.Meetings.ShouldHaveSingleItem();
        m.Body.ShouldBe("OPEC+ Joint Ministerial Monitoring Committee");
        m.RoleOf("Faisal bin Khalid").ShouldBe(ParticipantRole.Chair);
        m.RoleOf("Alexei Volkov").ShouldBe(ParticipantRole.Chair);
    }

    [Fact]
    public void Someone_appointed_as_chairman_is_not_a_chair_of_the_meeting()
    {
        var m = Extract.Single("The OPEC+ Joint Ministerial Monitoring Committee met on Monday and named Alexei Volkov as chairman of its technical panel.");
        m.Participants.ShouldNotContain(p => p.Name == "Alexei Volkov" && p.Role == ParticipantRole.Chair);
    }
}
