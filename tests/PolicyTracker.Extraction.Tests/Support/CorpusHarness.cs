using System.Text;
using System.Text.Json;

namespace PolicyTracker.Extraction.Tests.Support;

/// <summary>Writes the extractor's output for every corpus report in the scorer's schema, so
/// /work/shared/eval/score.py can compare it with the gold files. A test-side stand-in for the
/// real serializer.</summary>
public sealed class CorpusHarness
{
    [Fact]
    [Trait("Category", "Harness")]
    public void Writes_predictions_for_the_scorer_when_EXTRACT_OUT_is_set()
    {
        var outDir = Environment.GetEnvironmentVariable("EXTRACT_OUT");
        if (string.IsNullOrWhiteSpace(outDir))
        {
            return;
        }

        Directory.CreateDirectory(outDir);
        foreach (var file in CorpusLocator.ReportFiles())
        {
            var text = File.ReadAllText(file);
            var result = ReportExtractor.Default.Extract(text);
            var name = Path.GetFileNameWithoutExtension(file);
            File.WriteAllText(Path.Combine(outDir, name + ".json"), Serialize(result), new UTF8Encoding(false));
        }
    }

    internal static string Serialize(ReportExtraction r)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartObject("report");
            w.WriteString("headline", r.Report.Headline);
            w.WriteString("outlet", r.Report.Outlet);
            w.WriteString("published", r.Report.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteEndObject();
            w.WriteStartArray("meetings");
            foreach (var m in r.Meetings)
            {
                w.WriteStartObject();
                w.WriteString("body", m.Body);
                w.WriteStartArray("body_aliases");
                foreach (var a in m.BodyAliases)
                {
                    w.WriteStringValue(a);
                }

                w.WriteEndArray();
                w.WriteString("session", m.Session);
                w.WriteString("date", m.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteString("location", m.Location);
                w.WriteStartArray("participants");
                foreach (var p in m.Participants)
                {
                    w.WriteStartObject();
                    w.WriteString("name", p.Name);
                    w.WriteString("role", p.Role.ToString().ToLowerInvariant());
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("resolutions");
                foreach (var res in m.Resolutions)
                {
                    w.WriteStringValue(res.Text);
                }

                w.WriteEndArray();
                w.WriteStartArray("documents");
                foreach (var d in m.Documents)
                {
                    w.WriteStartObject();
                    w.WriteString("title", d.Title);
                    w.WriteString("action", d.Action.ToString().ToLowerInvariant());
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(ms.ToArray());
    }
}
