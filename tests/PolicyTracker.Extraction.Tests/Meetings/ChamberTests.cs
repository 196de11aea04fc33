using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Meetings;

public sealed class ChamberTests
{
    [Fact]
    public void The_House_is_a_chamber_and_the_reading_stage_is_not_part_of_the_bill()
    {
        var m = Extract.Single("The House on Tuesday approved on third and final reading House Bill 10456, the proposed Open Access in Data Transmission Act, with 198 affirmative votes. Deputy Speaker Ramon Villanueva presided over the session.");
        m.Body.ShouldBe("House");
        m.RoleOf("Ramon Villanueva").ShouldBe(ParticipantRole.Chair);
        var d = m.Documents.ShouldHaveSingleItem();
        d.Title.ShouldBe("House Bill 10456, the proposed Open Access in Data Transmission Act");
        d.Action.ShouldBe(DocumentAction.Approved);
    }

    [Theory]
    [InlineData("The cabinet met at Government House on Monday and approved the budget.", "cabinet")]
    [InlineData("The president convened the security council at the White House on Monday and approved the plan.", "security council")]
    public void A_building_named_House_is_no_chamber(string body, string expected) =>
        Extract.Single(body).Body!.ToLowerInvariant().ShouldContain(expected);
}
