using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PolicyTracker.Extraction.Json;

namespace PolicyTracker.Extraction.Tests;

public sealed class ExtractionJsonTests
{
    private const string SampleText = "Xi urges efforts\n  ·  2023-05-31  ·   Source: Xinhua News Agency\n\nXi Jinping on May 30 chaired the meeting.";

    private static ReportExtraction Sample() => new(
        new ReportHeader("Xi urges efforts", new TextSpan(0, 16), "Xinhua News Agency", new TextSpan(47, 18), new DateOnly(2023, 5, 31), new TextSpan(22, 10)),
        [
            new ExtractedMeeting(
                "National Security Commission",
                ["National Security Commission under the 20th CPC Central Committee"],
                new TextSpan(70, 11),
                "first meeting of the National Security Commission",
                new DateOnly(2023, 5, 30),
                new TextSpan(78, 6),
                null,
                new TextSpan(67, 42),
                0.9,
                [
                    new ExtractedParticipant("Xi Jinping", ParticipantRole.Chair, "President", new TextSpan(67, 10), 0.95),
                    new ExtractedParticipant("Li Qiang", ParticipantRole.Attendee, null, new TextSpan(67, 2), 0.8),
                ],
                [new ExtractedResolution("accelerated efforts to \"modernize\"", "called for", "Xi Jinping", new TextSpan(4, 5), 0.7)],
                [new ExtractedDocument("document on speeding up", "document", DocumentAction.Adopted, new TextSpan(90, 8), 0.6)]),
        ],
        "1.2.3");

    [Fact]
    public void A_full_extraction_is_written_in_the_corpus_schema_with_extra_fields_alongside()
    {
        var expected = """
            {
              "report": {
                "headline": "Xi urges efforts",
                "outlet": "Xinhua News Agency",
                "published": "2023-05-31",
                "headline_span": [0, 16],
                "outlet_span": [47, 18],
                "published_span": [22, 10]
              },
              "meetings": [
                {
                  "body": "National Security Commission",
                  "body_aliases": [
                    "National Security Commission under the 20th CPC Central Committee"
                  ],
                  "session": "first meeting of the National Security Commission",
                  "date": "2023-05-30",
                  "location": null,
                  "participants": [
                    {
                      "name": "Xi Jinping",
                      "role": "chair",
                      "title": "President",
                      "span": [67, 10],
                      "confidence": 0.95
                    },
                    {
                      "name": "Li Qiang",
                      "role": "attendee",
                      "title": null,
                      "span": [67, 2],
                      "confidence": 0.8
                    }
                  ],
                  "resolutions": [
                    "accelerated efforts to \"modernize\""
                  ],
                  "documents": [
                    {
                      "title": "document on speeding up",
                      "action": "adopted",
                      "kind": "document",
                      "span": [90, 8],
                      "confidence": 0.6
                    }
                  ],
                  "resolution_details": [
                    {
                      "text": "accelerated efforts to \"modernize\"",
                      "verb": "called for",
                      "issued_by": "Xi Jinping",
                      "span": [4, 5],
                      "confidence": 0.7
                    }
                  ],
                  "body_span": [70, 11],
                  "date_span": [78, 6],
                  "span": [67, 42],
                  "confidence": 0.9
                }
              ],
              "extractor_version": "1.2.3"
            }
            """;

        ExtractionJson.ToJson(Sample()).ShouldBe(expected);
    }

    [Fact]
    public void Compact_output_is_one_line_and_reads_back_the_same_as_indented()
    {
        var compact = ExtractionJson.ToJson(Sample(), indented: false);
        compact.ShouldNotContain('\n');
        Describe(CorpusJson.Read(compact)).ShouldBe(Describe(CorpusJson.Read(ExtractionJson.ToJson(Sample()))));
    }

    [Fact]
    public void The_stream_buffer_writer_and_string_overloads_write_the_same_bytes()
    {
        var expected = ExtractionJson.ToUtf8Bytes(Sample());

        using var stream = new MemoryStream();
        ExtractionJson.Write(stream, Sample());
        var buffer = new ArrayBufferWriter<byte>();
        ExtractionJson.Write(buffer, Sample());

        stream.ToArray().ShouldBe(expected);
        buffer.WrittenSpan.ToArray().ShouldBe(expected);
        Encoding.UTF8.GetBytes(ExtractionJson.ToJson(Sample())).ShouldBe(expected);
    }

