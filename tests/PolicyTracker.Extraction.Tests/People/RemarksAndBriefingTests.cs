using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.People;

public sealed class RemarksAndBriefingTests
{
    [Fact]
    public void A_chairman_giving_closing_remarks_chairs_a_meeting_no_one_else_chaired()
    {
        var m = Extract.Single("The Monetary Policy Committee met on Thursday and decided to keep the policy rate unchanged. In closing remarks, Chairman Saleem Qureshi said the Committee stood ready to act.");
        m.RoleOf("Saleem Qureshi").ShouldBe(ParticipantRole.Chair);
    }

    [Fact]
    public void Closing_remarks_by_someone_else_when_the_meeting_has_a_chair_are_a_speech()
    {
        var m = Extract.Single("The Harbour Council met on Thursday, chaired by Mayor Ana Lind. In her closing remarks, Chairwoman Eva Berg said the council would meet again in May.");
        m.RoleOf("Ana Lind").ShouldBe(ParticipantRole.Chair);
        m.RoleOf("Eva Berg").ShouldBe(ParticipantRole.Speaker);
    }

    [Fact]
    public void Someone_presenting_to_the_meeting_is_a_speaker_and_their_must_is_no_resolution()
    {
        var m = Extract.Single("The Monetary Policy Committee met on Thursday. Deputy Governor Ayesha Rana, presenting the staff outlook, noted that fiscal consolidation must continue next year.");
        m.RoleOf("Ayesha Rana").ShouldBe(ParticipantRole.Speaker);
        m.Resolutions.ShouldBeEmpty();
    }

    [Fact]
    public void Whoever_gave_the_briefing_the_council_welcomed_spoke_at_it()
    {
        var m = Extract.Single("The Peace and Security Council held its 1290th meeting on Thursday. The Council welcomed the briefing by the Commissioner for Political Affairs, Peace and Security, Tomas Ekwueme.");
        m.RoleOf("Tomas Ekwueme").ShouldBe(ParticipantRole.Speaker);
    }

    [Fact]
    public void A_delegate_named_in_apposition_to_the_title_is_a_speaker()
    {
        var m = Extract.Single("The Security Council met on Tuesday and adopted resolution 2740 (2024). The representative of China, Geng Wei, said his delegation had abstained.");
        m.RoleOf("Geng Wei").ShouldBe(ParticipantRole.Speaker);
    }
}
