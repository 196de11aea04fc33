using PolicyTracker.Extraction.Bodies;
using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Bodies;

public sealed class DemonymTests
{
    [Theory]
    [InlineData("Norway's government", "Norwegian government")]
    [InlineData("Portugal\u2019s cabinet", "Portuguese cabinet")]
    [InlineData("the Netherlands's Council of State", "Dutch Council of State")]
    public void A_country_possessive_before_a_body_is_written_as_its_adjective(string written, string expected)
    {
        BodyGazetteer.Default.Canonicalize(written).ShouldBe(expected);
    }

    [Theory]
    [InlineData("Harbourtown's council")]
    [InlineData("Lowland Grain Board")]
    public void Other_possessives_and_names_stay_as_written(string written)
    {
        BodyGazetteer.Default.Canonicalize(written).ShouldBe(BodyGazetteer.Clean(written));
    }

    [Fact]
    public void A_meeting_of_a_country_s_government_names_the_body_by_its_adjective()
    {
        var m = Extract.Single("Norway's government met on Tuesday and decided to open a new consulate in Lowland.");
        m.Body.ShouldBe("Norwegian government");
    }
}
