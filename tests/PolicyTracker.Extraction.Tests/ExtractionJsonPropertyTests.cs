using System.Diagnostics;
using System.Text.Json;
using CsCheck;
using PolicyTracker.Extraction.Json;

namespace PolicyTracker.Extraction.Tests;

/// <summary>The JSON writer over random extractions (not just what today's engine produces), and the
/// writer's output against the real scorer.</summary>
public sealed class ExtractionJsonPropertyTests
{
    private static readonly Gen<string> Text = Gen.Frequency(
        (4, Gen.String[0, 40]),
        (1, Gen.Char.Array[0, 20].Select(c => new string(c))));

    private static readonly Gen<string?> MaybeText = Gen.Frequency((3, Text.Select(t => (string?)t)), (1, Gen.Const((string?)null)));

    private static readonly Gen<TextSpan> Span = Gen.Select(Gen.Int[0, 100_000], Gen.Int[0, 5_000], (s, l) => new TextSpan(s, l));

    private static readonly Gen<TextSpan?> MaybeSpan = Gen.Frequency((3, Span.Select(s => (TextSpan?)s)), (1, Gen.Const((TextSpan?)null)));

    private static readonly Gen<DateOnly?> MaybeDate = Gen.Frequency((3, Gen.DateOnly.Select(d => (DateOnly?)d)), (1, Gen.Const((DateOnly?)null)));

    private static readonly Gen<double> Confidence = Gen.Frequency(
        (6, Gen.Double[0, 1]),
        (1, Gen.OneOf(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 1e-300, 0.1 + 0.2)));

    private static readonly Gen<ExtractedMeeting> Meeting = Gen.Select(
        Gen.Select(MaybeText, Text.Array[0, 3], MaybeSpan, MaybeText, MaybeDate, MaybeSpan, MaybeText),
        Gen.Select(Span, Confidence),
        Gen.Select(Text, Gen.Enum<ParticipantRole>(), MaybeText, Span, Confidence, (n, r, t, s, c) => new ExtractedParticipant(n, r, t, s, c)).Array[0, 4],
        Gen.Select(Text, Text, MaybeText, Span, Confidence, (t, v, i, s, c) => new ExtractedResolution(t, v, i, s, c)).Array[0, 4],
        Gen.Select(Text, MaybeText, Gen.Enum<DocumentAction>(), Span, Confidence, (t, k, a, s, c) => new ExtractedDocument(t, k, a, s, c)).Array[0, 3],
        (m, sc, participants, resolutions, documents) =>
            new ExtractedMeeting(m.Item1, m.Item2, m.Item3, m.Item4, m.Item5, m.Item6, m.Item7, sc.Item1, sc.Item2, participants, resolutions, documents));

    private static readonly Gen<ReportExtraction> Extraction = Gen.Select(
        Gen.Select(MaybeText, MaybeSpan, MaybeText, MaybeSpan, MaybeDate, MaybeSpan, (h, hs, o, os, p, ps) => new ReportHeader(h, hs, o, os, p, ps)),
        Meeting.Array[0, 3],
        Text,
        (header, meetings, version) => new ReportExtraction(header, meetings, version));

