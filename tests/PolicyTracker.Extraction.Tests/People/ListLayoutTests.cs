using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.People;

// Attendee lists as reports lay them out: one line per person after a colon, portfolios in
// parentheses, surnames in capitals, honorifics, and copular leads.
public sealed class ListLayoutTests
{
    [Fact]
    public void A_bulleted_list_after_a_colon_gives_one_attendee_per_line_and_ignores_portfolios()
    {
        var m = Extract.Single("The Tariff Board met on Tuesday, chaired by Governor Ana Lind. Besides Lind, the following directors voted:\n- Tomas Berg (Monetary Policy);\n- Eva Holm (Fisheries and Coastal Affairs);\n- Rui Costa (Administration).\n\nThe board decided to cut the lending rate.");
        m.Names().ShouldBe(["Ana Lind", "Tomas Berg", "Eva Holm", "Rui Costa"], ignoreOrder: true);
        m.RoleOf("Ana Lind").ShouldBe(ParticipantRole.Chair);
        m.RoleOf("Eva Holm").ShouldBe(ParticipantRole.Attendee);
    }

    [Fact]
    public void Surnames_in_capitals_are_names_and_join_the_person_named_in_the_lead()
    {
        var m = Extract.Single("The Tariff Board met on Tuesday. Governor Kenji Sato, who chairs the board, proposed the cut.\n\nBoard members present were:\n\nSATO Kenji, Chairman\nMORI Haruka, Deputy Governor\nITO Ren");
        m.Names().ShouldBe(["Kenji Sato", "MORI Haruka", "ITO Ren"], ignoreOrder: true);
        m.RoleOf("Kenji Sato").ShouldBe(ParticipantRole.Chair);
    }

    [Fact]
    public void Names_in_a_parenthesised_portfolio_after_a_name_are_not_participants()
    {
        var m = Extract.Single("The College of Wardens met in Elmira on Monday. Accompanying the Chief Warden were Ana Lind (Vice-Warden, Harbour Safety and Civil Protection) and Tomas Berg (Coastal Relations).");
        m.Names().ShouldBe(["Ana Lind", "Tomas Berg"], ignoreOrder: true);
    }

    [Fact]
    public void Voting_members_after_a_copular_lead_attend()
    {
        var m = Extract.Single("The Tariff Committee on Tuesday decided to cut rates. Voting for the cut were Ana M. Lind, Chair; Tomas Berg; and Eva Holm.");
        m.Names().ShouldBe(["Ana M. Lind", "Tomas Berg", "Eva Holm"], ignoreOrder: true);
    }

    [Fact]
    public void Under_the_presidency_of_an_honorific_title_names_the_chair()
    {
        var m = Extract.Single("The 9th Harbour Summit was held today under the presidency of His Majesty King Hamid bin Omar Al Zahir. Leaders attending included President Ana Lind and Prime Minister Tomas Berg.");
        m.RoleOf("Hamid bin Omar Al Zahir").ShouldBe(ParticipantRole.Chair);
        m.RoleOf("Ana Lind").ShouldBe(ParticipantRole.Attendee);
        m.RoleOf("Tomas Berg").ShouldBe(ParticipantRole.Attendee);
    }

    [Fact]
    public void Taking_part_and_being_represented_by_someone_are_attendance()
    {
        var m = Extract.Single("The Harbour Summit was held on Monday in Elmira. Westland's President Ana Lind took part in the summit, while Eastland was represented by Foreign Minister Tomas Berg.");
        m.RoleOf("Ana Lind").ShouldBe(ParticipantRole.Attendee);
        m.RoleOf("Tomas Berg").ShouldBe(ParticipantRole.Attendee);
    }

    [Fact]
    public void A_meeting_co_chaired_by_two_people_has_two_chairs()
    {
        var m = Extract.Single("The joint meeting of the Harbour Council was co-chaired by Ana Lind and Tomas Berg on Monday.");
        m.RoleOf("Ana Lind").ShouldBe(ParticipantRole.Chair);
        m.RoleOf("Tomas Berg").ShouldBe(ParticipantRole.Chair);
    }

    [Fact]
    public void A_parliamentary_honorific_is_not_part_of_the_name()
    {
        var m = Extract.Single("The Legislative Council met on Tuesday. The President of the council, the Hon Ana LIND Mei-ling, presided over the sitting.");
        m.Names().ShouldContain("Ana LIND Mei-ling");
    }
}
