using PolicyTracker.Extraction.Gazetteers;

namespace PolicyTracker.Extraction.Tests.Gazetteers;

public sealed class LexiconTests
{
    [Theory]
    [InlineData("meetingNouns")]
    [InlineData("bodyHeads")]
    [InlineData("genericBodyHeads")]
    [InlineData("directiveVerbs")]
    [InlineData("speechVerbs")]
    [InlineData("documentNouns")]
    [InlineData("anchorVerbs")]
    public void Every_word_list_is_loaded_from_the_data_file_in_lower_case(string name)
    {
        var words = Lexicon.Words(name);
        words.ShouldNotBeEmpty();
        words.ShouldAllBe(w => string.Equals(w, w.ToLowerInvariant(), StringComparison.Ordinal));
    }

    [Fact]
    public void Document_verbs_map_each_form_to_its_action()
    {
        var verbs = Lexicon.DocumentVerbs();
        verbs["adopted"].ShouldBe(DocumentAction.Adopted);
        verbs["deliberated"].ShouldBe(DocumentAction.Deliberated);
        verbs["issued"].ShouldBe(DocumentAction.Issued);
    }

    [Fact]
    public void An_unknown_list_is_empty()
    {
        Lexicon.Words("noSuchList").ShouldBeEmpty();
    }
}
