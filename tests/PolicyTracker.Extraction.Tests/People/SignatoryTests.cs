using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.People;

public sealed class SignatoryTests
{
    [Fact]
    public void Leaders_who_signed_the_text_of_a_summit_attended_it()
    {
        var m = Extract.Single("The Summit of the Coastal Union was held on Monday in Port Ash. Presidents Ilse Varga of Lowland, Tomas Brandt of Highland and Mira Oslo of Fjordia signed the text.");
        m.Names().ShouldBe(["Ilse Varga", "Tomas Brandt", "Mira Oslo"], ignoreOrder: true);
        m.RoleOf("Tomas Brandt").ShouldBe(ParticipantRole.Attendee);
    }

    [Fact]
    public void A_text_signed_elsewhere_or_to_be_signed_names_no_attendee()
    {
        var m = Extract.Single("The Summit of the Coastal Union was held on Monday in Port Ash. Foreign Minister Ilse Varga is expected to sign the text next week. The accord was signed by Tomas Brandt in 2019.");
        m.Participants.ShouldBeEmpty();
    }
}
