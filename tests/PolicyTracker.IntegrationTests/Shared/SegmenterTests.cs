using PolicyTracker.Data;
using PolicyTracker.Web.Components.Shared;

namespace PolicyTracker.IntegrationTests.Shared;

// Pure tests of the one segmenter both the report page and the review page use: no database.
public sealed class SegmenterTests
{
    private static string Joined(IEnumerable<TextSegment> segments) => string.Concat(segments.Select(s => s.Text));

    [Fact]
    public void Empty_text_gives_no_segments()
    {
        Segmenter.Split("", [new FactSpan(0, 5, FactKind.Person, "x")], (0, 3), (0, 2)).ShouldBeEmpty();
    }

    [Fact]
    public void Text_without_spans_is_one_plain_segment()
    {
        var segments = Segmenter.Split("Council met.", []);

        segments.ShouldHaveSingleItem().ShouldBe(new TextSegment(0, "Council met.", null, false, false));
    }

    [Fact]
    public void Spans_past_the_end_are_clipped_or_dropped()
    {
        var text = "The council met";
        var tail = new FactSpan(4, 100, FactKind.Body, "council");
        var beyond = new FactSpan(40, 3, FactKind.Date, "later");
        var before = new FactSpan(-5, 8, FactKind.Person, "the");

        var segments = Segmenter.Split(text, [tail, beyond, before]);

        Joined(segments).ShouldBe(text);
        segments.Select(s => (s.Start, s.Text, s.Fact)).ShouldBe([(0, "The", before), (3, " ", null), (4, "council met", tail)]);
    }

    [Fact]
    public void Overlapping_spans_are_cut_and_the_shorter_one_wins_where_both_cover()
    {
        var text = "abcdefghij";
        var first = new FactSpan(0, 6, FactKind.Resolution, "first");
        var second = new FactSpan(4, 4, FactKind.Person, "second");

        var segments = Segmenter.Split(text, [first, second]);

        segments.Select(s => (s.Text, s.Fact?.Label)).ShouldBe([("abcd", "first"), ("ef", "second"), ("gh", "second"), ("ij", null)]);
    }

    [Fact]
    public void Equal_length_overlaps_are_resolved_by_start_then_order_whatever_the_input_order()
    {
        var text = "abcdefghij";
        var early = new FactSpan(0, 6, FactKind.Body, "early");
        var late = new FactSpan(2, 6, FactKind.Date, "late");
        var twin = new FactSpan(0, 6, FactKind.Person, "twin");

        Segmenter.Split(text, [late, early])[1].Fact.ShouldBe(early);
        Segmenter.Split(text, [early, late])[1].Fact.ShouldBe(early);
        Segmenter.Split(text, [early, twin])[0].Fact.ShouldBe(early);
        Segmenter.Split(text, [twin, early])[0].Fact.ShouldBe(twin);
    }

    [Fact]
    public void A_nested_span_colours_its_piece_and_the_outer_span_resumes_after_it()
    {
        var text = "called on Mayor Smith to act";
        var resolution = new FactSpan(0, text.Length, FactKind.Resolution, "called on", "r1");
        var person = new FactSpan(10, 11, FactKind.Person, "Mayor Smith", "p1");

        var segments = Segmenter.Split(text, [resolution, person]);

        segments.Select(s => (s.Text, s.Fact?.Key)).ShouldBe([("called on ", "r1"), ("Mayor Smith", "p1"), (" to act", "r1")]);
    }

    [Fact]
    public void The_target_range_is_cut_out_and_marked_even_when_empty()
    {
        var text = "abcdefghij";
        var fact = new FactSpan(2, 6, FactKind.Document, "doc");

        var segments = Segmenter.Split(text, [fact], target: (4, 2));

        segments.Select(s => (s.Text, s.Fact is not null, s.Target)).ShouldBe(
            [("ab", false, false), ("cd", true, false), ("ef", true, true), ("gh", true, false), ("ij", false, false)]);
        Segmenter.Split(text, [], target: (3, 0)).Single(s => s.Target).Text.ShouldBe("d");
        Segmenter.Split(text, [], target: (8, 50)).Single(s => s.Target).Text.ShouldBe("ij");
        Segmenter.Split(text, [], target: (50, 2)).ShouldAllBe(s => !s.Target);
    }

    [Fact]
    public void The_sentence_range_marks_the_pieces_inside_it()
    {
        var text = "First one. Smith spoke here. Last.";
        var smith = new FactSpan(11, 5, FactKind.Person, "Smith", "p1");
        var sentence = Segmenter.SentenceAround(text, smith.Start, smith.Length);

        sentence.ShouldBe((11, 28));
        var segments = Segmenter.Split(text, [smith], sentence: sentence);

        segments.Select(s => (s.Text, s.Fact?.Key, s.InSentence)).ShouldBe(
            [("First one. ", null, false), ("Smith", "p1", true), (" spoke here.", null, true), (" Last.", null, false)]);
    }

    [Fact]
    public void Markup_in_the_text_stays_plain_text_in_the_segments()
    {
        var text = "<script>alert(1)</script> said Smith";
        var segments = Segmenter.Split(text, [new FactSpan(31, 5, FactKind.Person, "Smith")]);

        segments[0].Text.ShouldBe("<script>alert(1)</script> said ");
        Joined(segments).ShouldBe(text);
    }

    [Theory]
    [InlineData("12-5", 12, 5)]
    [InlineData("0-0", 0, 0)]
    public void ParseSpan_reads_start_and_length(string value, int start, int length) =>
        Segmenter.ParseSpan(value).ShouldBe((start, length));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("-3-4")]
    [InlineData("a-b")]
    public void ParseSpan_rejects_anything_else(string? value) => Segmenter.ParseSpan(value).ShouldBeNull();

    [Fact]
    public void Every_kind_has_its_css_class()
    {
        Enum.GetValues<FactKind>().Select(Segmenter.CssClass)
            .ShouldBe(["fact-person", "fact-body", "fact-date", "fact-resolution", "fact-document"]);
    }
}
