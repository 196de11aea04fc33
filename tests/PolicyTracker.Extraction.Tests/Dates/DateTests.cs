using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Dates;

public sealed class DateTests
{
    // 2024-03-06 is a Wednesday.
    [Theory]
    [InlineData("on Wednesday", "2024-03-06")]
    [InlineData("on Monday", "2024-03-04")]
    [InlineData("on Thursday afternoon", "2024-02-29")]
    [InlineData("last Wednesday", "2024-02-28")]
    [InlineData("on March 2", "2024-03-02")]
    [InlineData("on Feb. 27", "2024-02-27")]
    [InlineData("from Feb. 20-23", "2024-02-20")]
    [InlineData("on 1 March 2024", "2024-03-01")]
    public void Meeting_dates_resolve_against_the_publication_date(string phrase, string expected)
    {
        var m = Extract.Single($"The Water Council held a meeting {phrase} and urged cleaner rivers.");
        m.Date.ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_meeting_over_several_days_is_dated_by_its_first_day()
    {
        var m = Extract.Single("The Central Committee wrapped up its plenary session on Wednesday, two days after it opened on Monday.");
        m.Date.ShouldBe(new DateOnly(2024, 3, 4));
    }

    [Fact]
    public void A_date_after_the_report_is_not_the_meeting_date()
    {
        var m = Extract.Single("Fees will rise from April 10, after the Water Council agreed on Tuesday at a meeting in Lagos to raise them.");
        m.Date.ShouldBe(new DateOnly(2024, 3, 5));
    }
}
