using System.Text;
using PolicyTracker.Extraction.Json;
using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Robustness;

// Every extraction goes through the exception watch: the engine's catch-all would otherwise turn a
// defect into an empty result, and a "never throws" test could not fail.
public sealed class RobustnessTests
{
    public static TheoryData<string> Awkward => new()
    {
        string.Empty,
        "   \n\r\n\t ",
        "\uD800 lone surrogate \uDC00",
        "A\r\nB\rC\n\nD -- (x) --",
        "BEIJING, Feb. 31 (Xinhua) -- The council held a meeting on Feb. 30.",
        "Headline\n  ·  9999-99-99  ·   Source:\n\nIt was decided that",
        "\0\0\0binary\u0001\u0002 meeting of the of the of the",
        "Title\n\n(((((((((( meeting )))))))) \"\"\" ''' ;;; ,,, called for called for approved approved",
    };

    [Theory]
    [MemberData(nameof(Awkward))]
    public void Awkward_input_never_throws_and_spans_stay_inside(string text)
    {
        var r = ExceptionWatch.Extract(text);
        SpanChecks.AllInside(r, text);
    }

    [Fact]
    public void Null_input_is_an_empty_report()
    {
        var r = ExceptionWatch.Extract(null);
        r.Meetings.ShouldBeEmpty();
        r.ExtractorVersion.ShouldBe(ReportExtractor.Version);
    }

    [Fact]
    public void A_one_megabyte_report_extracts_without_error_and_with_every_span_inside()
    {
        var sb = new StringBuilder("Big report\n  ·  2024-03-06  ·   Source: Wire\n\n");
        var rnd = new Random(7);
        while (sb.Length < 1_000_000)
        {
            sb.Append("Premier Ana Ruiz chaired a meeting of the Harbour Council on Monday, and the meeting called for cleaner ports, ");
            sb.Append(rnd.Next(2) == 0 ? "and approved a plan on dredging. " : "while ");
            sb.Append(new string('x', rnd.Next(1, 40))).Append(rnd.Next(3) == 0 ? "\n\n" : " ");
        }

        // Its speed (140 ms on one core) is the benchmark's to measure: PolicyTracker.Benchmarks --quick.
        var text = sb.ToString();
        var r = ExceptionWatch.Extract(text);
        SpanChecks.AllInside(r, text);
        r.Meetings.ShouldNotBeEmpty();
    }

    [Fact]
    public void Random_garbage_never_throws()
    {
        var rnd = new Random(11);
        const string alphabet = "aA Zz.,;:-'\"()\n\r\t0123456789·—\u2019\uD83D\uDE00 meeting chaired by Premier of the Council called for approved";
        for (var n = 0; n < 300; n++)
        {
            var chars = new char[rnd.Next(0, 400)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[rnd.Next(alphabet.Length)];
            }

            var text = new string(chars);
            SpanChecks.AllInside(ExceptionWatch.Extract(text), text);
        }
    }

    [Fact]
    public void Extraction_is_deterministic_across_threads()
    {
        var text = "Head\n  ·  2024-03-06  ·   Source: Wire\n\nPremier Ana Ruiz chaired a meeting of the Harbour Council on Monday. The meeting called for cleaner ports and adopted a plan on dredging.";
        var expected = ExtractionJson.ToJson(ExceptionWatch.Extract(text));
        Parallel.For(0, 64, _ => ExtractionJson.ToJson(ExceptionWatch.Extract(text)).ShouldBe(expected));
    }
}
