using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Documents;

// Document constructions of published readouts of many kinds (EU councils, cabinets, parliaments, summits); invented sentences.
public sealed class GeneralDocumentTests
{
    [Theory]
    [InlineData("The Harbour Council agreed its general approach on a regulation on pilot licences.", "general approach on a regulation on pilot licences")]
    [InlineData("The Harbour Council agreed on a general approach on a regulation on pilot licences.", "general approach on a regulation on pilot licences")]
    [InlineData("The Harbour Council reached a negotiating mandate on the ferry safety directive.", "negotiating mandate on the ferry safety directive")]
    [InlineData("The Harbour Council agreed its position on the ferry safety directive.", "position on the ferry safety directive")]
    public void Agreeing_a_position_of_the_council_adopts_a_document(string sentence, string title)
    {
        var m = Extract.Single("The Harbour Council met on Monday. " + sentence);
        var d = m.Documents.ShouldHaveSingleItem();
        d.Title.ShouldBe(title);
        d.Action.ShouldBe(DocumentAction.Adopted);
        m.Resolutions.ShouldBeEmpty();
    }

    [Fact]
    public void Agreeing_to_extend_a_declaration_is_a_decision_not_a_document()
    {
        var m = Extract.Single("The Harbour Council met on Monday. Ministers agreed to extend the Declaration of Cooperation until 2027.");
        m.Documents.ShouldBeEmpty();
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("to extend the Declaration of Cooperation until 2027");
    }

    [Fact]
    public void A_general_approach_is_a_document_but_a_bare_approach_is_not()
    {
        var m = Extract.Single("The Harbour Council met on Monday and adopted a new approach to pilot training.");
        m.Documents.ShouldBeEmpty();
    }

    [Fact]
    public void A_proper_title_with_a_parenthesis_is_a_document()
    {
        var m = Extract.Single("The Harbour Assembly on Thursday passed the Pilotage (Amendment) Bill, 2025, after a long debate.");
        var d = m.Documents.ShouldHaveSingleItem();
        d.Title.ShouldBe("Pilotage (Amendment) Bill, 2025");
        d.Action.ShouldBe(DocumentAction.Passed);
    }

    [Fact]
    public void A_present_perfect_of_the_meeting_approves_a_policy()
    {
        var m = Extract.Single("The Harbour Cabinet chaired by Premier Ana Ruiz on Monday has approved the National Ferry Policy 2025 to cut crossing times.");
        var d = m.Documents.ShouldHaveSingleItem();
        d.Title.ShouldStartWith("National Ferry Policy 2025");
        d.Action.ShouldBe(DocumentAction.Approved);
    }

    [Fact]
    public void What_the_meeting_had_approved_before_is_no_document_of_it()
    {
        var m = Extract.Single("The Harbour Cabinet met on Monday. In 2019 it had approved the National Ferry Policy.");
        m.Documents.ShouldBeEmpty();
    }

    [Fact]
    public void Having_given_its_approval_to_a_memorandum_approves_it()
    {
        var m = Extract.Single("The Harbour Cabinet met on Monday. The Cabinet has also given its approval to the Memorandum of Understanding between Norland and Estmark on ferry safety.");
        var d = m.Documents.ShouldHaveSingleItem();
        d.Title.ShouldBe("Memorandum of Understanding between Norland and Estmark on ferry safety");
        d.Action.ShouldBe(DocumentAction.Approved);
    }

    [Fact]
    public void The_plan_itself_takes_the_subject_of_the_plan_the_report_was_on()
    {
        var m = Extract.Single("The Harbour Assembly closed its session on Monday. Deputies gave their approval to a report on how the 2024 port development plan was carried out and on the draft plan for 2025, and approved the 2025 plan itself.");
        m.Documents.Select(d => d.Title).ShouldBe(["report on how the 2024 port development plan was carried out and on the draft plan for 2025", "2025 plan for port development"]);
    }

    [Fact]
    public void The_plan_itself_after_a_plan_with_a_for_phrase_keeps_it()
    {
        var m = Extract.Single("The Harbour Assembly closed its session on Monday. Deputies gave their approval to a report on the 2024 plan for port development and on the draft plan for 2025, and approved the 2025 plan itself.");
        m.Documents.Select(d => d.Title).ShouldContain("2025 plan for port development");
    }

    [Fact]
    public void The_plan_itself_without_a_year_is_the_plan_with_that_subject()
    {
        var m = Extract.Single("The Harbour Assembly closed its session on Monday. Deputies gave their approval to a report on how the 2024 port development plan was carried out, and approved the plan itself.");
        m.Documents.Select(d => d.Title).ShouldContain("plan for port development");
    }

    [Theory]
    [InlineData("The Harbour Summit wrapped up on Monday with a statement on ferry safety.", "statement on ferry safety", DocumentAction.Issued)]
    [InlineData("Leaders of the Harbour Summit wrapped up their summit on Monday with a statement on ferry safety.", "statement on ferry safety", DocumentAction.Issued)]
    [InlineData("The Harbour Summit concluded its meeting on Monday with the adoption of a joint communique.", "joint communique", DocumentAction.Adopted)]
    public void A_meeting_that_ends_with_a_text_acts_on_it(string sentence, string title, DocumentAction action)
    {
        var m = Extract.Single(sentence);
        var d = m.Documents.ShouldHaveSingleItem();
        d.Title.ShouldBe(title);
        d.Action.ShouldBe(action);
    }

    [Fact]
    public void Meeting_with_someone_is_no_closing_text()
    {
        var m = Extract.Single("The Harbour Summit ended on Monday. Leaders met with a delegation of the ferry operators.");
        m.Documents.ShouldBeEmpty();
    }
}

public sealed class ListAndObligationFormTests
{
    [Fact]
    public void Documents_on_two_gerund_subjects_are_two_documents()
    {
        var m = Extract.Single("The Harbour Council met on Monday. The meeting adopted documents on speeding up the dredging of the outer channel and strengthening pilot training.");
        m.Documents.Select(d => d.Title).ShouldBe(["document on speeding up the dredging of the outer channel", "document on strengthening pilot training"]);
    }

    [Fact]
    public void A_letter_o_bullet_lists_the_documents_of_a_lead()
    {
        var m = Extract.Single("The Harbour Council met on Monday and approved the following draft laws:\no Draft law on pilotage in the outer harbour;\no Draft law establishing the Harbour Safety Board.");
        m.Documents.Select(d => d.Title).ShouldBe(["Draft law on pilotage in the outer harbour", "Draft law establishing the Harbour Safety Board"]);
    }

    [Fact]
    public void An_obligation_said_by_the_meeting_after_the_verb_is_its_directive()
    {
        var m = Extract.Single("The Harbour Council met on Monday. It is necessary to keep the locks open all winter, said the meeting.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("It is necessary to keep the locks open all winter");
    }

    [Fact]
    public void It_was_also_decided_that_is_the_meetings_decision()
    {
        var m = Extract.Single("The Harbour Council met on Monday. It was also decided that the ferry fares would be frozen until June.");
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldBe("the ferry fares would be frozen until June");
    }
}
