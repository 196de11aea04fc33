using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Documents;

public sealed class BriefingTests
{
    [Fact]
    public void Documents_a_meeting_was_briefed_on_are_discussed_one_per_on()
    {
        var m = Extract.Single(
            "The Lowland Council held a consultative meeting on Tuesday. Members were briefed on the plan for reforming the river agencies, on a list of candidates for the port board, and on a list of candidates for the grain board.");
        m.Documents.Select(d => d.Title).ShouldBe(
            ["plan for reforming the river agencies", "list of candidates for the port board", "list of candidates for the grain board"],
            customMessage: string.Join(" | ", m.Documents.Select(d => d.Title)));
        m.Documents.ShouldAllBe(d => d.Action == DocumentAction.Discussed);
    }

    [Fact]
    public void A_briefing_on_drafts_another_meeting_approved_leaves_them_to_that_meeting()
    {
        var r = Extract.Report("The Harbour Board held its first meeting on Monday afternoon. Members were briefed on a draft charter of the board and on a draft list of its officers. The two drafts had been approved on Monday morning at the first meeting of the Pilots' Council.");
        r.Meetings[0].Documents.ShouldBeEmpty();
    }
}
