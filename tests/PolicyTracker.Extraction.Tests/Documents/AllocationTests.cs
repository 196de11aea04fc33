using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Documents;

public sealed class AllocationTests
{
    [Fact]
    public void Approving_a_budget_for_a_purpose_is_a_resolution()
    {
        var m = Extract.Single("The Cabinet of Lowland met on Tuesday and approved a budget to rebuild the river dikes.");
        m.Documents.ShouldBeEmpty();
        m.Resolutions.ShouldHaveSingleItem().Text.ShouldContain("budget to rebuild the river dikes");
    }

    [Fact]
    public void Approving_a_sum_named_by_its_amount_is_a_resolution()
    {
        var m = Extract.Single("The Cabinet of Lowland met on Tuesday and approved an extra allocation of 40 million crowns for schools.");
        m.Documents.ShouldBeEmpty();
        m.Resolutions.ShouldHaveSingleItem();
    }

    [Fact]
    public void Approving_a_draft_budget_is_a_document()
    {
        var m = Extract.Single("The Cabinet of Lowland met on Tuesday and approved the draft budget for 2026.");
        m.Resolutions.ShouldBeEmpty();
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("draft budget for 2026");
    }
}
