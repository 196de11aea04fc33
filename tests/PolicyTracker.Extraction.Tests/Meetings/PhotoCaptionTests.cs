using PolicyTracker.Extraction.Tests.Support;

namespace PolicyTracker.Extraction.Tests.Meetings;

public sealed class PhotoCaptionTests
{
    [Fact]
    public void A_caption_after_the_report_opens_no_second_meeting()
    {
        var r = Extract.Report(
            "The Harbour Council of Lowland held its 12th meeting on Monday, chaired by Ilse Varga.\n\nThe meeting called for a new ferry.\n\n"
            + "Photo caption: Ilse Varga presides over the 12th meeting of the Lowland Harbour Assembly in Port Ash. (Test Wire/Jan Berg)");
        r.Meetings.ShouldHaveSingleItem().Body.ShouldBe("Harbour Council of Lowland");
    }

    [Fact]
    public void A_line_ending_in_a_photo_credit_is_a_caption()
    {
        var r = Extract.Report(
            "The Harbour Council of Lowland held its 12th meeting on Monday, chaired by Ilse Varga.\n\n"
            + "Ilse Varga addresses the plenary session of the Lowland Harbour Assembly in Port Ash on Monday. WIRE/Jan Berg");
        r.Meetings.ShouldHaveSingleItem().Body.ShouldBe("Harbour Council of Lowland");
    }

    [Fact]
    public void A_caption_before_the_lead_may_name_the_meeting()
    {
        var r = Extract.Report(
            "Ilse Varga presides over the 12th meeting of the Harbour Council of Lowland in Port Ash, March 4, 2024. (Test Wire/Jan Berg)\n\n"
            + "PORT ASH, March 4 (Test Wire) -- Harbour officials met on Monday with Ilse Varga in the chair.");
        r.Meetings.ShouldHaveSingleItem().Body.ShouldBe("Harbour Council of Lowland");
    }
}
