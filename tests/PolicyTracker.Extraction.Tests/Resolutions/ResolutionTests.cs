using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Resolutions;

public sealed class ResolutionTests
{
    private static List<string> Texts(string body) => Extract.Single(body).Resolutions.Select(r => r.Text).ToList();

    [Fact]
    public void Each_directive_verb_gives_one_resolution_without_the_verb()
    {
        Texts("The Water Council held a meeting on Monday. The meeting called for cleaner rivers and warned against dumping waste.")
            .ShouldBe(["cleaner rivers", "against dumping waste"]);
    }

    [Fact]
    public void That_is_dropped_and_the_need_to_is_kept()
    {
        Texts("The Water Council held a meeting on Monday. It demanded that dams be inspected yearly, and stressed the need to train engineers.")
            .ShouldBe(["dams be inspected yearly", "the need to train engineers"]);
    }

    [Fact]
    public void Assessments_of_past_work_are_not_resolutions()
    {
        Texts("The Water Council held a meeting on Monday. The meeting said it has protected the rivers. Participants agreed that the campaign has met its goals.")
            .ShouldBeEmpty();
    }

    [Fact]
    public void Another_speakers_urging_is_not_a_resolution()
    {
        var m = Extract.Single("Mayor Eva Lind chaired a meeting of the City Council on Monday. Councillor Tom Berg addressed the meeting. Berg urged lower taxes. Lind urged more parks.");
        m.Resolutions.Select(r => r.Text).ShouldBe(["more parks"]);
        m.Resolutions.Single().IssuedBy.ShouldBe("Eva Lind");
    }

    [Fact]
    public void A_chairs_pronoun_issues_directives_and_passives_name_their_addressee()
    {
        Texts("Premier Jon Vik chaired a meeting of the State Board on Monday. He asked ministers to cut waste. Regions were also urged to publish budgets.")
            .ShouldBe(["ministers to cut waste", "Regions were also urged to publish budgets"]);
    }

    [Fact]
    public void Approving_money_is_a_resolution_but_approving_a_plan_is_a_document()
    {
        var m = Extract.Single("The Federal Cabinet held a meeting on Monday. The cabinet approved 2 billion euros for rail repairs. It also approved a plan on flood defence.");
        m.Resolutions.Single().Text.ShouldBe("2 billion euros for rail repairs");
        m.Documents.Single().Title.ShouldBe("plan on flood defence");
    }

    [Fact]
    public void It_was_decided_that_gives_the_clause()
    {
        Texts("The Executive Council held a special meeting on Friday. At the session, it was decided that the old ordinance be put to use.")
            .ShouldBe(["the old ordinance be put to use"]);
    }

    [Fact]
    public void A_chair_saying_what_must_be_done_issues_a_directive()
    {
        Texts("Premier Jon Vik chaired a meeting of the State Board on Monday. Vik said the reform must be completed this year. Vik said the economy has grown.")
            .ShouldBe(["the reform must be completed this year"]);
    }

    [Fact]
    public void A_directive_stated_before_its_verb_is_the_clause_before_the_comma()
    {
        Texts("Premier Jon Vik chaired a meeting of the State Board on Monday. Efforts must be made to stabilise prices, the meeting said. Fiscal support will be stepped up, the meeting stressed. The economy grew, the meeting said.")
            .ShouldBe(["Efforts must be made to stabilise prices", "Fiscal support will be stepped up"]);
    }

    [Fact]
    public void It_was_emphasized_at_the_meeting_that_gives_the_clause()
    {
        Texts("The State Board held a meeting on Monday. It was emphasized at the meeting that debt risks should be defused.")
            .ShouldBe(["debt risks should be defused"]);
    }

    [Fact]
    public void Participial_directives_share_the_main_subject()
    {
        Texts("Premier Jon Vik presided over a meeting of the State Board on Monday, stressing the need to stabilise jobs and calling for support for small firms.")
            .ShouldBe(["the need to stabilise jobs", "support for small firms"]);
    }
}
