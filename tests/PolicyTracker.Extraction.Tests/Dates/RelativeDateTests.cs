using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Dates;

// The byline in these tests is Wednesday 2024-03-06.
public sealed class RelativeDateTests
{
    [Fact]
    public void Yesterday_is_the_day_before_the_report()
    {
        var m = Extract.Single("The Harbour Council held a plenary meeting yesterday afternoon to approve the port budget.");
        m.Date.ShouldBe(new DateOnly(2024, 3, 5));
    }

    [Fact]
    public void Today_is_the_day_of_the_report()
    {
        var m = Extract.Single("The Council of Ministers today approved two draft regulations on fishing.");
        m.Date.ShouldBe(new DateOnly(2024, 3, 6));
    }

    [Fact]
    public void The_date_of_a_document_named_in_the_meeting_sentence_is_not_the_meeting_date()
    {
        var m = Extract.Single("Meeting in Elmira on Tuesday, the Harbour Council agreed to apply Directive 12/2001 of 20 July 2001 to all ports.");
        m.Date.ShouldBe(new DateOnly(2024, 3, 5));
    }

    [Fact]
    public void A_meeting_that_wrapped_up_is_dated_by_the_day_it_opened()
    {
        var m = Extract.Single("The Central Committee wrapped up its plenary session on Tuesday. The session, which opened on Saturday, adopted a resolution on land reform.");
        m.Date.ShouldBe(new DateOnly(2024, 3, 2));
    }

    [Fact]
    public void A_meeting_that_began_on_an_earlier_day_is_dated_by_its_first_day()
    {
        var m = Extract.Single("At the end of a two-day meeting that began Monday, the Tariff Committee decided to cut port fees.");
        m.Date.ShouldBe(new DateOnly(2024, 3, 4));
        m.Body.ShouldBe("Tariff Committee");
    }

    [Fact]
    public void The_lead_sentence_dates_a_meeting_that_is_named_later()
    {
        var m = Extract.Single("The Harbour Council on Tuesday approved a new tariff. The tariff, adopted at the council's weekly meeting chaired by Mayor Ana Lind, replaces the rules the assembly passed on February 2.");
        m.Date.ShouldBe(new DateOnly(2024, 3, 5));
    }
}

public sealed class DatelineYearTests
{
    [Fact]
    public void A_yearless_dateline_takes_the_year_in_which_the_lead_weekday_falls_on_it()
    {
        // 2021-05-16 was a Sunday; the Wednesday named later belongs to another event.
        var r = ReportExtractor.Default.Extract("Council agrees\n\nELMIRA, May 16 (EW) - The Harbour Council agreed on Sunday to close the bay, reversing a 2019 rule.\n\nA debate is scheduled for Wednesday.");
        r.Report.Published.ShouldBe(new DateOnly(2021, 5, 16));
    }

    [Fact]
    public void The_date_of_a_thing_announced_earlier_is_not_the_meeting_date()
    {
        var m = Extract.Single("The Harbour Council adopted a resolution on Tuesday welcoming the ceasefire proposal announced on February 28 by the mediators.");
        m.Date.ShouldBe(new DateOnly(2024, 3, 5));
    }
}
