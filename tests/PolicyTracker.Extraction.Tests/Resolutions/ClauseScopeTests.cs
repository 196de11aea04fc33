using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Resolutions;

// Where a directive's clause belongs to something other than the meeting's act, or runs on.
public sealed class ClauseScopeTests
{
    [Fact]
    public void Two_that_clauses_of_one_verb_are_one_resolution()
    {
        var m = Extract.Single("The Harbour Council met on Tuesday and decided that the old pier would close for a year, and that its traders would move to the east quay.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("the old pier would close for a year, and that its traders would move to the east quay");
    }

    [Fact]
    public void An_impersonal_decision_lists_one_resolution_per_that_clause()
    {
        var m = Extract.Single("The Harbour Council met on Tuesday. It was decided that the old pier be closed for a year, and that its traders be moved to the east quay.");
        m.Resolutions.Select(r => r.Text).ShouldBe(["the old pier be closed for a year", "its traders be moved to the east quay"]);
    }

    [Fact]
    public void A_conditional_participle_is_no_directive()
    {
        var m = Extract.Single("The Harbour Council met on Tuesday and adopted a report on dredging. The report goes to the assembly and, once approved there, to the ministry.");
        m.Resolutions.ShouldBeEmpty();
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("report on dredging");
    }

    [Fact]
    public void What_the_chair_had_earlier_asked_is_an_act_before_the_meeting()
    {
        var m = Extract.Single("Mayor Ilse Varga chaired a meeting of the Harbour Council on Tuesday, which called for a new ferry. Varga had earlier asked the port engineer to survey the quays.");
        m.Resolutions.Select(r => r.Text).ShouldBe(["a new ferry"]);
    }

    [Fact]
    public void It_after_a_sentence_on_what_a_text_says_is_the_text()
    {
        var m = Extract.Single("The Harbour Assembly on Wednesday adopted a resolution on fishing. The text deplores overfishing. It also calls on the fleets to respect the quotas.");
        m.Resolutions.ShouldBeEmpty();
    }

    [Fact]
    public void It_after_a_sentence_on_the_meeting_is_the_meeting()
    {
        var m = Extract.Single("The Harbour Assembly met on Wednesday and adopted a resolution on fishing. It also called on the fleets to respect the quotas.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("the fleets to respect the quotas");
    }

    [Fact]
    public void A_decision_whose_later_clause_is_perfect_is_still_a_decision()
    {
        var m = Extract.Single("The Harbour Council met on Tuesday and agreed that the port would reopen once the dredging has been finished.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("the port would reopen once the dredging has been finished");
    }

    [Fact]
    public void What_a_meeting_agreed_has_happened_is_an_assessment()
    {
        var m = Extract.Single("The Harbour Council met on Tuesday and agreed that the dredging has gone well.");
        m.Resolutions.ShouldBeEmpty();
    }

    [Fact]
    public void The_chair_and_the_body_together_decide_for_the_meeting()
    {
        var m = Extract.Single("President Ilse Varga chaired a joint meeting of the Harbour Council on Tuesday. The president and the council agreed that the port would reopen in May.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("the port would reopen in May");
    }

    [Fact]
    public void An_appointment_the_meeting_made_is_a_resolution()
    {
        var m = Extract.Single("The Harbour Council met on Tuesday. The council named Ilse Varga, a member of the harbour board, as spokesperson for the spring session.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("Ilse Varga, a member of the harbour board, as spokesperson for the spring session");
    }

    [Fact]
    public void A_body_named_after_someone_is_no_appointment()
    {
        var m = Extract.Single("The Harbour Council met on Tuesday in a hall named Varga Hall after its founder.");
        m.Resolutions.ShouldBeEmpty();
    }
}
