using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PolicyTracker.Extraction;
using PolicyTracker.Extraction.Json;

namespace PolicyTracker.Benchmarks;

/// <summary><c>--quick</c>: a few seconds of stopwatch timing instead of BenchmarkDotNet's minutes, with the
/// one time budget the tests deliberately do not assert: a 1 MB report extracts in under a second.</summary>
public static class QuickCheck
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    /// <summary>Prints figures; returns 1 when the 1 MB report takes a second or more.</summary>
    public static int Run(TextWriter output)
    {
        var texts = BenchmarkCorpus.LoadBatch();
        var oneMegabyte = BenchmarkCorpus.Repeated(1024 * 1024);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using var json = new Utf8JsonWriter(buffer, ExtractionJson.IndentedOptions);

        output.WriteLine(Line($"corpus: {BenchmarkCorpus.Describe()}; engine {ReportExtractor.Version}"));

        // Warm-up, so tiered JIT has compiled the hot paths before timing.
        Measure(texts, buffer, json, TimeSpan.FromSeconds(1));
        var (reports, elapsed) = Measure(texts, buffer, json, TimeSpan.FromSeconds(3));
        output.WriteLine(Line($"extract + serialize, one thread: {reports / elapsed.TotalSeconds:F0} reports/s ({elapsed.TotalMicroseconds / reports:F1} µs/report)"));

        ReportExtractor.Default.Extract(oneMegabyte);
        var stopwatch = Stopwatch.StartNew();
        ReportExtractor.Default.Extract(oneMegabyte);
        stopwatch.Stop();
        var ok = stopwatch.Elapsed < Budget;
        output.WriteLine(Line($"1 MB report ({oneMegabyte.Length:N0} chars): {stopwatch.Elapsed.TotalMilliseconds:F1} ms (budget {Budget.TotalMilliseconds:F0} ms) {(ok ? "OK" : "OVER BUDGET")}"));
        return ok ? 0 : 1;
    }

    private static (long Reports, TimeSpan Elapsed) Measure(string[] texts, ArrayBufferWriter<byte> buffer, Utf8JsonWriter json, TimeSpan duration)
    {
        long reports = 0;
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < duration)
        {
            foreach (var text in texts)
            {
                buffer.ResetWrittenCount();
                json.Reset(buffer);
                ExtractionJson.Write(json, ReportExtractor.Default.Extract(text));
                json.Flush();
            }

            reports += texts.Length;
        }

        return (reports, stopwatch.Elapsed);
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
