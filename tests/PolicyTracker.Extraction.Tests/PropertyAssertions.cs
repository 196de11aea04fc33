using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyTracker.Extraction.Json;
using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests;

/// <summary>What must hold for every input, whatever the engine extracts from it.</summary>
internal static partial class PropertyAssertions
{
    private static readonly HashSet<string> Roles = ["chair", "speaker", "attendee"];
    private static readonly HashSet<string> Actions = ["adopted", "reviewed", "approved", "discussed", "deliberated", "passed", "issued"];

    /// <summary>Extracts through the exception watch: fails if the engine hit a defect exception, even one it caught.</summary>
    public static ReportExtraction Extract(string? text) => ExceptionWatch.Extract(text);

    /// <summary>Extracts twice and checks spans, determinism and the JSON; returns the JSON.</summary>
    public static string ExtractAndCheck(string text)
    {
        var first = Extract(text);
        var second = Extract(text);

        SpansAreInside(first, text);

        var json = ExtractionJson.ToJson(first);
        var again = ExtractionJson.ToJson(second);
        if (!string.Equals(json, again, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Second extraction differs.\nfirst:\n{json}\nsecond:\n{again}");
        }

        JsonFollowsTheSchema(json);
        return json;
    }

    /// <summary>Every span the engine reports indexes <paramref name="text"/>: 0 &lt;= start, 0 &lt;= length, end &lt;= text length.</summary>
    public static void SpansAreInside(ReportExtraction extraction, string text)
    {
        Inside(extraction.Report.HeadlineSpan, text, "headline");
        Inside(extraction.Report.OutletSpan, text, "outlet");
        Inside(extraction.Report.PublishedSpan, text, "published");
        for (var m = 0; m < extraction.Meetings.Count; m++)
        {
            var meeting = extraction.Meetings[m];
            Inside(meeting.Span, text, $"meetings[{m}]");
            Inside(meeting.BodySpan, text, $"meetings[{m}].body");
            Inside(meeting.DateSpan, text, $"meetings[{m}].date");
            for (var i = 0; i < meeting.Participants.Count; i++)
            {
                Inside(meeting.Participants[i].Span, text, $"meetings[{m}].participants[{i}]");
            }

            for (var i = 0; i < meeting.Resolutions.Count; i++)
            {
                Inside(meeting.Resolutions[i].Span, text, $"meetings[{m}].resolutions[{i}]");
            }

            for (var i = 0; i < meeting.Documents.Count; i++)
            {
                Inside(meeting.Documents[i].Span, text, $"meetings[{m}].documents[{i}]");
            }
        }
    }

    /// <summary>The JSON parses and has the corpus schema's shape, so score.py and the app can read it.</summary>
    public static void JsonFollowsTheSchema(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        root.ValueKind.ShouldBe(JsonValueKind.Object);

        var report = root.GetProperty("report");
        StringOrNull(report, "headline");
        StringOrNull(report, "outlet");
        DateOrNull(report, "published");
        root.GetProperty("extractor_version").ValueKind.ShouldBe(JsonValueKind.String);

        foreach (var meeting in root.GetProperty("meetings").EnumerateArray())
        {
            StringOrNull(meeting, "body");
            meeting.GetProperty("body_aliases").EnumerateArray().ShouldAllBe(a => a.ValueKind == JsonValueKind.String);
            StringOrNull(meeting, "session");
            DateOrNull(meeting, "date");
            StringOrNull(meeting, "location");
            foreach (var participant in meeting.GetProperty("participants").EnumerateArray())
            {
                participant.GetProperty("name").ValueKind.ShouldBe(JsonValueKind.String);
                Roles.ShouldContain(participant.GetProperty("role").GetString()!);
            }

            var resolutions = meeting.GetProperty("resolutions");
            resolutions.EnumerateArray().ShouldAllBe(r => r.ValueKind == JsonValueKind.String);
            meeting.GetProperty("resolution_details").GetArrayLength().ShouldBe(resolutions.GetArrayLength());
            foreach (var document_ in meeting.GetProperty("documents").EnumerateArray())
            {
                document_.GetProperty("title").ValueKind.ShouldBe(JsonValueKind.String);
                Actions.ShouldContain(document_.GetProperty("action").GetString()!);
            }
        }

        // The reader accepts whatever the writer writes.
        CorpusJson.Read(json).Meetings.Count.ShouldBe(root.GetProperty("meetings").GetArrayLength());
    }

    private static void Inside(TextSpan? span, string text, string what)
    {
        if (span is not { } s)
        {
            return;
        }

        if (s.Start < 0 || s.Length < 0 || s.Start > text.Length - s.Length)
        {
            throw new InvalidOperationException($"{what} span [{s.Start}, {s.Length}] is outside the text of length {text.Length}.");
        }
    }

    private static void StringOrNull(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind.ShouldBeOneOf(JsonValueKind.String, JsonValueKind.Null);

    private static void DateOrNull(JsonElement element, string name)
    {
        var value = element.GetProperty(name);
        if (value.ValueKind != JsonValueKind.Null)
        {
            IsoDate().IsMatch(value.GetString()!).ShouldBeTrue($"{name} {value} is not yyyy-MM-dd");
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();
}
