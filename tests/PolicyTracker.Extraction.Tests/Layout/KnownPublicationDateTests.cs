namespace PolicyTracker.Extraction.Tests.Layout;

// A dateline without a year, in a report whose byline gives no date: the year comes from the publication
// date known outside the text (the editor's, or today on the new-report form), not from the weekday alone.
public sealed class KnownPublicationDateTests
{
    // March 5 was a Saturday in 2022: the weekday guess alone lands there.
    private const string Report = "Invented harbour board meets\n\n"
        + "PORT ELMIRA, March 5 (EW) -- The Invented Harbour Board held a meeting on Saturday, chaired by Wen Lanxi. "
        + "The meeting approved a plan on dredging the outer channel.";

    [Fact]
    public void Without_a_known_date_the_year_is_inferred_from_the_weekday()
    {
        var extraction = ReportExtractor.Default.Extract(Report);
        extraction.Report.Published.ShouldBe(new DateOnly(2022, 3, 5));
    }

    [Theory]
    [InlineData("2026-12-07", "2026-03-05")]
    [InlineData("2024-03-06", "2024-03-05")]
    [InlineData("2025-01-03", "2024-03-05")]
    [InlineData("2019-03-20", "2019-03-05")]
    public void A_known_publication_date_gives_the_year_of_the_dateline_and_the_meeting(string known, string expected)
    {
        var extraction = ReportExtractor.Default.Extract(Report, DateOnly.Parse(known, System.Globalization.CultureInfo.InvariantCulture));
        var date = DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        extraction.Report.Published.ShouldBe(date);
        extraction.Meetings.ShouldHaveSingleItem().Date.ShouldBe(SaturdayOnOrBefore(date));
    }

    // "held a meeting on Saturday" in a report datelined on another weekday: the Saturday before it.
    private static DateOnly SaturdayOnOrBefore(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek - (int)DayOfWeek.Saturday + 7) % 7));

    [Fact]
    public void A_written_year_or_a_dated_byline_wins_over_the_known_date()
    {
        var written = Report.Replace("March 5 (EW)", "March 5, 2021 (EW)", StringComparison.Ordinal);
        ReportExtractor.Default.Extract(written, new DateOnly(2026, 12, 7)).Meetings.ShouldHaveSingleItem().Date.ShouldBe(SaturdayOnOrBefore(new DateOnly(2021, 3, 5)));

        var bylined = Report.Replace("\n\n", "\n  ·  2023-03-06  ·  Source: Elmira Wire\n\n", StringComparison.Ordinal);
        ReportExtractor.Default.Extract(bylined, new DateOnly(2026, 12, 7)).Meetings.ShouldHaveSingleItem().Date.ShouldBe(SaturdayOnOrBefore(new DateOnly(2023, 3, 5)));
    }
}
