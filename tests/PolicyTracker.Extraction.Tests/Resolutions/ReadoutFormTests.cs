using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Resolutions;

// Directive forms of published readouts and communiqués, and the false ones around them; invented sentences.
public sealed class ReadoutFormTests
{
    [Fact]
    public void An_infinitive_decision_with_a_perfect_in_its_condition_is_still_a_decision()
    {
        var m = Extract.Single("The Harbour Council met on Monday. The council also agreed to open an inquiry into the flooding, and to hold a memorial once the families had been consulted.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("to open an inquiry into the flooding, and to hold a memorial once the families had been consulted");
    }

    [Fact]
    public void A_view_attributed_after_it_is_the_speakers_not_the_meetings()
    {
        var m = Extract.Single("Chairman Ivo Marek presided over a meeting of the Harbour Council on Monday. The ferry service should be kept running through the winter, Marek said.");
        m.Resolutions.ShouldBeEmpty();
    }

    [Fact]
    public void A_view_attributed_in_a_parenthesis_is_the_speakers()
    {
        var m = Extract.Single("Chairman Ivo Marek presided over a meeting of the Harbour Council on Monday. In their daily work, Marek said, the harbour pilots should log every delay.");
        m.Resolutions.ShouldBeEmpty();
    }

    [Fact]
    public void What_the_meeting_says_must_be_done_is_its_directive()
    {
        var m = Extract.Single("The Harbour Council met on Monday. The quays must be repaired before the winter, the meeting said.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("The quays must be repaired before the winter");
    }

    [Fact]
    public void Reiterating_a_stance_is_no_new_directive()
    {
        var m = Extract.Single("The Harbour Council met on Monday and reiterated its support for the fishing fleet.");
        m.Resolutions.ShouldBeEmpty();
    }

    [Fact]
    public void Endorsing_a_proposal_is_a_directive_not_a_document()
    {
        var m = Extract.Single("The Harbour Council met on Monday. Members endorsed the mayor's proposal to build a second ferry terminal.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("the mayor's proposal to build a second ferry terminal");
        m.Documents.ShouldBeEmpty();
    }

    [Fact]
    public void Endorsing_the_past_work_of_a_body_is_an_assessment()
    {
        var m = Extract.Single("The Harbour Assembly met on Monday and fully endorsed the work of its standing committee since the last session.");
        m.Resolutions.ShouldBeEmpty();
    }

    [Fact]
    public void A_communique_item_opening_with_a_present_tense_directive_is_the_meetings()
    {
        var m = Extract.Single("The Harbour Summit ended on Monday. In its final text, the summit:\n\n- Stresses the need to keep the straits open to shipping;\n\n- Demands the release of the detained crews.");
        m.Resolutions.Select(r => r.Text).ShouldBe(["the need to keep the straits open to shipping", "the release of the detained crews"]);
    }

    [Fact]
    public void A_verb_coordinated_in_a_verb_initial_communique_item_is_the_meetings()
    {
        var m = Extract.Single("The Harbour Summit ended on Monday. In its final text, the summit:\n\n- will open talks with the river ports once the dredging is done, and invites the port board to report by June.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("the port board to report by June");
    }

    [Fact]
    public void The_subject_after_a_leading_phrase_and_an_appositive_is_found()
    {
        var m = Extract.Single("Chairman Ivo Marek presided over a meeting of the Harbour Council on Monday. Closing the meeting, Marek, who also heads the port board, urged faster repairs to the east quay.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("faster repairs to the east quay");
    }

    [Fact]
    public void A_body_with_an_appositive_after_a_meeting_frame_is_the_subject()
    {
        var m = Extract.Single("At the end of a two-day meeting, the Harbour Board, the port's five-member governing panel, decided to raise the mooring fees.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("to raise the mooring fees");
    }

    [Fact]
    public void A_call_inside_a_reported_clause_has_its_own_subject()
    {
        var m = Extract.Single("The Harbour Board met on Monday. Its statement said the board would watch the tides closely, adding that the changing weather called for constant vigilance.");
        m.Resolutions.ShouldBeEmpty();
    }

    [Fact]
    public void A_participle_after_a_decision_shares_its_subject_and_ends_its_object()
    {
        var m = Extract.Single("The Harbour Board met on Monday. Members agreed to extend the fishing season until May, stressing the importance of the quotas.");
        m.Resolutions.Select(r => r.Text).ShouldBe(["to extend the fishing season until May", "the importance of the quotas"]);
    }

    [Fact]
    public void A_participle_after_an_adopted_document_is_a_decision()
    {
        var m = Extract.Single("The Harbour Board met on Monday. The board deliberated on the draft harbour rules and approved them, deciding that the rules take effect at once.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("the rules take effect at once");
    }

    [Fact]
    public void A_relative_clause_inside_the_subject_of_a_that_clause_does_not_end_it()
    {
        var m = Extract.Single("The Harbour Board met on Monday. The board underlined that any plan to close the north pier, which serves the ferries, would be rejected.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("any plan to close the north pier, which serves the ferries, would be rejected");
    }

    [Fact]
    public void A_time_appositive_or_a_participle_before_a_name_ends_a_directive()
    {
        var m = Extract.Single("The Harbour Board met on Monday and decided to join the coastal alliance, a day after its neighbours did the same. Members also approved the lease of the west quay, bringing Portmere into the scheme.");
        m.Resolutions.Select(r => r.Text).ShouldBe(["to join the coastal alliance", "the lease of the west quay"]);
    }

    [Fact]
    public void A_decision_summed_up_in_the_lead_and_restated_in_full_counts_once()
    {
        var m = Extract.Single("The Harbour Summit agreed on Monday to open ferry routes to Ardel and Brisk. In its final text, the summit:\n\n- decides to open ferry routes to Ardel and to the Republic of Brisk;");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("to open ferry routes to Ardel and to the Republic of Brisk");
    }

    [Fact]
    public void Two_decisions_on_different_places_are_not_a_restatement()
    {
        var m = Extract.Single("The Harbour Summit met on Monday. It decided to open a ferry route to Ardel. It also decided to open a ferry route to Brisk.");
        m.Resolutions.Count.ShouldBe(2);
    }

    [Fact]
    public void A_meeting_held_in_another_month_is_another_meeting()
    {
        var m = Extract.Single("The Harbour Board met on 20 April and approved three dredging projects. Its first meeting of the year, held in January, cleared two ferry projects.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("three dredging projects");
    }
}