    [Fact]
    public void Every_role_and_action_is_written_in_lowercase_and_reads_back()
    {
        foreach (var role in Enum.GetValues<ParticipantRole>())
        {
            var name = ExtractionJson.RoleToString(role);
            name.ShouldBe(role.ToString().ToLowerInvariant());
            CorpusJson.ParseRole(name).ShouldBe(role);
        }

        foreach (var action in Enum.GetValues<DocumentAction>())
        {
            var name = ExtractionJson.ActionToString(action);
            name.ShouldBe(action.ToString().ToLowerInvariant());
            CorpusJson.ParseAction(name).ShouldBe(action);
        }
    }

    [Fact]
    public void Missing_values_are_null_and_missing_lists_are_empty()
    {
        var extraction = new ReportExtraction(
            new ReportHeader(null, null, null, null, null, null),
            [new ExtractedMeeting(null, [], null, null, null, null, null, new TextSpan(0, 0), 0.5, [], [], [])],
            "0");

        using var document = JsonDocument.Parse(ExtractionJson.ToJson(extraction));
        var report = document.RootElement.GetProperty("report");
        report.GetProperty("headline").ValueKind.ShouldBe(JsonValueKind.Null);
        report.GetProperty("published").ValueKind.ShouldBe(JsonValueKind.Null);
        report.GetProperty("headline_span").ValueKind.ShouldBe(JsonValueKind.Null);
        var meeting = document.RootElement.GetProperty("meetings")[0];
        meeting.GetProperty("date").ValueKind.ShouldBe(JsonValueKind.Null);
        meeting.GetProperty("body_aliases").GetArrayLength().ShouldBe(0);
        meeting.GetProperty("participants").GetArrayLength().ShouldBe(0);
        meeting.GetProperty("resolutions").GetArrayLength().ShouldBe(0);
        meeting.GetProperty("documents").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    [InlineData("de-DE")]
    public void Dates_and_numbers_are_invariant_whatever_the_current_culture(string culture)
    {
        var expected = ExtractionJson.ToJson(Sample());
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            // Thai and Persian cultures default to non-Gregorian calendars; German uses decimal commas.
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            var json = ExtractionJson.ToJson(Sample());
            json.ShouldBe(expected);
            json.ShouldContain("\"published\": \"2023-05-31\"");
            json.ShouldContain("\"confidence\": 0.95");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Fact]
    public void Lone_surrogates_become_replacement_characters_and_pairs_survive()
    {
        var extraction = new ReportExtraction(new ReportHeader("a\uD800b \uDC00 \U0001F600 \uDBFF", null, null, null, null, null), [], "0");

        var json = ExtractionJson.ToJson(extraction);

        CorpusJson.Read(json).Report.Headline.ShouldBe("a\uFFFDb \uFFFD \U0001F600 \uFFFD");
    }

    [Fact]
    public void Non_ascii_text_is_written_as_utf8_not_escaped_and_quotes_and_controls_are_escaped()
    {
        var extraction = new ReportExtraction(new ReportHeader("Tô Lâm 习近平 \"q\" \\ \u0001\t", null, null, null, null, null), [], "0");

        var json = ExtractionJson.ToJson(extraction);

        json.ShouldContain("Tô Lâm 习近平");
        json.ShouldContain("\\\"q\\\" \\\\ \\u0001\\t");
        CorpusJson.Read(json).Report.Headline.ShouldBe("Tô Lâm 习近平 \"q\" \\ \u0001\t");
    }

    [Fact]
    public void Non_finite_confidence_is_written_as_null_instead_of_throwing()
    {
        var extraction = Sample() with
        {
            Meetings = [Sample().Meetings[0] with { Confidence = double.NaN, Participants = [new ExtractedParticipant("A B", ParticipantRole.Speaker, null, new TextSpan(0, 1), double.PositiveInfinity)] }],
        };

        using var document = JsonDocument.Parse(ExtractionJson.ToJson(extraction));
        var meeting = document.RootElement.GetProperty("meetings")[0];
        meeting.GetProperty("confidence").ValueKind.ShouldBe(JsonValueKind.Null);
        meeting.GetProperty("participants")[0].GetProperty("confidence").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void Resolution_details_run_parallel_to_the_plain_string_resolutions()
    {
        using var document = JsonDocument.Parse(ExtractionJson.ToJson(Sample()));
        var meeting = document.RootElement.GetProperty("meetings")[0];
        var plain = meeting.GetProperty("resolutions").EnumerateArray().Select(r => r.GetString()).ToList();
        var details = meeting.GetProperty("resolution_details").EnumerateArray().Select(r => r.GetProperty("text").GetString()).ToList();
        details.ShouldBe(plain);
    }

    [Fact]
    public void Every_gold_file_reads_and_round_trips_through_the_writer_unchanged()
    {
        var golds = FuzzCorpus.GoldFiles.Select(path => (path, File.ReadAllText(path))).ToList();
        golds.Add(("built-in", BuiltInGold));

        foreach (var (path, json) in golds)
        {
            var gold = CorpusJson.Read(json);
            var written = ExtractionJson.ToJson(ToExtraction(gold));
            var reread = CorpusJson.Read(written);

            Describe(reread).ShouldBe(Describe(gold), path);
            ShouldMatchTheSourceJson(json, written, path);
        }
    }

    [Fact]
    public void The_reader_tolerates_missing_fields_and_bare_string_participants_and_documents()
    {
        var report = CorpusJson.Read("""{"meetings":[{"participants":["Xi Jinping",{"name":"Li Qiang","role":"host"}],"documents":["plan on X"],"date":"May 30"}]}""");

        report.Report.Headline.ShouldBeNull();
        var meeting = report.Meetings.ShouldHaveSingleItem();
        meeting.Date.ShouldBeNull();
        meeting.Participants.Select(p => (p.Name, p.Role)).ShouldBe([("Xi Jinping", (ParticipantRole?)null), ("Li Qiang", null)]);
        meeting.Documents.ShouldHaveSingleItem().Title.ShouldBe("plan on X");
        Should.Throw<JsonException>(() => CorpusJson.Read("[]"));
    }

    /// <summary>Every schema field in the source file has the same value in the written one.</summary>
    private static void ShouldMatchTheSourceJson(string source, string written, string path)
    {
        using var expected = JsonDocument.Parse(source);
        using var actual = JsonDocument.Parse(written);
        Contains(expected.RootElement, actual.RootElement, path);
    }

    private static void Contains(JsonElement expected, JsonElement actual, string where)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in expected.EnumerateObject())
                {
                    actual.TryGetProperty(property.Name, out var value).ShouldBeTrue($"{where}.{property.Name} is missing");
                    Contains(property.Value, value, $"{where}.{property.Name}");
                }

                break;
            case JsonValueKind.Array:
                actual.GetArrayLength().ShouldBe(expected.GetArrayLength(), where);
                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    Contains(expected[i], actual[i], $"{where}[{i}]");
                }

