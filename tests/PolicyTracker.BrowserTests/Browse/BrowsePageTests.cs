using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.BrowserTests.Browse;

[Collection(AppCollection.Name)]
public sealed class BrowsePageTests(AppFixture app)
{
    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}] input, input[data-testid={testId}]").First;

    private static async Task ExpectNoServerErrorAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Filtering_people_narrows_the_list_keeps_the_filter_in_the_url_and_opens_the_person()
    {
        var data = await BrowseData.SeedAsync(app.ConnectionString);
        var page = await app.OpenAsync("/people");

        // The alias, not the name: the filter searches both.
        await Input(page, "people-filter").FillAsync(data.PersonAlias);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]q=Chair"));
        var grid = page.GetByTestId("people-grid");
        await Assertions.Expect(grid.Locator("a[href^='/people/']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("page-count")).ToHaveTextAsync("1");
        await AppFixture.ScreenshotAsync(page, "browse-people");

        await grid.GetByRole(AriaRole.Link, new() { Name = data.PersonName }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(data.PersonName);
        // One line per published meeting (the draft's third meeting stays hidden).
        await Assertions.Expect(page.GetByTestId("person-timeline").Locator(".mud-timeline-item")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("person-titles")).ToContainTextAsync("Chair of the Harbour Commission");
        await ExpectNoServerErrorAsync(page);
        await AppFixture.ScreenshotAsync(page, "browse-person");
    }

    [Fact]
    public async Task The_people_csv_holds_exactly_the_filtered_rows()
    {
        var data = await BrowseData.SeedAsync(app.ConnectionString);
        var page = await app.NewPageAsync();
        await AppFixture.SignInAsync(page, Roles.Analyst); // exports of what an analyst can browse

        var response = await page.APIRequest.GetAsync($"/api/export/people.csv?q={Uri.EscapeDataString(data.Tag)}");

        response.Ok.ShouldBeTrue();
        var lines = (await response.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        // UTF-8 with a byte-order mark, so Excel opens it right.
        lines[0].ShouldStartWith("\uFEFFid,name,aliases");
        lines[1].ShouldContain(data.PersonName);
    }

    [Fact]
    public async Task Filtering_bodies_and_opening_one_shows_its_meetings_parent_and_activity()
    {
        var data = await BrowseData.SeedAsync(app.ConnectionString);
        var page = await app.OpenAsync("/bodies?sort=meetings-desc");

        await Input(page, "bodies-filter").FillAsync(data.Tag);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"q={data.Tag}"));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("sort=meetings-desc"));
        var grid = page.GetByTestId("bodies-grid");
        await Assertions.Expect(grid.Locator("a[href^='/bodies/']")).ToHaveCountAsync(3); // two bodies, one parent link
        await AppFixture.ScreenshotAsync(page, "browse-bodies");

        await grid.GetByRole(AriaRole.Link, new() { Name = data.BodyName }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(data.BodyName);
        await Assertions.Expect(page.GetByTestId("body-meetings").Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("body-aliases")).ToContainTextAsync($"HC-{data.Tag}");
        await Assertions.Expect(page.GetByTestId("activity-chart").Locator("svg").First).ToBeVisibleAsync();
        await ExpectNoServerErrorAsync(page);
        await AppFixture.ScreenshotAsync(page, "browse-body");
    }

    [Fact]
    public async Task A_document_shows_its_life_from_reviewed_to_adopted_with_links_to_meetings_and_sources()
    {
        var data = await BrowseData.SeedAsync(app.ConnectionString);
        var page = await app.OpenAsync($"/documents?q={Uri.EscapeDataString(data.Tag)}&action=adopted");

        var grid = page.GetByTestId("documents-grid");
        await Assertions.Expect(grid.Locator("a[href^='/documents/']")).ToHaveCountAsync(1);
        await Assertions.Expect(grid).ToContainTextAsync("adopted");
        await AppFixture.ScreenshotAsync(page, "browse-documents");

        await grid.GetByRole(AriaRole.Link, new() { Name = data.DocumentTitle }).ClickAsync();
        var timeline = page.GetByTestId("document-timeline").Locator(".mud-timeline-item");
        await Assertions.Expect(timeline).ToHaveCountAsync(2);
        await Assertions.Expect(timeline.Nth(0)).ToContainTextAsync("reviewed");
        await Assertions.Expect(timeline.Nth(1)).ToContainTextAsync("adopted");
        await Assertions.Expect(timeline.Nth(0).Locator($"a[href='/meetings/{data.FirstMeetingId}']")).ToHaveCountAsync(1);
        await Assertions.Expect(timeline.Nth(0).Locator($"a[href^='/reports/{data.ReportId}?span=']")).ToHaveCountAsync(1);
        await ExpectNoServerErrorAsync(page);
        await AppFixture.ScreenshotAsync(page, "browse-document");
    }

    [Fact]
    public async Task The_reports_list_puts_drafts_first_and_filters_by_status_in_the_url()
    {
        var data = await BrowseData.SeedAsync(app.ConnectionString);
        var page = await app.OpenAsync($"/reports?q={Uri.EscapeDataString(data.Tag)}");

        var grid = page.GetByTestId("reports-grid");
        await Assertions.Expect(grid.Locator("a[href^='/reports/']")).ToHaveCountAsync(3);
        await Assertions.Expect(grid.Locator("a[href^='/reports/']").First).ToHaveAttributeAsync("href", $"/reports/{data.DraftReportId}");

        await page.GotoAsync($"/reports?q={Uri.EscapeDataString(data.Tag)}&status=published");
        await Assertions.Expect(grid.Locator("a[href^='/reports/']")).ToHaveCountAsync(2);
        await Assertions.Expect(grid.GetByRole(AriaRole.Link, new() { Name = data.ReportHeadline })).ToBeVisibleAsync();
        await AppFixture.ScreenshotAsync(page, "browse-reports");
    }

    [Fact]
    public async Task A_report_highlights_every_fact_and_a_span_link_scrolls_to_and_marks_that_span()
    {
        var data = await BrowseData.SeedAsync(app.ConnectionString);
        var page = await app.OpenAsync($"/reports/{data.ReportId}?span={data.FarSpanStart}-{data.FarSpanLength}");

        var text = page.GetByTestId("source-text");
        await Assertions.Expect(text.Locator("mark.fact.fact-person").First).ToBeVisibleAsync();
        await Assertions.Expect(text.Locator("mark.fact.fact-body")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(text.Locator("mark.fact.fact-date")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(text.Locator("mark.fact.fact-resolution")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(text.Locator("mark.fact.fact-document")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("fact-legend")).ToBeVisibleAsync();

        var target = page.Locator("#span-target");
        await Assertions.Expect(target).ToHaveClassAsync(new Regex("fact-target"));
        await Assertions.Expect(target).ToContainTextAsync("publish the inspection results");
        await Assertions.Expect(target).ToBeInViewportAsync();

        // The report's markup is text, not elements.
        await Assertions.Expect(text.Locator("script")).ToHaveCountAsync(0);
        await Assertions.Expect(text).ToContainTextAsync("<script>alert('x')</script>");
        await Assertions.Expect(page.GetByTestId("report-meetings").Locator($"a[href='/meetings/{data.FirstMeetingId}']")).ToHaveCountAsync(1);
        await ExpectNoServerErrorAsync(page);
        await AppFixture.ScreenshotAsync(page, "browse-report");
    }

    [Fact]
    public async Task A_report_with_a_span_past_its_end_still_opens()
    {
        var data = await BrowseData.SeedAsync(app.ConnectionString);
        var page = await app.OpenAsync($"/reports/{data.DraftReportId}?span=99999-5");

        await Assertions.Expect(page.GetByTestId("source-text")).ToContainTextAsync("presided");
        await ExpectNoServerErrorAsync(page);
    }

    [Fact]
    public async Task An_analyst_finds_no_draft_report_and_none_of_its_meetings()
    {
        var data = await BrowseData.SeedAsync(app.ConnectionString);
        var page = await app.OpenAsync($"/reports/{data.DraftReportId}", Roles.Analyst);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not found");
        await page.GotoAsync($"/bodies/{data.BodyId}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(data.BodyName);
        await Assertions.Expect(page.GetByTestId("body-meetings").Locator("tbody tr")).ToHaveCountAsync(2);
        await ExpectNoServerErrorAsync(page);
    }

    [Fact]
    public async Task The_summary_counts_meetings_in_the_date_range_from_the_url()
    {
        var data = await BrowseData.SeedAsync(app.ConnectionString, year: 2011);
        var page = await app.OpenAsync("/summary?from=2011-01-01&to=2011-12-31");

        await Assertions.Expect(page.GetByTestId("summary-total")).ToContainTextAsync("2");
        await Assertions.Expect(page.GetByTestId("months-chart").Locator("svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("top-bodies")).ToContainTextAsync(data.BodyName);
        await Assertions.Expect(page.GetByTestId("top-people")).ToContainTextAsync(data.PersonName);
        await Assertions.Expect(page.GetByTestId("actions-table")).ToContainTextAsync("adopted");
        await ExpectNoServerErrorAsync(page);
        await AppFixture.ScreenshotAsync(page, "browse-summary");

        var csv = await page.APIRequest.GetAsync("/api/export/summary-months.csv?from=2011-01-01&to=2011-12-31");
        var lines = (await csv.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(13);
        lines.ShouldContain(l => l.StartsWith("2011-03,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_groups_results_by_kind_with_counts()
    {
        var data = await BrowseData.SeedAsync(app.ConnectionString);
        var page = await app.OpenAsync($"/search?q={Uri.EscapeDataString(data.Tag)}");

        foreach (var group in new[] { "reports", "resolutions", "documents", "people", "bodies" })
        {
            await Assertions.Expect(page.GetByTestId($"group-{group}")).ToBeVisibleAsync();
        }
        await Assertions.Expect(page.GetByTestId("group-reports").GetByTestId("group-count")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("group-reports").Locator(".search-snippet mark").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("group-people")).ToContainTextAsync(data.PersonName);
        await AppFixture.ScreenshotAsync(page, "browse-search");
    }

    [Theory]
    [InlineData("'; DROP TABLE reports;--")]
    [InlineData("100% \\\" OR 1=1 _ \\")]
    [InlineData("\"unclosed -( or )")]
    public async Task Search_text_with_sql_syntax_answers_without_an_error(string query)
    {
        await BrowseData.SeedAsync(app.ConnectionString);
        var page = await app.OpenAsync($"/search?q={Uri.EscapeDataString(query)}");

        await Assertions.Expect(page.GetByTestId("search-results").Or(page.GetByTestId("empty-state"))).ToBeVisibleAsync();
        await ExpectNoServerErrorAsync(page);
        await Assertions.Expect(Input(page, "search-box")).ToHaveValueAsync(query);
        if (query.StartsWith('\''))
        {
            await AppFixture.ScreenshotAsync(page, "browse-search-sql");
        }
        // The table is still there.
        await app.OpenAsync("/reports");
    }
}
