using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.People;

// Who represented whom, and chairs named after "under" in a sentence of meeting.
public sealed class RepresentationTests
{
    [Fact]
    public void Countries_represented_by_ministers_with_the_verb_left_out_after_and()
    {
        var m = Extract.Single("The Baltic Fisheries Council met in Riga on Tuesday, with Latvia's minister, Ilze Kalnina, in the chair. Estonia was represented by Minister for Rural Affairs Peeter Tamm and Lithuania by Minister of Agriculture Rasa Jonaitiene.");
        m.RoleOf("Peeter Tamm").ShouldBe(ParticipantRole.Attendee);
        m.RoleOf("Rasa Jonaitiene").ShouldBe(ParticipantRole.Attendee);
        m.RoleOf("Ilze Kalnina").ShouldBe(ParticipantRole.Chair);
    }

    [Fact]
    public void A_minister_for_a_one_word_portfolio_is_a_name_after_the_portfolio()
    {
        var m = Extract.Single("The Baltic Fisheries Council met in Riga on Tuesday. The meeting was attended by Minister for Climate Arvo Kask.");
        m.Names().ShouldContain("Arvo Kask");
    }

    [Fact]
    public void A_body_meeting_under_a_named_leader_is_chaired_by_that_leader()
    {
        var m = Extract.Single("The Cabinet met on Monday under Prime Minister Ilse Varga and approved the draft harbour law.");
        m.RoleOf("Ilse Varga").ShouldBe(ParticipantRole.Chair);
    }

    [Fact]
    public void Under_a_law_named_after_a_meeting_verb_far_back_names_no_chair()
    {
        var m = Extract.Single("The Harbour Council met on Monday and approved the ferry plan. Fees will rise under the Harbour Dues Act of 2019.");
        m.Participants.ShouldBeEmpty();
    }
}
