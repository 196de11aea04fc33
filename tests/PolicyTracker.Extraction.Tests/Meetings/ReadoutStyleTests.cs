using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Meetings;

/// <summary>Readouts in the styles of presidential offices and cabinet secretariats.</summary>
public sealed class ReadoutStyleTests
{
    [Fact]
    public void A_meeting_with_members_of_a_council_belongs_to_that_council_and_its_host_chairs()
    {
        var m = Extract.Single("President Arvo Lind held a meeting with permanent members of the Security Council on Friday. Taking part in the meeting were Foreign Minister Eva Saar and Director of the Federal Intelligence Service Jaan Tamm. Lind instructed the government to prepare border proposals.");
        m.Body.ShouldBe("Security Council");
        m.RoleOf("Arvo Lind").ShouldBe(ParticipantRole.Chair);
        m.Names().ShouldBe(["Arvo Lind", "Eva Saar", "Jaan Tamm"]);
        m.Resolutions.Single().Text.ShouldBe("the government to prepare border proposals");
    }

    [Fact]
    public void A_trailing_attribution_is_not_part_of_the_resolution()
    {
        var m = Extract.Single("The Island Cabinet on Monday agreed to extend the fuel tax cut until September, Prime Minister Rua Tane told reporters.");
        m.Resolutions.Single().Text.ShouldBe("to extend the fuel tax cut until September");
    }

    [Fact]
    public void It_was_agreed_that_is_a_resolution()
    {
        var m = Extract.Single("The Harbour Board held a meeting on Monday. It was agreed that dredging would start in May.");
        m.Resolutions.Single().Text.ShouldBe("dredging would start in May");
    }

    [Fact]
    public void Delivering_reports_makes_a_speaker()
    {
        var m = Extract.Single("President Arvo Lind held a meeting with government members on Wednesday. Prime Minister Kaja Mets and Deputy Prime Minister Mart Kask delivered reports.");
        m.RoleOf("Kaja Mets").ShouldBe(ParticipantRole.Speaker);
        m.RoleOf("Mart Kask").ShouldBe(ParticipantRole.Speaker);
        m.RoleOf("Arvo Lind").ShouldBe(ParticipantRole.Chair);
    }

    [Fact]
    public void Speakers_after_also_speaking_were_and_the_president_as_subject()
    {
        var m = Extract.Single("President Arvo Lind held a meeting with government members on Wednesday. Also speaking were Deputy Prime Minister Kaja Mets and Transport Minister Mart Kask. The President instructed the government to draft an aviation programme.");
        m.RoleOf("Kaja Mets").ShouldBe(ParticipantRole.Speaker);
        m.RoleOf("Mart Kask").ShouldBe(ParticipantRole.Speaker);
        m.Resolutions.Single().Text.ShouldBe("the government to draft an aviation programme");
    }

    [Fact]
    public void Chairing_a_body_without_a_meeting_noun_is_a_meeting()
    {
        var m = Extract.Single("Prime Minister Rua Tane chaired the Island Cabinet on Tuesday. Ministers agreed to cut fuel taxes.");
        m.Body.ShouldBe("Island Cabinet");
        m.RoleOf("Rua Tane").ShouldBe(ParticipantRole.Chair);
        m.Resolutions.Single().Text.ShouldBe("to cut fuel taxes");
    }
}
