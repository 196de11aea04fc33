using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Resolutions;

// Readout verbs that take note, defer or give the go-ahead, and a directive coordinated after a that-clause of saying.
public sealed class WithholdingAndNotingTests
{
    [Fact]
    public void Taking_note_of_a_report_reviews_it()
    {
        var m = Extract.Single("The Harbour Council met on Tuesday. Members took note of the annual report of the Pilotage Board and endorsed its findings.");
        var d = m.Documents.ShouldHaveSingleItem();
        d.Title.ShouldBe("annual report of the Pilotage Board");
        d.Action.ShouldBe(DocumentAction.Reviewed);
    }

    [Fact]
    public void Taking_note_with_appreciation_of_a_report_reviews_it()
    {
        var m = Extract.Single("The Harbour Council met on Tuesday. The Council took note with appreciation of the report of the Pilotage Board and requested the Secretariat to circulate it.");
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("report of the Pilotage Board");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("the Secretariat to circulate it");
    }

    [Fact]
    public void Taking_note_of_progress_is_no_document_and_no_directive()
    {
        var m = Extract.Single("The Harbour Council met on Tuesday and took note of the progress made on the new breakwater.");
        m.Documents.ShouldBeEmpty();
        m.Resolutions.ShouldBeEmpty();
    }

    [Fact]
    public void Giving_the_go_ahead_for_a_project_is_a_resolution()
    {
        var m = Extract.Single("The Harbour Council met on Tuesday and gave the go-ahead for dredging the inner basin.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("dredging the inner basin");
    }

    [Fact]
    public void A_deferred_decision_ends_the_document_before_it_and_issues_nothing()
    {
        var m = Extract.Single("The Harbour Council met on Tuesday, approved the Quayside Lighting Plan and deferred a decision on the mooring fees until March.");
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("Quayside Lighting Plan");
        m.Resolutions.ShouldBeEmpty();
    }

    [Fact]
    public void A_postponed_vote_issues_nothing()
    {
        var m = Extract.Single("The Harbour Council met on Tuesday, cleared the draft ferry regulation and postponed the vote on the mooring fees.");
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("draft ferry regulation");
        m.Resolutions.ShouldBeEmpty();
    }

    [Fact]
    public void A_directive_after_a_noted_that_clause_is_the_meeting_s()
    {
        var m = Extract.Single("The Harbour Council met on Tuesday. It noted that traffic had grown by a tenth. It also noted that the ferry fund would be topped up, and called for faster repairs to the slipway.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("faster repairs to the slipway");
    }

    [Fact]
    public void A_directive_after_what_another_speaker_noted_is_not_the_meeting_s()
    {
        var m = Extract.Single("Mayor Ilse Varga chaired the Harbour Council on Tuesday. The port engineer Tomas Brandt noted that the quays were ageing, and called for a survey of the piles.");
        m.Resolutions.ShouldBeEmpty();
    }
}
