using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Resolutions;

// Sentences that look like directives of the meeting but are not.
public sealed class NotDirectiveTests
{
    [Fact]
    public void What_an_adopted_text_demands_is_no_directive_of_the_meeting()
    {
        var m = Extract.Single("The Harbour Assembly on Wednesday adopted a resolution on fishing. The text deplores overfishing and demands that trawlers leave the bay.");
        m.Resolutions.ShouldBeEmpty();
        m.Documents.Single().Title.ShouldBe("resolution on fishing");
    }

    [Fact]
    public void A_directive_of_an_earlier_month_belongs_to_another_meeting()
    {
        var m = Extract.Single("The Harbour Council met on Tuesday and called for calm in the port. In January, the Harbour Council demanded a ceasefire between the fishing fleets.");
        m.Resolutions.Select(r => r.Text).ShouldBe(["calm in the port"]);
    }

    [Fact]
    public void A_clause_after_as_well_as_stays_in_the_directive()
    {
        var m = Extract.Single("The Harbour Council met on Tuesday and stressed the importance of safe quays, as well as the role the navy will play in keeping them safe.");
        m.Resolutions.Single().Text.ShouldBe("the importance of safe quays, as well as the role the navy will play in keeping them safe");
    }

    [Fact]
    public void Including_and_covering_continue_the_directive()
    {
        var m = Extract.Single("The Harbour Council met on Tuesday and decided to hold an inquiry into the flood, covering the port authority, the police and the navy.");
        m.Resolutions.Single().Text.ShouldBe("to hold an inquiry into the flood, covering the port authority, the police and the navy");
    }
}

public sealed class SpeakerScopeTests
{
    [Fact]
    public void What_several_members_said_in_a_background_clause_is_not_a_directive()
    {
        var m = Extract.Single("The Harbour Council met on Friday and decided to close the bay. The vote had been set for Saturday but was brought forward after several councillors said the holiday should not delay the closure.");
        m.Resolutions.Select(r => r.Text).ShouldBe(["to close the bay"]);
    }

    [Fact]
    public void A_recommendation_of_the_meeting_is_a_directive()
    {
        var m = Extract.Single("The security cabinet met on Friday and recommended that the government adopt the ceasefire deal.");
        m.Resolutions.Single().Text.ShouldBe("the government adopt the ceasefire deal");
    }

    [Fact]
    public void Names_after_chaired_by_end_at_the_next_clause()
    {
        var m = Extract.Single("During the meeting of the Harbour Council, which was chaired by Mayor Ana Lind, the mayor read out her letter to President Tomas Berg.");
        m.Names().ShouldBe(["Ana Lind"]);
    }

    [Fact]
    public void An_after_inside_a_relative_clause_leaves_the_main_verb_to_the_meeting()
    {
        var m = Extract.Single("The Harbour Council held its first meeting on Tuesday. The meeting, which came a day after the port reopened, called for stricter inspections.");
        m.Resolutions.Single().Text.ShouldBe("stricter inspections");
    }
}
