using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Resolutions;

// Directive constructions of published readouts of many kinds (cabinets, councils, summits, plenums); invented sentences.
public sealed class GeneralReadoutTests
{
    [Fact]
    public void A_verb_after_the_comma_of_a_series_shares_the_subject()
    {
        var m = Extract.Single("Premier Ana Ruiz presided over a meeting of the Harbour Council on Monday. The meeting discussed a draft revision to the pilotage law, adopted the draft in principle, and decided that it should be sent to the assembly for deliberation.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("it should be sent to the assembly for deliberation");
        var d = m.Documents.ShouldHaveSingleItem();
        d.Title.ShouldBe("draft revision to the pilotage law");
        d.Action.ShouldBe(DocumentAction.Adopted);
    }

    [Fact]
    public void A_participle_with_its_agent_after_a_comma_is_no_verb_of_the_series()
    {
        var m = Extract.Single("The Harbour Council met on Monday. The council discussed the pilotage plan, adopted by the port board last year, and decided to extend it.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("to extend it");
    }

    [Fact]
    public void An_obligation_according_to_the_meeting_is_its_directive()
    {
        var m = Extract.Single("The Harbour Council met on Monday. Port operators should publish their tariffs every quarter, according to the meeting.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("Port operators should publish their tariffs every quarter");
    }

    [Fact]
    public void An_obligation_opened_by_according_to_the_meeting_is_its_directive()
    {
        var m = Extract.Single("The Harbour Council met on Monday. According to the meeting, the quays must be dredged before the winter.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("the quays must be dredged before the winter");
    }

    [Fact]
    public void What_officials_say_is_not_according_to_the_meeting()
    {
        var m = Extract.Single("The Harbour Council met on Monday. Port operators should publish their tariffs, according to officials.");
        m.Resolutions.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("The session held that the province must deepen its reform of the ports.", "the province must deepen its reform of the ports")]
    [InlineData("The meeting pointed out that efforts should be made to cut the waiting time at the locks.", "efforts should be made to cut the waiting time at the locks")]
    [InlineData("The meeting noted that the river ports must share their dredgers.", "the river ports must share their dredgers")]
    public void A_that_clause_of_the_meeting_stating_an_obligation_is_a_directive(string sentence, string expected)
    {
        var m = Extract.Single("The Harbour Council met on Monday. " + sentence);
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe(expected);
    }

    [Fact]
    public void A_that_clause_of_the_meeting_without_an_obligation_is_an_assessment()
    {
        var m = Extract.Single("The Harbour Council met on Monday. The meeting noted that traffic had grown, and that the locks should be repaired.");
        m.Resolutions.ShouldBeEmpty();
    }

    [Fact]
    public void Leaders_committed_to_a_course_is_a_directive()
    {
        var m = Extract.Single("The Harbour Summit ended on Monday. In their statement, the leaders committed to building a shared ferry fleet.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("to building a shared ferry fleet");
    }

    [Fact]
    public void Remaining_committed_is_no_directive()
    {
        var m = Extract.Single("The Harbour Summit ended on Monday. The leaders remained committed to the ferry treaty.");
        m.Resolutions.ShouldBeEmpty();
    }

    [Fact]
    public void A_first_person_communique_speaks_for_the_meeting()
    {
        var m = Extract.Single("Leaders of the Harbour Summit met on Monday. We agree to open the northern channel to all shipping by 2027.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("to open the northern channel to all shipping by 2027");
    }

    [Fact]
    public void A_quoted_we_of_another_speaker_is_not_the_meeting()
    {
        var m = Extract.Single("Chairman Ivo Marek presided over a meeting of the Harbour Council on Monday. \"We decided to close the old quay,\" said port director Lena Holm, who attended.");
        m.Resolutions.ShouldBeEmpty();
    }

    [Fact]
    public void An_outcome_the_chair_quotes_is_the_meetings_and_ends_at_the_quote()
    {
        var m = Extract.Single("Chairman Ivo Marek presided over a meeting of the Harbour Council on Monday. \"We have decided to hold an extra session in June,\" Marek said.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("to hold an extra session in June");
    }

    [Fact]
    public void A_present_perfect_of_the_meeting_approves_its_object()
    {
        var m = Extract.Single("The Harbour Cabinet chaired by Premier Ana Ruiz on Monday has approved the setting up of two new ferry lines at a cost of 40 million euros.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("the setting up of two new ferry lines at a cost of 40 million euros");
    }

    [Fact]
    public void A_summary_inside_its_fuller_restatement_is_kept_once()
    {
        var m = Extract.Single("The Harbour Summit ended on Monday. Leaders agreed to admit Norland, Estmark and Varia as members. \"We have decided to admit the Kingdom of Norland, the Republic of Estmark and the Federal Republic of Varia as full members of the union,\" the summit said.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldStartWith("to admit the Kingdom of Norland");
    }
}
