using CsCheck;
using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests;

/// <summary>
/// Properties that hold for ANY correct engine, whatever it extracts: it never throws, every span is
/// inside the text, a second run gives the same JSON, and the JSON follows the corpus schema.
/// Iteration counts keep the whole class to a few seconds with a fast engine and well under 20 s with a slow one.
/// </summary>
public sealed class ExtractionPropertyTests
{
    [Fact]
    public void Null_and_empty_text_extract_without_throwing()
    {
        PropertyAssertions.JsonFollowsTheSchema(Json.ExtractionJson.ToJson(PropertyAssertions.Extract(null)));
        PropertyAssertions.ExtractAndCheck(string.Empty);
        PropertyAssertions.ExtractAndCheck("\n");
        PropertyAssertions.ExtractAndCheck("\uFEFF");
    }

    [Fact]
    public void Every_corpus_report_extracts_with_spans_inside_the_text_and_the_same_json_twice()
    {
        foreach (var (name, text) in FuzzCorpus.Reports)
        {
            try
            {
                PropertyAssertions.ExtractAndCheck(text);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new InvalidOperationException($"{name}: {ex.Message}", ex);
            }
        }
    }

    [Fact]
    public void Any_utf16_string_including_controls_and_lone_surrogates_extracts_safely() =>
        FuzzGenerators.AnyString.Sample(text => PropertyAssertions.ExtractAndCheck(text), iter: 1000, print: Show);

    [Fact]
    public void Report_like_text_built_from_meeting_vocabulary_extracts_safely() =>
        FuzzGenerators.ReportLikeString.Sample(text => PropertyAssertions.ExtractAndCheck(text), iter: 600, print: Show);

    [Fact]
    public void Corpus_reports_with_lines_words_and_punctuation_deleted_duplicated_swapped_or_inserted_extract_safely() =>
        FuzzGenerators.MutatedReport(FuzzCorpus.Reports).Sample(text => PropertyAssertions.ExtractAndCheck(text), iter: 400, print: Show);

    [Fact]
    public void Corpus_reports_with_crlf_line_ends_or_without_a_trailing_newline_extract_safely()
    {
        foreach (var (_, text) in FuzzCorpus.Reports)
        {
            PropertyAssertions.ExtractAndCheck(text.Replace("\n", "\r\n", StringComparison.Ordinal));
            PropertyAssertions.ExtractAndCheck(text.TrimEnd());
            PropertyAssertions.ExtractAndCheck("\uFEFF" + text);
        }
    }

    [Fact]
    public void A_one_megabyte_report_completes_with_spans_inside_the_text()
    {
        // Speed is measured in the benchmark (docs/benchmarks.md), not asserted here; this only
        // proves a report at half the CLI's 2 MB limit goes through.
        var text = FuzzCorpus.Repeated(1024 * 1024);
        var extraction = PropertyAssertions.Extract(text);
        PropertyAssertions.SpansAreInside(extraction, text);
        PropertyAssertions.JsonFollowsTheSchema(Json.ExtractionJson.ToJson(extraction));
    }

    [Fact]
    public void The_defect_watch_sees_exceptions_thrown_and_caught_on_the_extracting_thread_only()
    {
        // Guards the guard, as below: the watch is what finds defects an engine's catch-all would hide.
        var defects = ExceptionWatch.DefectsDuring(() =>
        {
            try
            {
                throw new InvalidOperationException("caught");
            }
            catch (InvalidOperationException)
            {
            }
        });

        defects.ShouldHaveSingleItem().Message.ShouldBe("caught");
        ExceptionWatch.DefectsDuring(() => { }).ShouldBeEmpty();
    }

    [Fact]
    public void The_span_check_rejects_spans_that_start_before_or_end_after_the_text()
    {
        // Guards the guard: a checker that accepts everything would make every fuzz test pass.
        static ReportExtraction WithHeadlineSpan(int start, int length) =>
            new(new ReportHeader("x", new TextSpan(start, length), null, null, null, null), [], "test");

        PropertyAssertions.SpansAreInside(WithHeadlineSpan(0, 5), "hello");
        Should.Throw<InvalidOperationException>(() => PropertyAssertions.SpansAreInside(WithHeadlineSpan(1, 5), "hello"));
        Should.Throw<InvalidOperationException>(() => PropertyAssertions.SpansAreInside(WithHeadlineSpan(-1, 2), "hello"));
        Should.Throw<InvalidOperationException>(() => PropertyAssertions.SpansAreInside(WithHeadlineSpan(2, -1), "hello"));
        Should.Throw<InvalidOperationException>(() => PropertyAssertions.SpansAreInside(WithHeadlineSpan(int.MaxValue, 1), "hello"));
    }

    // The failing text, escaped so controls and surrogates are visible in the test output.
    private static string Show(string text)
    {
        var builder = new System.Text.StringBuilder("\"");
        foreach (var c in text.Length > 4000 ? text[..4000] : text)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c is >= ' ' and <= '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        return builder.Append(text.Length > 4000 ? "\"…" : "\"").ToString();
    }
}
