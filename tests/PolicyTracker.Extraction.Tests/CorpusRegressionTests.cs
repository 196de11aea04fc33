using PolicyTracker.Extraction.Tests.Support;
using PolicyTracker.TestSupport;

namespace PolicyTracker.Extraction.Tests;

public sealed class CorpusRegressionTests
{
    [CorpusFact]
    public void Every_corpus_report_extracts_without_error_and_with_spans_inside_the_text()
    {
        var files = CorpusLocator.ReportFiles();
        files.ShouldNotBeEmpty("the corpus has no reports");
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var r = ExceptionWatch.Extract(text);
            SpanChecks.AllInside(r, text);
            r.Meetings.ShouldNotBeEmpty(Path.GetFileName(file));
        }
    }
}
