using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Documents;

// Documents the meeting published, shared verbs, briefings, and where a title does not end; invented sentences.
public sealed class PublishedAndBoundaryTests
{
    [Fact]
    public void The_meetings_own_text_named_before_published_is_issued()
    {
        var m = Extract.Single("The Harbour Summit met on Thursday. In its conclusions on fishing and shipping, published on Thursday evening, the summit:\n\n- decides to open a ferry route to Ardel;");
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("conclusions on fishing and shipping");
        m.Documents[0].Action.ShouldBe(DocumentAction.Issued);
    }

    [Fact]
    public void The_members_projections_released_with_the_statement_are_issued()
    {
        var m = Extract.Single("The Harbour Board met on Wednesday and kept its mooring rate unchanged. Members' new quarterly forecasts and projections, released with the statement, showed slower traffic.");
        m.Documents.ShouldContain(d => d.Title == "new quarterly forecasts and projections" && d.Action == DocumentAction.Issued);
    }

    [Fact]
    public void Another_bodys_published_report_is_not_the_meetings()
    {
        var m = Extract.Single("The Harbour Board met on Wednesday. The ministry's report, published on Monday, showed slower traffic.");
        m.Documents.ShouldBeEmpty();
    }

    [Fact]
    public void Deliberated_on_and_adopted_shares_the_object()
    {
        var m = Extract.Single("The Harbour Council met on Friday and deliberated on and adopted a regulation on mooring fees.");
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("regulation on mooring fees");
        m.Documents[0].Action.ShouldBe(DocumentAction.Adopted);
    }

    [Fact]
    public void Going_over_a_report_is_reviewing_it()
    {
        var m = Extract.Single("The Harbour Council met on Friday. The council also went over a report on the dredging works.");
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("report on the dredging works");
        m.Documents[0].Action.ShouldBe(DocumentAction.Reviewed);
    }

    [Fact]
    public void Reports_heard_without_a_determiner_are_briefings()
    {
        var m = Extract.Single("The Harbour Council met on Friday. The meeting heard reports from the port authority on the dredging works. Reports were also heard on the ferry timetable.");
        m.Documents.ShouldBeEmpty();
    }

    // The schema has no "heard" action: a report only heard was delivered to the meeting, which did nothing with
    // it a document action names; heard and then discussed, reviewed or passed, it is a document.
    [Theory]
    [InlineData("The Harbour Council met on Friday and heard a work report of the port authority.")]
    [InlineData("The Harbour Council met on Friday. The meeting heard a report on the flood situation and a report on the work of the relief office.")]
    [InlineData("The Harbour Council met on Friday. A report on the flood situation was heard.")]
    public void A_report_only_heard_is_a_briefing(string body) => Extract.Single(body).Documents.ShouldBeEmpty();

    [Theory]
    [InlineData("The Harbour Council met on Friday and heard and discussed a work report of the port authority.", DocumentAction.Discussed)]
    [InlineData("The Harbour Council met on Friday and heard and reviewed a work report of the port authority.", DocumentAction.Reviewed)]
    public void A_report_heard_and_acted_on_is_a_document(string body, DocumentAction action)
    {
        var d = Extract.Single(body).Documents.ShouldHaveSingleItem();
        d.Title.ShouldBe("work report of the port authority");
        d.Action.ShouldBe(action);
    }

    [Fact]
    public void An_agreement_between_two_parties_is_one_title()
    {
        var m = Extract.Single("The Harbour Council met on Friday and approved a draft law ratifying the agreement between the Republic of Ardel and the Bank for Reconstruction (BR) on harbour loans.");
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("draft law ratifying the agreement between the Republic of Ardel and the Bank for Reconstruction (BR) on harbour loans");
    }

    [Fact]
    public void A_second_document_after_a_between_phrase_is_still_split()
    {
        var m = Extract.Single("The Harbour Council met on Friday and approved a draft law ratifying the treaty between Ardel and Brisk on fishing, and a law on mooring fees.");
        m.Documents.Select(d => d.Title).ShouldBe(["draft law ratifying the treaty between Ardel and Brisk on fishing", "law on mooring fees"]);
    }

    [Fact]
    public void A_quoted_title_with_an_inner_and_is_one_document()
    {
        var m = Extract.Single("The Harbour Council met on Friday and discussed a draft of the \"Opinions of the Council and the Port Board on Renewing the Old Quays\".");
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("draft of the \"Opinions of the Council and the Port Board on Renewing the Old Quays\"");
    }

    [Fact]
    public void A_descriptive_appositive_is_not_a_second_document()
    {
        var m = Extract.Single("The Harbour Cabinet on Wednesday adopted the city's first Coastal Defence Strategy, a 30-page document that sets out how the port will face storms.");
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("city's first Coastal Defence Strategy");
    }

    [Fact]
    public void A_bare_definite_head_refers_back_to_the_document_named()
    {
        var m = Extract.Single("The Harbour Cabinet on Wednesday adopted the Coastal Defence Strategy. Ministers signed off on the paper at their weekly meeting.");
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("Coastal Defence Strategy");
        m.Documents[0].Action.ShouldBe(DocumentAction.Adopted);
    }

    [Fact]
    public void Confirming_earlier_decisions_is_a_resolution()
    {
        var m = Extract.Single("The Harbour Cabinet met on Wednesday and approved its earlier decisions of 3 May, after minor changes.");
        m.Documents.ShouldBeEmpty();
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldStartWith("its earlier decisions of 3 May");
    }

    [Fact]
    public void A_demonstrative_in_a_later_title_points_back_to_the_phrase_named_in_full()
    {
        var m = Extract.Single("The Harbour Council met on Friday and adopted a plan for the training of harbour pilots, and another document on the rules for that training.");
        m.Documents.Select(d => d.Title).ShouldBe(["plan for the training of harbour pilots", "document on the rules for the training of harbour pilots"]);
    }

    [Fact]
    public void A_possessive_head_points_back_to_the_body_named_with_it()
    {
        var m = Extract.Single("The Harbour Council met on Friday with the Board of the Pilots Committee of the North Quays, reviewing the draft plan for the committee's first congress for the 2026 term.");
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("draft plan for the first congress of the Pilots Committee of the North Quays for the 2026 term");
    }
}
