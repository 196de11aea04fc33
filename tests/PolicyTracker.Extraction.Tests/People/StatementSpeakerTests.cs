using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.People;

// Speakers named without "addressed" or "spoke"; invented sentences.
public sealed class StatementSpeakerTests
{
    [Fact]
    public void A_person_who_urged_the_ministers_spoke_to_the_meeting()
    {
        var m = Extract.Single("Chairman Ivo Marek presided over a meeting of the Harbour Cabinet on Monday. Port chief Dana Roth, who had flown in from the coast that morning, reportedly urged the ministers to approve the dredging plan.");
        m.RoleOf("Dana Roth").ShouldBe(ParticipantRole.Speaker);
    }

    [Fact]
    public void A_delegate_by_title_who_said_something_spoke()
    {
        var m = Extract.Single("The Harbour Assembly met on Monday to vote on a fishing resolution. Explaining his abstention, Ardelian Ambassador Piet Varo said the text went too far.");
        m.RoleOf("Piet Varo").ShouldBe(ParticipantRole.Speaker);
    }

    [Fact]
    public void What_was_said_during_the_debate_was_said_to_the_meeting()
    {
        var m = Extract.Single("The Harbour Assembly met on Monday to vote on a fishing bill. During the debate, legislator Mira Olsen argued that the quotas were too low.");
        m.RoleOf("Mira Olsen").ShouldBe(ParticipantRole.Speaker);
    }

    [Fact]
    public void A_statement_to_reporters_is_not_one_to_the_meeting()
    {
        var m = Extract.Single("The Harbour Assembly met on Monday to vote on a fishing bill. Ambassador Piet Varo told reporters after the meeting that the text went too far.");
        m.Names().ShouldNotContain("Piet Varo");
    }

    [Fact]
    public void What_an_outsider_has_said_before_is_not_a_speech_at_the_meeting()
    {
        var m = Extract.Single("The Harbour Assembly met on Monday to vote on a fishing bill. Ambassador Piet Varo has said the text goes too far.");
        m.Names().ShouldNotContain("Piet Varo");
    }

    [Fact]
    public void A_commentator_who_said_something_is_not_a_participant()
    {
        var m = Extract.Single("The Harbour Cabinet met on Monday and agreed to reform the fishing laws. Opposition leader Karl Brandt said the reform was overdue.");
        m.Names().ShouldNotContain("Karl Brandt");
    }
}
