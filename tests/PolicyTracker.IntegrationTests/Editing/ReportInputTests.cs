using System.Text;
using PolicyTracker.Data.Editing;
using PolicyTracker.TestSupport;

namespace PolicyTracker.IntegrationTests.Editing;

public sealed class ReportInputTests
{
    private static readonly DateOnly Today = new(2026, 1, 15);

    [CorpusFact]
    public void A_pasted_report_fills_headline_outlet_and_date_from_its_first_lines()
    {
        var input = ReportInput.Prefill(GoldExtraction.Text("seed-xinhua-2023-05-30-nsc"));

        input.Headline.ShouldBe("Xi urges accelerated efforts to modernize national security system, capacity");
        input.Outlet.ShouldBe("Xinhua News Agency");
        input.Published.ShouldBe(new DateOnly(2023, 5, 31));
    }

    [Theory]
    [InlineData("", null, null, "Text", "empty")]
    [InlineData("text", "2026-01-17", null, "Published", "in the future")]
    [InlineData("text", "0001-01-01", null, "Published", "before 1900")]
    [InlineData("text", null, "example.org/report", "SourceUrl", "http")]
    [InlineData("text", null, "ftp://example.org/report", "SourceUrl", "http")]
    [InlineData("bin\0ary", null, null, "Text", "binary")]
    public void Bad_input_is_refused_with_a_message_on_the_field(string text, string? published, string? url, string field, string message)
    {
        var errors = ReportInput.Validate(
            new ReportDraftInput { Text = text, Published = published is null ? null : DateOnly.Parse(published), SourceUrl = url }, Today);

        errors.Keys.ShouldBe([field]);
        errors[field].ShouldContain(message);
    }

    [Fact]
    public void Header_fields_over_the_columns_lengths_are_refused_with_their_length_and_limit()
    {
        var errors = ReportInput.Validate(new ReportDraftInput
        {
            Text = "text",
            Headline = new string('h', 1000),
            Outlet = new string('o', 201),
            SourceUrl = "https://example.org/" + new string('u', 1990),
        }, Today);

        errors.Keys.Order().ShouldBe(["Outlet", "SourceUrl"]);
        errors["Outlet"].ShouldBe("The outlet is 201 characters; the limit is 200. Shorten it: nothing was cut.");
        errors["SourceUrl"].ShouldBe("The source URL is 2,010 characters; the limit is 2,000. Shorten it: nothing was cut.");
        ReportInput.Validate(new ReportDraftInput { Text = "text", Headline = new string('h', 1001) }, Today)["Headline"]
            .ShouldStartWith("The headline is 1,001 characters; the limit is 1,000.");
    }

    [Fact]
    public void Text_over_two_megabytes_is_refused()
    {
        var errors = ReportInput.Validate(new ReportDraftInput { Text = new string('a', (2 * 1024 * 1024) + 1) }, Today);

        errors["Text"].ShouldContain("2 MB");
    }

    [Fact]
    public void A_file_that_is_not_utf8_or_is_binary_or_of_another_kind_is_refused()
    {
        ReportInput.ReadFile("report.txt", [0x48, 0xE9, 0x6C, 0x6C, 0x6F]).Error!.ShouldContain("not valid UTF-8");
        ReportInput.ReadFile("report.txt", [0x48, 0x00, 0x49]).Error!.ShouldContain("binary");
        ReportInput.ReadFile("report.pdf", "%PDF"u8).Error!.ShouldContain(".txt, .md or .html");
        ReportInput.ReadFile("report.md", Encoding.UTF8.GetBytes("# Cabinet meets\n\nThe cabinet met.")).Input!.Headline.ShouldBe("# Cabinet meets");
    }

    [Fact]
    public void An_html_page_becomes_clean_article_text_with_its_title_site_and_address()
    {
        const string html = """
            <!doctype html><html><head><title>Cabinet adopts data plan | Test Wire</title>
            <meta property="og:site_name" content="Test Wire" />
            <link rel="canonical" href="https://example.org/news/cabinet-data-plan" />
            <script>var tracking = "do not keep me";</script></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article><h1>Cabinet adopts data plan</h1>
            <p>CANBERRA, May 30 (Test Wire) -- The cabinet met on Tuesday and adopted a plan on data security, the prime minister said after the meeting.</p>
            <p>Ministers called for stronger early-warning systems and agreed to review the plan again in a year, according to a statement released in the evening.</p>
            <p>The meeting was chaired by the prime minister and attended by all senior ministers, who discussed the budget and the coming session of parliament.</p>
            </article><footer>Copyright Test Wire. All rights reserved.</footer></body></html>
            """;

        var read = ReportInput.FromHtml(html);

        read.Error.ShouldBeNull();
        read.Input!.Text.ShouldContain("adopted a plan on data security");
        read.Input.Text.ShouldNotContain("do not keep me");
        read.Input.Text.ShouldNotContain("<p>");
        read.Input.Text.ShouldNotContain("All rights reserved");
        read.Input.SourceUrl.ShouldBe("https://example.org/news/cabinet-data-plan");
        read.Input.Outlet.ShouldBe("Test Wire");
    }
}
