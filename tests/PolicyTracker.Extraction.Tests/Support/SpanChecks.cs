namespace PolicyTracker.Extraction.Tests.Support;

internal static class SpanChecks
{
    public static void AllInside(ReportExtraction r, string text)
    {
        void Check(TextSpan? span)
        {
            if (span is { } s)
            {
                s.Start.ShouldBeGreaterThanOrEqualTo(0);
                s.Length.ShouldBeGreaterThanOrEqualTo(0);
                s.End.ShouldBeLessThanOrEqualTo(text.Length);
            }
        }

        Check(r.Report.HeadlineSpan);
        Check(r.Report.OutletSpan);
        Check(r.Report.PublishedSpan);
        foreach (var m in r.Meetings)
        {
            Check(m.BodySpan);
            Check(m.DateSpan);
            Check(m.Span);
            m.Confidence.ShouldBeInRange(0, 1);
            foreach (var p in m.Participants)
            {
                Check(p.Span);
                p.Confidence.ShouldBeInRange(0, 1);
            }

            foreach (var x in m.Resolutions)
            {
                Check(x.Span);
                x.Span.Of(text).ShouldBe(x.Text, StringCompareShould.IgnoreCase);
                x.Confidence.ShouldBeInRange(0, 1);
            }

            foreach (var d in m.Documents)
            {
                Check(d.Span);
                d.Confidence.ShouldBeInRange(0, 1);
            }
        }
    }
}
