using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Documents;

public sealed class AppositiveListTests
{
    [Fact]
    public void Documents_named_after_among_them_are_the_documents_acted_on()
    {
        var m = Extract.Single(
            "The Harbour Council met on Monday. It voted to approve a number of regulations drafted by the port towns, among them the Berth Fees Regulations of Elmira, the Regulations of Dunmore on Fish Markets and the Pilotage Regulations of Ash Bay.");
        m.Documents.Select(d => d.Title).ShouldBe(
            ["Berth Fees Regulations of Elmira", "Regulations of Dunmore on Fish Markets", "Pilotage Regulations of Ash Bay"],
            ignoreOrder: true,
            customMessage: string.Join(" | ", m.Documents.Select(d => d.Title)));
    }

    [Fact]
    public void Voted_to_approve_a_number_of_documents_is_a_document_action_not_a_resolution()
    {
        var m = Extract.Single("The Harbour Council met on Monday and voted to approve a number of port regulations.");
        m.Resolutions.ShouldBeEmpty();
        m.Documents.ShouldHaveSingleItem().Action.ShouldBe(DocumentAction.Approved);
    }
}

public sealed class FrameBeforeObjectTests
{
    [Fact]
    public void A_meeting_frame_between_the_verb_and_the_document_is_skipped()
    {
        var m = Extract.Single("The Lowland government approved at its meeting the same day a memorandum giving effect to the river treaty.");
        m.Resolutions.ShouldBeEmpty();
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("memorandum giving effect to the river treaty");
    }
}

public sealed class TitledLaterTests
{
    [Fact]
    public void A_later_titled_appositive_names_the_document()
    {
        var m = Extract.Single("The River Assembly on Tuesday adopted a resolution urging upstream states to share water. The resolution, titled \"Water for All\", was tabled by Lowland.");
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("resolution Water for All");
    }

    [Fact]
    public void Such_a_statement_is_no_new_document()
    {
        var m = Extract.Single("The River Assembly on Tuesday issued a statement on floods. \"It matters that the assembly issued such a statement,\" the chair said.");
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("statement on floods");
    }
}