    [Fact]
    public void Any_extraction_writes_json_that_parses_follows_the_schema_and_reads_back_its_values() =>
        Extraction.Sample(extraction =>
        {
            var json = ExtractionJson.ToJson(extraction);
            PropertyAssertions.JsonFollowsTheSchema(json);
            ExtractionJson.ToJson(extraction, indented: false).ShouldNotContain('\n');

            var read = CorpusJson.Read(json);
            read.Report.Headline.ShouldBe(Clean(extraction.Report.Headline));
            read.Report.Published.ShouldBe(extraction.Report.Published);
            read.ExtractorVersion.ShouldBe(Clean(extraction.ExtractorVersion));
            read.Meetings.Count.ShouldBe(extraction.Meetings.Count);
            for (var m = 0; m < read.Meetings.Count; m++)
            {
                var expected = extraction.Meetings[m];
                var actual = read.Meetings[m];
                actual.Body.ShouldBe(Clean(expected.Body));
                actual.Date.ShouldBe(expected.Date);
                actual.BodyAliases.ShouldBe(expected.BodyAliases.Select(Clean));
                actual.Participants.Select(p => (p.Name, p.Role)).ShouldBe(expected.Participants.Select(p => (Clean(p.Name), (ParticipantRole?)p.Role)));
                actual.Resolutions.ShouldBe(expected.Resolutions.Select(r => Clean(r.Text)));
                actual.Documents.Select(d => (d.Title, d.Action)).ShouldBe(expected.Documents.Select(d => (Clean(d.Title), (DocumentAction?)d.Action)));
            }
        }, iter: 500);

    [ScorerFact]
    public void Gold_files_written_back_by_the_writer_score_perfectly_with_score_py()
    {
        // Proves the scorer reads the writer's output, extra fields and all: an extraction equal to
        // the gold must score 1.0 on every figure.
        var output = Directory.CreateTempSubdirectory("policytracker-score-").FullName;
        try
        {
            foreach (var gold in FuzzCorpus.GoldFiles)
            {
                var report = CorpusJson.Read(File.ReadAllText(gold));
                var name = Path.GetFileName(gold)[..^".gold.json".Length];
                File.WriteAllBytes(Path.Combine(output, name + ".json"), ExtractionJson.ToUtf8Bytes(GoldAsExtraction(report)));
            }

            var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { Scorer.ScriptPath!, "--gold", FuzzCorpus.ReportsFolder!, "--pred", output, "--json" })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEnd();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.ShouldBe(0, stderr);

            using var figures = JsonDocument.Parse(stdout);
            foreach (var figure in figures.RootElement.EnumerateObject().Where(f => f.Name != "reports"))
            {
                figure.Value.GetDouble().ShouldBe(1.0, figure.Name);
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static ReportExtraction GoldAsExtraction(CorpusReport gold) => new(
        new ReportHeader(gold.Report.Headline, null, gold.Report.Outlet, null, gold.Report.Published, null),
        [.. gold.Meetings.Select(m => new ExtractedMeeting(
            m.Body, m.BodyAliases, new TextSpan(1, 2), m.Session, m.Date, new TextSpan(3, 4), m.Location, new TextSpan(0, 10), 0.5,
            [.. m.Participants.Select(p => new ExtractedParticipant(p.Name, p.Role ?? ParticipantRole.Attendee, "Premier", new TextSpan(5, 6), 0.9))],
            [.. m.Resolutions.Select(r => new ExtractedResolution(r, "called for", "meeting", new TextSpan(7, 8), 0.8))],
            [.. m.Documents.Select(d => new ExtractedDocument(d.Title, "plan", d.Action ?? DocumentAction.Adopted, new TextSpan(9, 10), 0.7))]))],
        "gold");

    // What the writer promises for text: lone surrogates become U+FFFD, everything else is kept.
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    private static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}

/// <summary>Skipped, saying why, when python3 or the corpus scorer is not available.</summary>
public sealed class ScorerFactAttribute : FactAttribute
{
    public ScorerFactAttribute()
    {
        if (Scorer.Missing is { } reason)
        {
            Skip = reason;
        }
    }
}

internal static class Scorer
{
    public static string? ScriptPath => FuzzCorpus.ReportsFolder is { } reports
        ? Path.GetFullPath(Path.Combine(reports, "..", "..", "eval", "score.py"))
        : null;

    public static string? Missing =>
        FuzzCorpus.ReportsFolder is null || FuzzCorpus.GoldFiles.Count == 0 ? "corpus gold files not found (../shared/corpus/reports)"
        : !File.Exists(ScriptPath) ? $"scorer not found: {ScriptPath}"
        : !OnPath("python3") ? "python3 not on PATH"
        : null;

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));
}
