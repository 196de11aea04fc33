using PolicyTracker.Extraction.Json;
using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.HeldOut;

/// <summary>Pins the places where the C# scorer could drift from score.py.</summary>
public sealed class GoldScorerTests
{
    [Fact]
    public void Names_lose_titles_accents_and_apostrophes()
    {
        GoldScorer.NormalizeName("Prime Minister Narendra Modi").ShouldBe("narendra modi");
        GoldScorer.NormalizeName("Jean-Noël O\u2019Brien").ShouldBe("jean noel obrien");
    }

    [Fact]
    public void Content_words_drop_stop_words_and_stem()
    {
        GoldScorer.Content("The meeting called for stepping up the reforms").ShouldBe(["meet", "call", "stepp", "up", "reform"], ignoreOrder: true);
    }

    [Fact]
    public void A_document_title_must_share_its_subject_words_not_only_generic_ones()
    {
        var gold = GoldScorer.Content("draft law on water resources");
        GoldScorer.DocumentSimilarity(gold, GoldScorer.Content("draft law on forests")).ShouldBe(0.0);
        GoldScorer.DocumentSimilarity(gold, GoldScorer.Content("the draft water resources law")).ShouldBeGreaterThanOrEqualTo(0.6);
    }

    [Fact]
    public void Equal_similarities_go_to_the_higher_indices_as_in_python()
    {
        var matched = GoldScorer.GreedyMatch<int>([1, 1], [1, 1], (_, _) => 1.0, 0.5);
        matched.ShouldBe([(1, 1), (0, 0)]);
    }

    [Fact]
    public void A_missing_prediction_scores_as_an_empty_one()
    {
        var gold = new CorpusReport(
            new CorpusHeader("h", null, new DateOnly(2024, 5, 1)),
            [new CorpusMeeting("Cabinet", [], null, new DateOnly(2024, 5, 1), null, [new CorpusParticipant("Ana Lima", ParticipantRole.Chair)], ["raise the minimum wage"], [])],
            null);
        var score = GoldScorer.Score([("r", gold, null)]);
        score.Figures["parsed_acc"].ShouldBe(0.0);
        score.Figures["participants_f1"].ShouldBe(0.0);
        score.Figures["body_acc"].ShouldBe(0.0);
        score.Figures["documents_f1"].ShouldBe(1.0);
    }
}
