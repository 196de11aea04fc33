using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Documents;

public sealed class DocumentTests
{
    [Fact]
    public void A_series_of_documents_is_split_with_kinds()
    {
        var m = Extract.Single("The Reform Commission held a meeting on Monday. The meeting reviewed a guideline on rural schools, an opinion on teacher pay and a plan for school meals.");
        m.Documents.Select(d => d.Title).ShouldBe(["guideline on rural schools", "opinion on teacher pay", "plan for school meals"]);
        m.Documents.Select(d => d.Kind).ShouldBe(["guideline", "opinion", "plan"]);
        m.Documents.ShouldAllBe(d => d.Action == DocumentAction.Reviewed);
    }

    [Fact]
    public void Another_one_takes_the_kind_of_the_document_before_it()
    {
        var m = Extract.Single("The Security Commission held a meeting on Monday. The meeting adopted a document on border patrols and another one on cyber defence.");
        m.Documents.Select(d => d.Title).ShouldBe(["document on border patrols", "document on cyber defence"]);
    }

    [Fact]
    public void Reviewed_and_approved_is_approved_and_adopted_in_principle_is_adopted()
    {
        var m = Extract.Single("The State Board held an executive meeting on Monday. Draft rules on archives were reviewed and approved at the meeting. Participants discussed a draft water law and adopted it in principle.");
        m.Documents.Select(d => (d.Title, d.Action)).ShouldBe([("Draft rules on archives", DocumentAction.Approved), ("draft water law", DocumentAction.Adopted)]);
    }

    [Fact]
    public void The_two_drafts_refers_back_to_the_drafts_named_before()
    {
        var r = Extract.Report("The Standing Committee held its first meeting on Sunday afternoon. Members were briefed on a draft decision on new committees, as well as on a draft list of their directors. The two drafts had been deliberated and approved on Sunday morning at the first meeting of the Presidents' Council.");
        r.Meetings[0].Documents.ShouldBeEmpty();
        r.Meetings[1].Documents.Select(d => d.Title).ShouldBe(["draft decision on new committees", "draft list of their directors"]);
        r.Meetings[1].Documents.ShouldAllBe(d => d.Action == DocumentAction.Approved);
    }

    [Fact]
    public void Shared_heads_are_distributed_and_summaries_are_skipped()
    {
        var m = Extract.Single("The Assembly held its closing meeting on Monday. The cabinet approved three bills. The work reports of the Supreme Court and the Audit Office were approved as well.");
        m.Documents.Select(d => d.Title).ShouldBe(["work report of the Supreme Court", "work report of the Audit Office"]);
    }

    [Fact]
    public void Documents_of_another_body_are_not_the_meetings()
    {
        var m = Extract.Single("The Water Council held a meeting on Monday. It discussed a plan that had been approved by the Central Committee. The campaign had been approved by the Central Committee.");
        m.Documents.Select(d => d.Title).ShouldBe(["plan that had been approved by the Central Committee"]);
    }

    [Fact]
    public void Spans_of_documents_cover_their_title_in_the_text()
    {
        var text = "Head\n  ·  2024-03-06  ·   Source: Wire\n\nThe Cabinet held a meeting on Monday. It passed a law on fisheries.";
        var d = ReportExtractor.Default.Extract(text).Meetings.Single().Documents.Single();
        d.Span.Of(text).ShouldBe("law on fisheries");
        d.Action.ShouldBe(DocumentAction.Passed);
    }
}
