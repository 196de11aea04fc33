using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests;

public sealed class CorpusRegressionTests
{
    [Fact]
    public void Every_corpus_report_extracts_without_error_and_with_spans_inside_the_text()
    {
        var files = CorpusLocator.ReportFiles().ToList();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var r = ReportExtractor.Default.Extract(text);
            SpanChecks.AllInside(r, text);
            r.Meetings.ShouldNotBeEmpty(Path.GetFileName(file));
        }
    }
}
