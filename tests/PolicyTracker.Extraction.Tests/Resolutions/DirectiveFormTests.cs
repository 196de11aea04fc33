using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Resolutions;

// Directive forms beyond "the meeting called for X": communiqué paragraphs, numbered decision
// lists, time adverbials between verb and object, and clauses about the circumstances.
public sealed class DirectiveFormTests
{
    [Fact]
    public void Communique_paragraphs_opened_by_a_present_tense_verb_are_directives_of_the_meeting()
    {
        var m = Extract.Single("The Harbour Council met in Elmira on Monday and adopted conclusions. The Harbour Council:\n\n\u2013 decides to open fishing talks with Eastland;\n\n\u2013 invites the Port Commission to report by May on the new tariffs.");
        m.Resolutions.Select(r => r.Text).ShouldBe(["to open fishing talks with Eastland", "the Port Commission to report by May on the new tariffs"], ignoreOrder: true);
    }

    [Fact]
    public void Numbered_decisions_opened_by_a_gerund_are_resolutions_or_documents()
    {
        var m = Extract.Single("The Cabinet met on Tuesday and issued the following decisions:\n\n1. Approving a memorandum of understanding on fisheries with Eastland.\n\n2. Authorizing the Minister of Ports to negotiate a tariff agreement with Westland.");
        m.Resolutions.Select(r => r.Text).ShouldBe(["the Minister of Ports to negotiate a tariff agreement with Westland"]);
        m.Documents.Single().Title.ShouldBe("memorandum of understanding on fisheries with Eastland");
        m.Documents.Single().Action.ShouldBe(DocumentAction.Approved);
    }

    [Theory]
    [InlineData("The Harbour Council decided on Monday to raise the port tariff.")]
    [InlineData("The Harbour Council decided Monday to raise the port tariff.")]
    [InlineData("The Harbour Council decided yesterday to raise the port tariff.")]
    public void A_time_adverbial_after_the_verb_is_not_part_of_the_directive(string sentence)
    {
        var m = Extract.Single(sentence);
        m.Resolutions.Single().Text.ShouldBe("to raise the port tariff");
    }

    [Fact]
    public void A_participle_clause_about_the_decision_ends_the_directive()
    {
        var m = Extract.Single("The Harbour Board on Friday decided to cut the port tariff by half, delivering the first cut in a decade.");
        m.Resolutions.Single().Text.ShouldBe("to cut the port tariff by half");
    }

    [Fact]
    public void A_list_of_gerunds_is_one_directive_however_many_commas()
    {
        var m = Extract.Single("The Harbour Board met on Friday and called for stepping up inspections, improving the quays and raising pay.");
        m.Resolutions.Single().Text.ShouldBe("stepping up inspections, improving the quays and raising pay");
    }

    [Fact]
    public void A_clause_of_circumstance_after_as_ends_the_directive()
    {
        var m = Extract.Single("Mayor Ana Lind urged residents to stay indoors as she chaired a meeting of the Flood Council on Monday.");
        m.Resolutions.Single().Text.ShouldBe("residents to stay indoors");
    }
}
