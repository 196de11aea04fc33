using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Text;

public sealed class SentenceTests
{
    [Fact]
    public void Abbreviated_months_and_dotted_names_do_not_end_a_sentence()
    {
        var m = Extract.Single("Premier Ana Ruiz chaired a meeting of the Harbour Council on Jan. 24 with U.S. envoys present, and the council called for cleaner water. It approved a plan on port safety.");
        m.Date.ShouldBe(new DateOnly(2024, 1, 24));
        m.Resolutions.Select(r => r.Text).ShouldContain("cleaner water");
        m.Documents.Single().Title.ShouldBe("plan on port safety");
    }

    [Fact]
    public void An_initial_does_not_end_a_sentence()
    {
        var m = Extract.Single("Gen. Tomas K. Varga chaired a meeting of the Defence Council on Monday. The council urged faster procurement.");
        m.Names().ShouldContain("Tomas K. Varga");
        m.Resolutions.Single().Text.ShouldBe("faster procurement");
    }
}
