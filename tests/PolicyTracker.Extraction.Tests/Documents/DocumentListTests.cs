using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Documents;

// Documents laid out as a list after a colon, and title boundaries inside a list item.
public sealed class DocumentListTests
{
    [Fact]
    public void A_dash_bulleted_list_after_a_document_verb_and_a_colon_gives_one_document_per_line()
    {
        var m = Extract.Single("The Harbour Summit was held on Monday. Over two days the leaders issued:\n\n\u2013 the Elmira Leaders' Communiqu\u00e9;\n\n\u2013 the Elmira Vision on Clean Ports;\n\n\u2013 a statement on fisheries that widened catch limits.\n\nThe next summit will be held in Westport.");
        m.Documents.Select(d => d.Title).ShouldBe(["Elmira Leaders' Communiqu\u00e9", "Elmira Vision on Clean Ports", "statement on fisheries"], ignoreOrder: true);
        m.Documents.ShouldAllBe(d => d.Action == DocumentAction.Issued);
    }

    [Fact]
    public void The_following_documents_lead_a_list_and_are_not_a_document_themselves()
    {
        var m = Extract.Single("The Standing Committee of the Harbour Congress held its closing meeting on Friday. Members voted to adopt the following regulations:\n\n\u2014 Regulations of Elmira on Port Safety;\n\n\u2014 Decision on Amending the Fisheries Regulations of Elmira.");
        m.Documents.Select(d => d.Title).ShouldBe(["Regulations of Elmira on Port Safety", "Decision on Amending the Fisheries Regulations of Elmira"], ignoreOrder: true);
        m.Documents.ShouldAllBe(d => d.Action == DocumentAction.Adopted);
    }

    [Fact]
    public void A_numbered_list_of_draft_laws_after_the_following_is_read_item_by_item()
    {
        var m = Extract.Single("The Cabinet met on Friday. The Cabinet approved the following draft laws:\n- Draft Law establishing the Harbour Pension Scheme;\n- Draft Law on the ratification of the fisheries agreement with Eastland.\nThe Cabinet also welcomed new ministers.");
        m.Documents.Count.ShouldBe(2);
        m.Documents.ShouldAllBe(d => d.Action == DocumentAction.Approved);
    }
}

public sealed class SummaryListTests
{
    [Fact]
    public void A_summary_followed_by_among_them_and_a_colon_leads_a_bulleted_list()
    {
        var m = Extract.Single("The Harbour Council met on Monday. The meeting adopted a number of documents, among them:\n\n- a plan for the training of harbour pilots;\n\n- the draft agenda of the council's next session.");
        m.Documents.Select(d => d.Title).ShouldBe(["plan for the training of harbour pilots", "draft agenda of the council's next session"], ignoreOrder: true);
        m.Documents.ShouldAllBe(d => d.Action == DocumentAction.Adopted);
    }

    [Fact]
    public void Among_them_were_after_a_summary_sentence_names_the_documents_with_its_action()
    {
        var m = Extract.Single("Premier Ana Lind presided over a meeting of the Harbour Commission on Friday. Five documents were examined and approved at the meeting. Among them were a set of opinions on dredging the bay and the work rules of the commission.");
        m.Documents.Select(d => d.Title).ShouldContain("opinions on dredging the bay");
        m.Documents.ShouldAllBe(d => d.Action == DocumentAction.Approved);
    }
}
