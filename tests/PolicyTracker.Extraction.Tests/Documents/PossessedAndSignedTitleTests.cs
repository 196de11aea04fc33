using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Documents;

public sealed class PossessedTitleTests
{
    [Fact]
    public void A_body_that_possesses_a_report_is_written_after_it_as_its_author()
    {
        var m = Extract.Single("The River Board of Lowland held a plenary session on Monday. The session approved the Standing Committee's work report and fully affirmed its work in 2023.");
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("work report of the Standing Committee");
        m.Resolutions.ShouldBeEmpty();
    }

    [Fact]
    public void A_bare_head_possessor_that_names_the_meetings_own_body_is_that_body()
    {
        var m = Extract.Single("The Harbour Committee of the Lowland Assembly held a plenary meeting on Monday. Members deliberated the committee's work report for 2023.");
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("work report of the Harbour Committee of the Lowland Assembly for 2023");
    }

    [Fact]
    public void A_possessor_that_is_no_body_stays_in_the_title()
    {
        var m = Extract.Single("The Cabinet of Lowland met on Tuesday and approved the country's third river management plan.");
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("country's third river management plan");
    }
}

public sealed class CountedItemInSeriesTests
{
    [Fact]
    public void Counted_measures_after_documents_are_a_further_document_of_the_series()
    {
        var m = Extract.Single("The Harbour Committee of the Lowland Assembly held a plenary meeting on Monday. Members deliberated its work report for 2023, its key tasks for 2024, and six measures to speed up customs work at the docks.");
        m.Documents.Select(d => d.Title).ShouldBe(
            ["work report for 2023", "key tasks for 2024", "six measures to speed up customs work at the docks"],
            customMessage: string.Join(" | ", m.Documents.Select(d => d.Title)));
    }

    [Fact]
    public void Measures_adopted_alone_are_no_document()
    {
        var m = Extract.Single("The Cabinet of Lowland met on Tuesday and adopted measures to speed up customs work at the docks.");
        m.Documents.ShouldBeEmpty();
    }
}

public sealed class SignedByTests
{
    [Fact]
    public void The_document_a_summit_ended_with_is_the_one_it_issued_and_its_signers_are_no_part_of_the_title()
    {
        var m = Extract.Single("The Summit of the Coastal Union, held on Monday in Port Ash, ended with a joint communique signed by only two of its three members.");
        var d = m.Documents.ShouldHaveSingleItem();
        d.Title.ShouldBe("joint communique");
        d.Action.ShouldBe(DocumentAction.Issued);
    }

    [Fact]
    public void An_adopting_agent_ends_the_title_of_an_issued_declaration()
    {
        var m = Extract.Single("The Council of the Coastal Union met on Monday and issued a declaration on harbour safety adopted by all members, the chair said.");
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("declaration on harbour safety");
    }

    [Fact]
    public void A_proposal_raised_by_members_keeps_its_agent()
    {
        var m = Extract.Single("The Cabinet of Lowland met on Tuesday and reviewed a report on the handling of proposals raised by deputies.");
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("report on the handling of proposals raised by deputies");
    }
}

public sealed class VotedToApproveTests
{
    [Fact]
    public void A_deal_the_cabinet_voted_on_an_afternoon_to_approve_is_its_document()
    {
        var m = Extract.Single("The security cabinet of Lowland voted on Friday afternoon to approve the river access deal with Highland, the chancellery said.");
        var d = m.Documents.ShouldHaveSingleItem();
        d.Title.ShouldBe("river access deal with Highland");
        d.Action.ShouldBe(DocumentAction.Approved);
    }

    [Fact]
    public void An_infinitive_after_another_verb_is_no_act_of_the_meeting()
    {
        var m = Extract.Single("The Cabinet of Lowland met on Friday. The opposition wants to approve the river access deal with Highland.");
        m.Documents.ShouldBeEmpty();
    }

    [Fact]
    public void A_capitalised_number_inside_a_quoted_title_does_not_split_it()
    {
        var m = Extract.Single("The Cabinet of Lowland met on Friday and discussed a draft of the \"Plan on the 'Hundred Ports, Ten Thousand Boats' Programme\".");
        m.Documents.ShouldHaveSingleItem().Title.ShouldContain("Ten Thousand Boats");
    }
}

public sealed class OrdinalBatchTests
{
    [Fact]
    public void Final_approval_to_the_first_batch_of_plans_approves_that_batch()
    {
        var m = Extract.Single("The Council of the Coastal Union met on Tuesday. Ministers gave their final approval to the first batch of harbour renewal plans, clearing the way for payments.");
        m.Resolutions.ShouldBeEmpty();
        var d = m.Documents.ShouldHaveSingleItem();
        d.Title.ShouldBe("first batch of harbour renewal plans");
        d.Action.ShouldBe(DocumentAction.Approved);
    }
}

public sealed class RoadMapTests
{
    [Fact]
    public void An_approved_road_map_is_a_document()
    {
        var m = Extract.Single("The Cabinet of Lowland met on Tuesday and approved the modalities and road map for rebuilding the river dikes.");
        m.Resolutions.ShouldBeEmpty();
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("modalities and road map for rebuilding the river dikes");
    }
}

public sealed class TookUpTests
{
    [Fact]
    public void A_draft_taken_up_then_approved_in_depth_is_one_approved_document()
    {
        var m = Extract.Single("The Cabinet of Lowland met on Tuesday. The cabinet first took up a draft regulation to set up a River Commission. The cabinet deliberated on the draft in depth and approved it.");
        var d = m.Documents.ShouldHaveSingleItem();
        d.Title.ShouldBe("draft regulation to set up a River Commission");
        d.Action.ShouldBe(DocumentAction.Approved);
    }

    [Fact]
    public void Taking_up_a_task_is_no_document()
    {
        var m = Extract.Single("The Cabinet of Lowland met on Tuesday and took up the question of river tolls.");
        m.Documents.ShouldBeEmpty();
    }
}
