using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Documents;

public sealed class ReducedRelativeTests
{
    [Fact]
    public void The_statement_it_issued_is_a_document_the_meeting_issued()
    {
        var m = Extract.Single("The Lowland Rate Committee met on Wednesday. In the policy statement it issued after the meeting, the committee said prices were steady.");
        var d = m.Documents.ShouldHaveSingleItem();
        d.Title.ShouldBe("policy statement");
        d.Action.ShouldBe(DocumentAction.Issued);
    }

    [Fact]
    public void A_statement_someone_else_issued_is_not_the_meeting_s()
    {
        var m = Extract.Single("The Lowland Rate Committee met on Wednesday. In the statement he issued later, the governor said prices were steady.");
        m.Documents.ShouldBeEmpty();
    }
}
