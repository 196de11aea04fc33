namespace PolicyTracker.Extraction.Layout;

/// <summary>Header fields plus where the body starts and which date anchors relative dates.</summary>
internal sealed record ReportLayout(ReportHeader Header, int BodyStart, DateOnly? Reference);
