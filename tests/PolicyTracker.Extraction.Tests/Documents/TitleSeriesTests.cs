using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Documents;

public sealed class SigningCircumstanceTests
{
    [Fact]
    public void Where_and_when_a_treaty_was_signed_is_no_part_of_its_title_and_does_not_end_it()
    {
        var m = Extract.Single(
            "The Cabinet of Lowland met on Friday and approved a draft law ratifying the fisheries agreement signed in Port Ash, Lowland, on 4 March 2019, between Lowland and Highland on shared quotas.");
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("draft law ratifying the fisheries agreement between Lowland and Highland on shared quotas");
    }

    [Fact]
    public void A_signing_without_a_date_leaves_the_title_where_it_was()
    {
        var m = Extract.Single("The Cabinet of Lowland met on Friday and approved a draft law on the fisheries agreement signed in Port Ash, praising the negotiators.");
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("draft law on the fisheries agreement signed in Port Ash");
    }
}

public sealed class PrepositionSeriesTests
{
    [Fact]
    public void Work_plans_on_a_series_of_subjects_are_a_plan_each()
    {
        var m = Extract.Single(
            "The River Board met on Monday and adopted its work plans for the year on dredging, on flood defence and on water quality.");
        m.Documents.Select(d => d.Title).ShouldBe(
            ["work plan for the year on dredging", "work plan for the year on flood defence", "work plan for the year on water quality"],
            customMessage: string.Join(" | ", m.Documents.Select(d => d.Title)));
    }

    [Fact]
    public void A_report_on_one_subject_and_on_a_draft_plan_stays_one_report()
    {
        var m = Extract.Single("The River Board met on Monday and reviewed a report on how the dredging went and on the draft plan for next year.");
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("report on how the dredging went and on the draft plan for next year");
    }

    [Fact]
    public void Key_tasks_are_a_document_of_a_list()
    {
        var m = Extract.Single("The River Board met on Monday and deliberated its work report for 2024, its key tasks for 2025, and two notices on fees.");
        m.Documents.Select(d => d.Title).ShouldContain("key tasks for 2025", customMessage: string.Join(" | ", m.Documents.Select(d => d.Title)));
        m.Documents.Select(d => d.Title).ShouldContain("work report for 2024");
    }
}

public sealed class InnerSeriesTests
{
    [Fact]
    public void A_series_of_nouns_sharing_an_of_stays_inside_the_title()
    {
        var m = Extract.Single("The Cabinet of Lowland met on Friday and discussed a draft regulation setting out the duties, rights and obligations of river pilots.");
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("draft regulation setting out the duties, rights and obligations of river pilots");
    }

    [Fact]
    public void A_list_of_documents_after_commas_is_still_split()
    {
        var m = Extract.Single("The Cabinet of Lowland met on Friday and approved a plan on ports, a decree on fees and a notice on tolls.");
        m.Documents.Count.ShouldBe(3);
    }
}