                break;
            default:
                actual.GetRawText().ShouldBe(expected.GetRawText(), where);
                break;
        }
    }

    private static ReportExtraction ToExtraction(CorpusReport gold) => new(
        new ReportHeader(gold.Report.Headline, null, gold.Report.Outlet, null, gold.Report.Published, null),
        [.. gold.Meetings.Select(m => new ExtractedMeeting(
            m.Body,
            m.BodyAliases,
            null,
            m.Session,
            m.Date,
            null,
            m.Location,
            new TextSpan(0, 0),
            1,
            [.. m.Participants.Select(p => new ExtractedParticipant(p.Name, p.Role ?? ParticipantRole.Attendee, null, new TextSpan(0, 0), 1))],
            [.. m.Resolutions.Select(r => new ExtractedResolution(r, "called for", null, new TextSpan(0, 0), 1))],
            [.. m.Documents.Select(d => new ExtractedDocument(d.Title, null, d.Action ?? DocumentAction.Adopted, new TextSpan(0, 0), 1))]))],
        "gold");

    // Records compare lists by reference, so compare a flat description instead.
    private static string Describe(CorpusReport report)
    {
        var builder = new StringBuilder();
        builder.AppendLine(CultureInfo.InvariantCulture, $"{report.Report}");
        foreach (var m in report.Meetings)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"{m.Body}|{string.Join(";", m.BodyAliases)}|{m.Session}|{m.Date:O}|{m.Location}");
            builder.AppendLine(string.Join(";", m.Participants));
            builder.AppendLine(string.Join(";", m.Resolutions));
            builder.AppendLine(string.Join(";", m.Documents));
        }

        return builder.ToString();
    }

    private const string BuiltInGold = """
        {
          "report": {"headline": "Cabinet backs new housing package", "outlet": "Reuters", "published": null},
          "meetings": [
            {
              "body": "Cabinet",
              "body_aliases": ["federal cabinet"],
              "session": null,
              "date": "2024-03-04",
              "location": "Canberra",
              "participants": [{"name": "Anthony Albanese", "role": "chair"}, {"name": "Jim Chalmers", "role": "speaker"}],
              "resolutions": ["against delays in planning approvals"],
              "documents": [{"title": "report on rental affordability", "action": "discussed"}]
            }
          ]
        }
        """;
}
