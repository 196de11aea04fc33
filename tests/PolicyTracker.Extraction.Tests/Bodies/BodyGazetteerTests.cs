using PolicyTracker.Extraction.Bodies;
using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Bodies;

public sealed class BodyGazetteerTests
{
    [Theory]
    [InlineData("Political Bureau of the Communist Party of China (CPC) Central Committee")]
    [InlineData("CPC Political Bureau")]
    [InlineData("Political Bureau of the Communist Party of China Central Committee")]
    public void Spellings_of_the_Chinese_politburo_share_one_canonical_name(string written)
    {
        BodyGazetteer.Default.Canonicalize(written).ShouldBe("Political Bureau of the CPC Central Committee");
    }

    [Fact]
    public void A_bare_politburo_is_settled_by_the_report_context()
    {
        BodyGazetteer.Default.Canonicalize("Politburo", "HANOI (VNA) -- the Politburo of the CPV met").ShouldBe("Politburo of the Communist Party of Vietnam");
        BodyGazetteer.Default.Canonicalize("Politburo", "BEIJING (Xinhua) -- the CPC leadership met").ShouldBe("Political Bureau of the CPC Central Committee");
    }

    [Fact]
    public void Ordinals_and_possessive_countries_do_not_hide_a_known_body()
    {
        BodyGazetteer.Default.Canonicalize("Standing Committee of the 13th National People's Congress").ShouldBe("NPC Standing Committee");
        BodyGazetteer.Default.Canonicalize("China's State Council").ShouldBe("State Council");
    }

    [Fact]
    public void An_unknown_body_keeps_its_written_name_without_article_or_acronym()
    {
        BodyGazetteer.Default.Canonicalize("the Regional Water Council (RWC)").ShouldBe("Regional Water Council");
        BodyGazetteer.Default.Aliases("Regional Water Council").ShouldBeEmpty();
    }

    [Fact]
    public void A_meeting_body_is_canonicalised_and_keeps_the_written_form_as_alias()
    {
        var m = Extract.Single("BEIJING, March 4 (Xinhua) -- Xi Jinping presided over a meeting of the Political Bureau of the Communist Party of China (CPC) Central Committee on Monday.", byline: string.Empty);
        m.Body.ShouldBe("Political Bureau of the CPC Central Committee");
        m.BodyAliases.ShouldContain("Politburo");
    }
}
