using System.Text;
using PolicyTracker.Data;
using PolicyTracker.Web.Components.Shared;

namespace PolicyTracker.IntegrationTests.Shared;

// Pure tests of how a long report is cut into pieces and which stretch is shown: no database.
public sealed class TextWindowTests
{
    private static string Lines(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append("Line ").Append(i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).Append(" of the readout.\n");
        }

        return text.ToString();
    }

    [Fact]
    public void A_short_text_is_one_piece_shown_whole()
    {
        var window = new TextWindow("The council met.");

        window.Count.ShouldBe(1);
        window.IsWhole.ShouldBeTrue();
        window.Range.ShouldBe((0, 16));
    }

    [Fact]
    public void An_empty_text_is_one_empty_piece()
    {
        var window = new TextWindow("");

        window.Count.ShouldBe(1);
        window.Range.ShouldBe((0, 0));
        window.ShowAround(10, 5).ShouldBeFalse();
    }

    [Fact]
    public void Pieces_cover_the_text_without_gaps_and_end_after_a_line_break()
    {
        var text = Lines(5_000);
        var window = new TextWindow(text, 1_000);

        window.Count.ShouldBeGreaterThan(50);
        window.Piece(0).Start.ShouldBe(0);
        window.Piece(window.Count - 1).End.ShouldBe(text.Length);
        for (var i = 0; i < window.Count; i++)
        {
            var (start, end) = window.Piece(i);
            (end - start).ShouldBeLessThanOrEqualTo(1_500);
            if (i > 0)
            {
                start.ShouldBe(window.Piece(i - 1).End);
            }

            if (i < window.Count - 1)
            {
                text[end - 1].ShouldBe('\n');
            }
        }
    }

    [Fact]
    public void A_text_without_breaks_is_never_cut_inside_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 3_000));
        var window = new TextWindow(text, 1_001);

        for (var i = 1; i < window.Count; i++)
        {
            char.IsLowSurrogate(text[window.Piece(i).Start]).ShouldBeFalse();
        }
    }

    [Fact]
    public void Showing_a_position_far_in_moves_the_window_to_its_piece_and_a_span_across_a_cut_shows_both()
    {
        var text = Lines(5_000);
        var window = new TextWindow(text, 1_000);
        var cut = window.Piece(40).Start;

        window.ShowAround(cut - 5, 10).ShouldBeTrue();

        window.First.ShouldBe(39);
        window.Last.ShouldBe(40);
        window.Shows(cut - 5).ShouldBeTrue();
        window.Shows(cut + 5).ShouldBeTrue();
        window.ShowAround(cut, 2).ShouldBeFalse();
    }

    [Fact]
    public void Reading_on_keeps_at_most_a_few_pieces()
    {
        var window = new TextWindow(Lines(5_000), 1_000);

        for (var i = 0; i < 10; i++)
        {
            window.ShowLater();
        }

        (window.Last - window.First + 1).ShouldBe(TextWindow.MaxPieces);
        window.Last.ShouldBe(10);
        window.ShowPiece(window.Count + 5);
        window.First.ShouldBe(window.Count - 1);
        window.ShowLater();
        window.Last.ShouldBe(window.Count - 1);
        window.ShowPiece(0);
        window.ShowEarlier();
        window.First.ShouldBe(0);
    }

    [Fact]
    public void Segments_of_a_window_keep_offsets_into_the_whole_text_and_clip_spans_at_its_edges()
    {
        var text = Lines(5_000);
        var window = new TextWindow(text, 1_000);
        window.ShowPiece(20);
        var (from, to) = window.Range;
        var across = new FactSpan(from - 3, 10, FactKind.Person, "across");
        var outside = new FactSpan(10, 5, FactKind.Body, "outside");

        var segments = Segmenter.Split(text, [across, outside], target: (from + 20, 4), window: window.Range);

        segments[0].Start.ShouldBe(from);
        segments[0].Fact.ShouldBe(across);
        segments[0].Text.ShouldBe(text[from..(from + 7)]);
        string.Concat(segments.Select(s => s.Text)).ShouldBe(text[from..to]);
        segments.ShouldAllBe(s => s.Fact != outside);
        segments.Single(s => s.Target).Start.ShouldBe(from + 20);
    }
}
