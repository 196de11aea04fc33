using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Bodies;

// An acronym followed by a classifier noun ("group", "bloc") or a "+" names a body the gazetteer does not know.
public sealed class GroupingBodyTests
{
    [Fact]
    public void An_acronym_before_group_is_the_body_and_invited_is_a_directive()
    {
        var m = Extract.Single("The KESTRA group of river states on Tuesday invited Lowland and Dunmore to become full members. The three-day summit that opened in Port Ash on Sunday adopted the Port Ash Declaration.");
        m.Body.ShouldBe("KESTRA");
        m.Resolutions.Select(r => r.Text).ShouldContain("Lowland and Dunmore to become full members");
    }

    [Fact]
    public void The_day_a_summit_opened_dates_it()
    {
        var m = Extract.Single("The KESTRA group of river states on Tuesday invited Lowland to become a member. The three-day summit that opened in Port Ash on Sunday adopted the Port Ash Declaration.");
        m.Date.ShouldBe(new DateOnly(2024, 3, 3));
    }

    [Fact]
    public void An_acronym_with_a_plus_is_the_body()
    {
        var m = Extract.Single("GRANA+ agreed on Monday to cut its wheat export quota by a tenth from April.");
        m.Body.ShouldBe("GRANA+");
        m.Date.ShouldBe(new DateOnly(2024, 3, 4));
    }

    [Fact]
    public void A_classifier_noun_after_a_plain_capitalised_word_is_not_a_body()
    {
        var r = Extract.Report("Farmers in Lowland formed a group to sell grain together on Monday.");
        r.Meetings.ShouldBeEmpty();
    }
}

public sealed class PossessedMeetingTests
{
    [Fact]
    public void Their_summit_after_leaders_of_a_body_is_that_body_meeting()
    {
        var m = Extract.Single("Leaders of the Assembly of Coastal States wrapped up their three-day summit in Port Ash on Sunday with a pledge on fisheries.");
        m.Body.ShouldBe("Assembly of Coastal States");
    }

    [Fact]
    public void A_body_after_a_capitalised_non_body_and_of_is_still_found()
    {
        var m = Extract.Single("Members of the Harbour Board met on Monday and approved the dredging plan.");
        m.Body.ShouldBe("Harbour Board");
    }
}

public sealed class PossessiveBodyTests
{
    [Fact]
    public void A_possessed_head_with_a_descriptive_word_keeps_the_possessor()
    {
        var m = Extract.Single("Lowland's Green Liberal coalition government formally decided on Monday to apply for membership of the Grain Union.");
        m.Body.ShouldBe("Lowland's Green Liberal coalition government");
    }

    [Fact]
    public void A_bare_head_possessed_by_another_bare_head_is_one_body()
    {
        var m = Extract.Single("The premier chaired a meeting of the government's flood committee on Tuesday, which ordered dikes to be raised.");
        m.Body.ShouldBe("government's flood committee");
    }

    [Fact]
    public void A_meeting_on_a_day_of_another_body_does_not_date_this_meeting()
    {
        var m = Extract.Single("The cabinet decided on Tuesday to raise port fees. The move followed a meeting on Sunday of the ruling party's board.");
        m.Date.ShouldBe(new DateOnly(2024, 3, 5));
    }
}
