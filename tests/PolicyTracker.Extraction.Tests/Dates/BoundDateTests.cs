using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Dates;

// The byline in these tests is Wednesday 2024-03-06.
public sealed class BoundDateTests
{
    [Fact]
    public void A_possessive_weekday_on_the_meeting_noun_dates_the_meeting()
    {
        var m = Extract.Single("Storms hit the coast on Sunday night. The premier told Tuesday afternoon's meeting of the Flood Council that dikes must be raised.");
        m.Date.ShouldBe(new DateOnly(2024, 3, 5));
    }

    [Fact]
    public void A_possessive_weekday_on_another_noun_dates_that_thing()
    {
        var m = Extract.Single("After Saturday's landslide, the Mountain Council agreed yesterday to rebuild the road.");
        m.Date.ShouldBe(new DateOnly(2024, 3, 5));
    }

    [Fact]
    public void The_day_a_minister_speaks_is_not_the_meeting_date()
    {
        var m = Extract.Single(
            "The first cabinet meeting of the new government approved a rail loan, the prime minister said on Wednesday. The cabinet met late on Monday, after the budget debate.");
        m.Date.ShouldBe(new DateOnly(2024, 3, 4));
    }

    [Fact]
    public void A_meeting_to_come_on_a_weekday_is_not_this_meeting_date()
    {
        var m = Extract.Single("The Grain Board met on Tuesday and approved export quotas. The summit on Friday will bring the ministers together again.");
        m.Date.ShouldBe(new DateOnly(2024, 3, 5));
    }

    [Fact]
    public void A_session_held_from_one_day_to_another_is_dated_by_its_first_day()
    {
        var m = Extract.Single("The Assembly on Wednesday adopted a resolution on river pollution. The special session, held from Monday to Wednesday, drew 90 delegations.");
        m.Date.ShouldBe(new DateOnly(2024, 3, 4));
    }

    [Fact]
    public void A_date_after_a_participle_and_a_place_dates_the_thing_signed()
    {
        var m = Extract.Single("The Cabinet Meeting approved the treaty signed in Oslo, Norway, on 12 January 2024, and a law on ports.", byline: "");
        m.Date.ShouldBeNull();
    }

    [Theory]
    [InlineData("Water Council holds meeting on February 27, urges cleaner rivers", "2024-02-27")]
    [InlineData("Water Council Decisions - 27.02.2024", "2024-02-27")]
    [InlineData("Water Council decisions of 27 February 2024", "2024-02-27")]
    public void The_headline_date_dates_a_meeting_whose_text_gives_none(string headline, string expected)
    {
        var r = ReportExtractor.Default.Extract(headline + "\n\nThe Water Council held a meeting in the capital in 2024 and urged cleaner rivers.");
        r.Meetings.Count.ShouldBe(1);
        r.Meetings[0].Date.ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class DurationDateTests
{
    [Fact]
    public void A_decision_after_two_days_of_meetings_dates_the_meeting_by_its_first_day()
    {
        var m = Extract.Single("The Monetary Committee of the Bank of Lowland decided on Wednesday to raise the policy rate to 9 percent. The decision was announced after two days of meetings.");
        m.Date.ShouldBe(new DateOnly(2024, 3, 5));
    }

    [Fact]
    public void A_named_first_day_is_kept()
    {
        var m = Extract.Single("The Monetary Committee of the Bank of Lowland met on Tuesday and decided on Wednesday to raise the policy rate to 9 percent, after two days of meetings.");
        m.Date.ShouldBe(new DateOnly(2024, 3, 5));
    }
}

public sealed class LeadActorDateTests
{
    [Fact]
    public void A_meeting_that_began_the_day_before_far_from_its_noun_dates_the_lead_decision()
    {
        var m = Extract.Single("The Monetary Board of the Bank of Lowland decided Wednesday to end negative rates. The decision came at the end of a two-day policy meeting at the bank's head office in Port Ash that began Tuesday afternoon.");
        m.Date.ShouldBe(new DateOnly(2024, 3, 5));
    }
}
