using PolicyTracker.Extraction.Layout;

namespace PolicyTracker.Extraction.Tests.Layout;

public sealed class DatelineTests
{
    [Theory]
    [InlineData("OSLOVAR, Aug 9 (NWA) - The council met.", 8, 9, 0)]
    [InlineData("Port Elmira, November 12/2021 (PEN) -- The council met.", 11, 12, 2021)]
    [InlineData("Elmira, 3rd March, 2022 (EW) -- The council met.", 3, 3, 2022)]
    [InlineData("Elmira, 28 April 2019 (EW): The council met.", 4, 28, 2019)]
    [InlineData("Elmira, October 07, 2020, EWA -- The council met.", 10, 7, 2020)]
    [InlineData("Elmira, June 6 (EW) The council met.", 6, 6, 0)]
    [InlineData("ELMIRA CITY, Sept. 30 (EW) -- The council met.", 9, 30, 0)]
    public void A_dateline_with_a_date_gives_month_day_and_any_written_year(string line, int month, int day, int year)
    {
        var d = DatelineParser.Parse(line, 0, line.Length);
        d.ShouldNotBeNull();
        (d.Value.Month, d.Value.Day, d.Value.Year).ShouldBe((month, day, year));
        line[d.Value.End..].TrimStart().ShouldStartWith("The council");
    }

    [Theory]
    [InlineData("ELMIRA - The council met on Monday.")]
    [InlineData("Elmira \u2014 The council met on Monday.")]
    [InlineData("ELMIRA: The council met on Monday.")]
    [InlineData("Port Elmira: The council met on Monday.")]
    [InlineData("Elmira (EW) - The council met on Monday.")]
    [InlineData("Port Elmira (Westland) - The council met on Monday.")]
    public void A_place_only_dateline_is_cut_from_the_body_without_a_date(string line)
    {
        var d = DatelineParser.Parse(line, 0, line.Length);
        d.ShouldNotBeNull();
        d.Value.Month.ShouldBe(0);
        line[d.Value.End..].TrimStart().ShouldStartWith("The council");
    }

    [Theory]
    [InlineData("The council met on Monday.")]
    [InlineData("Ana Lind, Tom Berg and Eva Holm attended.")]
    [InlineData("Present: Ana Lind and Tom Berg.")]
    [InlineData("Cabinet met on Wednesday, 4 July 2018, in Elmira.")]
    public void A_body_sentence_is_not_a_dateline(string line)
    {
        DatelineParser.Parse(line, 0, line.Length).ShouldBeNull();
    }

    [Fact]
    public void A_headline_with_a_full_date_dates_a_report_that_has_no_byline_or_dateline()
    {
        var r = ReportExtractor.Default.Extract("HARBOUR BOARD, 13 July 2021: tariffs set\n\nThe Harbour Board met in Elmira and approved the tariffs.");
        r.Report.Published.ShouldBe(new DateOnly(2021, 7, 13));
    }

    [Fact]
    public void A_yearless_dateline_with_a_single_dash_dates_the_report_from_the_year_in_the_text()
    {
        var r = ReportExtractor.Default.Extract("Board sets tariffs\n\nELMIRA, March 4 (EW) - The Harbour Board met on Thursday and approved the 2021 tariffs.");
        r.Report.Published.ShouldBe(new DateOnly(2021, 3, 4));
        r.Meetings.Single().Date.ShouldBe(new DateOnly(2021, 3, 4));
    }
}
