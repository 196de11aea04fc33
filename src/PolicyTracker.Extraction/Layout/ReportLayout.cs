namespace PolicyTracker.Extraction.Layout;

/// <summary>Header fields plus where the body starts, which date anchors relative dates, and the date the
/// headline names (a meeting whose text gives no date of its own is dated by it).</summary>
internal sealed record ReportLayout(ReportHeader Header, int BodyStart, DateOnly? Reference, DateOnly? HeadlineDate = null);
