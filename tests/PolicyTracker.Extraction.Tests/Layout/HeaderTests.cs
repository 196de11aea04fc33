using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Layout;

public sealed class HeaderTests
{
    [Fact]
    public void A_byline_gives_the_outlet_and_publication_date()
    {
        var r = ReportExtractor.Default.Extract("Council meets on water\n  ·  2021-06-02  ·   Source: Harbour Gazette\n\nThe Water Council held a meeting on Tuesday.");
        r.Report.Headline.ShouldBe("Council meets on water");
        r.Report.Outlet.ShouldBe("Harbour Gazette");
        r.Report.Published.ShouldBe(new DateOnly(2021, 6, 2));
    }

    [Fact]
    public void A_dateline_outlet_is_mapped_to_its_full_name_and_dates_the_report()
    {
        var text = "Cabinet meets\n\nHANOI, Feb. 3 (VNA) -- The Government held a meeting on Monday to review the 2020 budget, the plan for 2020 and other matters.";
        var r = ReportExtractor.Default.Extract(text);
        r.Report.Outlet.ShouldBe("Vietnam News Agency");
        r.Report.Published.ShouldBe(new DateOnly(2020, 2, 3));
        r.Meetings.Single().Date.ShouldBe(new DateOnly(2020, 2, 3));
    }

    [Fact]
    public void Without_byline_or_dateline_the_publication_date_is_unknown()
    {
        var r = ReportExtractor.Default.Extract("Headline only\n\nThe board held a meeting on Friday.");
        r.Report.Published.ShouldBeNull();
        r.Report.HeadlineSpan.ShouldBe(new TextSpan(0, 13));
    }

    [Fact]
    public void Spans_of_header_fields_point_at_the_original_text()
    {
        var text = "Heads\n  ·  2022-01-05  ·   Source: Kyodo\n\nThe Cabinet held a meeting on Tuesday.";
        var r = ReportExtractor.Default.Extract(text);
        r.Report.PublishedSpan!.Value.Of(text).ShouldBe("2022-01-05");
        r.Report.OutletSpan!.Value.Of(text).ShouldBe("Kyodo");
        r.Report.Outlet.ShouldBe("Kyodo News");
    }
}
