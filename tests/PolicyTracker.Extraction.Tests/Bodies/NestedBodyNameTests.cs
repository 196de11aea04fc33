using PolicyTracker.Extraction.Bodies;

namespace PolicyTracker.Extraction.Tests.Bodies;

public sealed class NestedBodyNameTests
{
    [Fact]
    public void A_body_named_through_a_known_inner_body_is_canonicalised_through_it()
    {
        BodyGazetteer.Default.Canonicalize("Standing Committee of the National Committee of the Chinese People's Political Consultative Conference (CPPCC)")
            .ShouldBe("Standing Committee of the CPPCC National Committee");
    }

    [Fact]
    public void The_terms_ordinal_is_no_part_of_the_body()
    {
        BodyGazetteer.Default.Canonicalize("Chairperson's Council of the 14th National Committee of the Chinese People's Political Consultative Conference")
            .ShouldBe("Chairperson's Council of the CPPCC National Committee");
    }

    [Fact]
    public void An_unknown_outer_body_is_kept_as_written()
    {
        BodyGazetteer.Default.Canonicalize("Harbour Council of the 14th National Committee of the Chinese People's Political Consultative Conference")
            .ShouldBe("Harbour Council of the 14th National Committee of the Chinese People's Political Consultative Conference");
    }
}
