using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Resolutions;

public sealed class RateAndCollectiveTests
{
    [Fact]
    public void A_rate_decision_is_a_resolution()
    {
        var m = Extract.Single("The Monetary Board of the Bank of Lowland met on Tuesday. The board also lifted the overnight lending rate to 4.25 percent.");
        m.Resolutions.Select(r => r.Text).ShouldContain("the overnight lending rate to 4.25 percent");
    }

    [Fact]
    public void A_rate_verb_without_a_rate_is_not_a_resolution()
    {
        var m = Extract.Single("The Monetary Board met on Tuesday. The board held talks with bankers and raised questions about lending.");
        m.Resolutions.ShouldBeEmpty();
    }

    [Fact]
    public void Presidents_agreeing_at_a_summit_speak_for_the_meeting()
    {
        var m = Extract.Single("The 12th Summit of the River League was held on Monday in Port Ash. The presidents also agreed to open their borders to river freight.");
        m.Resolutions.Select(r => r.Text).ShouldContain("to open their borders to river freight");
    }

    [Fact]
    public void Deciding_that_after_a_comma_is_a_resolution_of_the_main_subject()
    {
        var m = Extract.Single("The Council of Ministers met on Monday to review the port budget, deciding that fees take effect from May.");
        m.Resolutions.Select(r => r.Text).ShouldContain("fees take effect from May");
    }

    [Fact]
    public void Invited_guests_are_not_a_directive()
    {
        var m = Extract.Single("The Council of Ministers met on Monday and invited three guests for its first part.");
        m.Resolutions.ShouldBeEmpty();
    }
}

public sealed class PossessorSubjectTests
{
    [Fact]
    public void A_possessor_of_the_meeting_subject_does_not_hide_the_meeting()
    {
        var m = Extract.Single("The Lind government's first formal cabinet meeting approved an urgent allocation of 80 million for the coast guard, the prime minister said on Wednesday.");
        m.Resolutions.Select(r => r.Text).ShouldBe(["an urgent allocation of 80 million for the coast guard"]);
    }
}
