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
