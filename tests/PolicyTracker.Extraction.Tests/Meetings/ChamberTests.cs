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

public sealed class UnitedNationsContextTests
{
    [Fact]
    public void A_vote_with_abstaining_countries_is_the_UN_Security_Council_not_a_national_one()
    {
        var m = Extract.Single("The Security Council this morning adopted resolution 2740 (2024), extending the mandate of the United Nations Mission in South Sudan. Adopting the text by 13 votes in favour to none against, with 2 abstentions (China, Russian Federation), the Council requested the Secretary-General to present options.");
        m.Body.ShouldBe("UN Security Council");
    }
}
