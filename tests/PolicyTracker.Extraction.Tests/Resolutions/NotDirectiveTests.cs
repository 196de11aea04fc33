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
