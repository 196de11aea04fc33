using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Bodies;

// Bodies recognised from the structure of the sentence, kept as written when the gazetteer does not know them.
public sealed class BodyStructureTests
{
    [Fact]
    public void An_acronym_after_meeting_of_is_the_body()
    {
        var m = Extract.Single("President Ana Lind presided over the 11th meeting of the CCHW, which discussed harbour works.");
        m.Body.ShouldBe("CCHW");
    }

    [Fact]
    public void A_name_with_a_parenthetical_acronym_before_its_head_keeps_the_whole_name()
    {
        var m = Extract.Single("The Harbour Party of Westland (HPW) Central Committee held a consultative meeting on Tuesday to discuss the port plan.");
        m.Body.ShouldBe("Harbour Party of Westland Central Committee");
    }

    [Fact]
    public void A_complement_holding_another_possessive_keeps_the_first_head()
    {
        var m = Extract.Single("The Monetary Policy Committee of the People's Bank of Westland held its first quarterly meeting of 2024 on Monday.");
        m.Body.ShouldBe("Monetary Policy Committee of the People's Bank of Westland");
    }

    [Fact]
    public void Members_of_a_body_holding_a_meeting_stand_for_the_body()
    {
        var m = Extract.Single("Chief Warden Ana Lind and 15 members of the College of Wardens held a joint meeting with the Eastland government in Elmira on Thursday.");
        m.Body.ShouldBe("College of Wardens");
    }

    [Fact]
    public void A_meeting_named_later_belongs_to_the_body_that_led_the_report()
    {
        var m = Extract.Single("Westland's Tariff Board on Wednesday adopted a port strategy, a document that sets out how the government intends to respond to storms. Ministers signed off on the paper at their regular weekly meeting, chaired by Chancellor Ana Lind.");
        m.Body.ShouldBe("Westland's Tariff Board");
        // "the paper" refers back to the strategy (issue 9): one document, adopted.
        m.Documents.ShouldHaveSingleItem().Title.ShouldBe("port strategy");
    }

    [Fact]
    public void A_bare_capitalised_head_takes_the_full_name_of_its_antecedent()
    {
        var m = Extract.Single("The breakthrough came after hours of talks at the Harbour Council, chaired by its president, Ana Lind. The Council decided to open talks with Eastland.");
        m.Body.ShouldBe("Harbour Council");
        m.RoleOf("Ana Lind").ShouldBe(ParticipantRole.Chair);
    }

    [Fact]
    public void A_body_named_in_a_title_is_not_the_body_that_met()
    {
        var r = Extract.Report("The Harbour Council decided at a meeting on Wednesday to dredge the port. Ana Lind, chair of the Westland Tariff Commission, presided over the meeting.");
        r.Meetings.Single().Body.ShouldBe("Harbour Council");
    }
}

public sealed class BareBodyTests
{
    [Fact]
    public void A_bare_head_with_a_premodifier_that_leads_the_report_is_the_body_of_a_meeting_named_later()
    {
        var m = Extract.Single("The high-level security cabinet voted on Friday to approve the ceasefire deal with the rebels, the office said.\n\nThe vote passed nine to two.\n\nDuring the meeting, which was chaired by Prime Minister Ana Lind, the premier read out a letter.");
        m.Body!.ToLowerInvariant().ShouldBe("security cabinet");
        m.RoleOf("Ana Lind").ShouldBe(ParticipantRole.Chair);
    }

    [Fact]
    public void A_bare_head_that_acts_makes_a_meeting_when_no_named_body_does()
    {
        var m = Extract.Single("Using their majority, opposition lawmakers on Tuesday pushed through the changes.\n\nThe legislature passed amendments to the Harbour Law and the Fisheries Code.");
        m.Body!.ToLowerInvariant().ShouldBe("legislature");
        m.Documents.Count.ShouldBe(2);
    }
}
