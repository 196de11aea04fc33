using PolicyTracker.Extraction.People;
using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.People;

public sealed class ParticipantTests
{
    [Fact]
    public void Titles_are_stripped_from_a_chair_and_a_listed_attendee()
    {
        var m = Extract.Single("Prime Minister Lena Hart chaired a meeting of the National Security Council on Monday. Defence Minister Omar Said attended the meeting.");
        m.RoleOf("Lena Hart").ShouldBe(ParticipantRole.Chair);
        m.RoleOf("Omar Said").ShouldBe(ParticipantRole.Attendee);
        m.Participants.Single(p => p.Name == "Lena Hart").TitleAsWritten.ShouldBe("Prime Minister");
    }

    [Fact]
    public void Everyone_in_a_list_before_attended_is_an_attendee()
    {
        var m = Extract.Single("Wu Hanmin chaired a meeting of the Planning Commission on Monday. Gao Peng, Tan Yiwen and Ma Jun, who are all members of the commission, attended the meeting.");
        m.Names().ShouldBe(["Wu Hanmin", "Gao Peng", "Tan Yiwen", "Ma Jun"]);
    }

    [Theory]
    [InlineData("Taking part were")]
    [InlineData("Also present were")]
    [InlineData("Also attending were")]
    public void Names_after_an_inverted_attendance_cue_are_attendees(string cue)
    {
        var m = Extract.Single($"The Regional Council held a meeting on Monday. {cue} Rafael de la Cruz, head of the ports agency; Siti binti Rahman; and Pieter van Dijk.");
        m.Names().ShouldBe(["Rafael de la Cruz", "Siti binti Rahman", "Pieter van Dijk"]);
        m.Participants.ShouldAllBe(p => p.Role == ParticipantRole.Attendee);
    }

    [Fact]
    public void A_surname_refers_back_to_the_full_name()
    {
        var m = Extract.Single("Chancellor Greta Holm on Wednesday announced new rules. At the weekly cabinet meeting, chaired by Holm, ministers approved a bill on rents.");
        m.Participants.Single().Name.ShouldBe("Greta Holm");
        m.RoleOf("Greta Holm").ShouldBe(ParticipantRole.Chair);
    }

    [Fact]
    public void A_surname_first_name_resolves_by_its_first_word()
    {
        var m = Extract.Single("The Political Council met on Monday with Xi Ming in the chair. Also present were Li Xi and Wang Bo. Xi urged unity.");
        m.RoleOf("Xi Ming").ShouldBe(ParticipantRole.Chair);
        m.Resolutions.Single().Text.ShouldBe("unity");
    }

    [Fact]
    public void A_person_chairing_by_pronoun_is_the_chair()
    {
        var m = Extract.Single("Prime Minister Ivan Petrov told a government meeting he was chairing on Thursday that funds would be released.");
        m.RoleOf("Ivan Petrov").ShouldBe(ParticipantRole.Chair);
    }

    [Fact]
    public void Speakers_and_attendees_are_told_apart_and_the_highest_role_wins()
    {
        var m = Extract.Single("Kofi Mensah chaired a meeting of the Trade Council on Monday and gave a speech. Ama Owusu attended the meeting and also spoke. Dr. Yaw Boateng gave a presentation on exports.");
        m.RoleOf("Kofi Mensah").ShouldBe(ParticipantRole.Chair);
        m.RoleOf("Ama Owusu").ShouldBe(ParticipantRole.Speaker);
        m.RoleOf("Yaw Boateng").ShouldBe(ParticipantRole.Speaker);
    }

    [Fact]
    public void People_only_mentioned_are_not_participants()
    {
        var m = Extract.Single("Leader Sun Wei addressed a symposium of the Central Committee on Tuesday marking the birth of Comrade Deng Ping. The symposium was presided over by Hu Lan. The study of Sun Wei Thought was praised, and a plan drawn up by Finance Minister Karl Otto was mentioned. Former president Jean Roux was absent.");
        m.Names().ShouldBe(["Sun Wei", "Hu Lan"], ignoreOrder: true);
        m.RoleOf("Hu Lan").ShouldBe(ParticipantRole.Chair);
        m.RoleOf("Sun Wei").ShouldBe(ParticipantRole.Speaker);
    }

    [Theory]
    [InlineData("Premier Li Qiang", "Li Qiang")]
    [InlineData("Chancellor Friedrich Merz's", "Friedrich Merz")]
    [InlineData("Vice-Premiers He Lifeng", "He Lifeng")]
    [InlineData("  Senate President   Aquilino Pimentel III ", "Aquilino Pimentel III")]
    public void The_name_normaliser_strips_titles_and_possessives(string written, string expected)
    {
        PersonNameNormalizer.Normalize(written).ShouldBe(expected);
    }
}
