namespace PolicyTracker.Extraction.Tests.Support;

/// <summary>Shorthands for tests: a report is a headline, an optional byline and a body.</summary>
internal static class Extract
{
    public static ReportExtraction Report(string body, string byline = "  ·  2024-03-06  ·   Source: Test Wire")
        => ReportExtractor.Default.Extract("Test headline\n" + byline + "\n\n" + body);

    public static ExtractedMeeting Single(string body, string byline = "  ·  2024-03-06  ·   Source: Test Wire")
    {
        var result = Report(body, byline);
        result.Meetings.Count.ShouldBe(1);
        return result.Meetings[0];
    }

    public static IEnumerable<string> Names(this ExtractedMeeting m) => m.Participants.Select(p => p.Name);

    public static ParticipantRole RoleOf(this ExtractedMeeting m, string name) => m.Participants.Single(p => p.Name == name).Role;
}
