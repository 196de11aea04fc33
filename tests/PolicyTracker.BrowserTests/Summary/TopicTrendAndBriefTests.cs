using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.BrowserTests.Summary;

[Collection(AppCollection.Name)]
public sealed class TopicTrendAndBriefTests(AppFixture app)
{
    [Fact]
    public async Task A_topic_point_on_the_summary_lands_on_the_meetings_with_that_topic_in_its_days()
    {
        var data = await SummaryBrowseData.SeedAsync(app.ConnectionString, 2009);
        var page = await app.OpenAsync("/summary?period=year&at=2009-01-01", Roles.Manager);

        var trend = page.GetByTestId("topic-trend");
        await Assertions.Expect(trend.GetByTestId("topic-legend-economy-finance")).ToBeVisibleAsync();
        // Meeting n calls for TopicTexts[n % 3]; economy and finance is the second.
        var total = data.Bodies.Sum(b => b.Meetings);
        await Assertions.Expect(trend.GetByTestId("topic-total-economy-finance")).ToHaveTextAsync(Enumerable.Range(0, total).Count(n => n % 3 == 1).ToString(CultureInfo.InvariantCulture));
        await trend.ScrollIntoViewIfNeededAsync();
        await AppFixture.ScreenshotAsync(page, "summary-topic-trend");

        // A month where economy and finance has meetings and no other topic's point sits on the same spot.
        async Task<int> CountAt(string topic, int i)
        {
            var label = await trend.GetByTestId($"point-{topic}-{i}").GetAttributeAsync("aria-label") ?? "";
            return int.Parse(label[(label.LastIndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture);
        }
        var month = -1;
        var count = 0;
        for (var i = 0; i < 12 && month < 0; i++)
        {
            count = await CountAt("economy-finance", i);
            if (count > 0 && await CountAt("national-security", i) != count && await CountAt("environment", i) != count)
            {
                month = i;
            }
        }
        month.ShouldBeGreaterThanOrEqualTo(0);
        var point = trend.GetByTestId($"point-economy-finance-{month}");
        await point.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/meetings\\?topic=economy-finance&from=2009-{month + 1:00}-01&to=2009-{month + 1:00}-\\d\\d"));
        await Assertions.Expect(page.GetByTestId("meetings-grid").Locator("a[href^='/meetings/']")).ToHaveCountAsync(count);
    }

    [Fact]
    public async Task The_weekly_brief_opens_from_the_summary_and_lists_the_weeks_meetings_with_their_sources()
    {
        await SummaryBrowseData.SeedAsync(app.ConnectionString, 2010);
        var page = await app.OpenAsync("/summary?period=week&at=2010-03-01", Roles.Manager);

        await page.GetByTestId("summary-brief").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/brief\\?at=2010-03-07"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Weekly brief: 2010-03-01 (Mon) to 2010-03-07 (Sun)");
        var meetings = page.GetByTestId("brief-meeting");
        (await meetings.CountAsync()).ShouldBeGreaterThan(0);
        await Assertions.Expect(meetings.First.GetByTestId("brief-source").First).ToHaveAttributeAsync("href", new Regex("^/reports/.+\\?span=0-3$"));
        await Assertions.Expect(page.GetByTestId("brief-word")).ToHaveAttributeAsync("href", new Regex("weekly-brief.docx\\?at=2010-03-01"));
        await AppFixture.ScreenshotAsync(page, "brief-week");

        // On paper only the brief is left: no app bar, no navigation, no buttons.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("brief-print")).ToBeHiddenAsync();
        await Assertions.Expect(meetings.First).ToBeVisibleAsync();
        await AppFixture.ScreenshotAsync(page, "brief-week-print");

        // The sheet's margins come from the print stylesheet's @page rule, so the content starts at the page's edge of the
        // printable area and fits its width: A4 less 2 x 16 mm is 673 CSS pixels.
        await page.SetViewportSizeAsync(673, 900);
        var layout = await page.EvaluateAsync<double[]>("""
            () => [document.documentElement.scrollWidth, document.documentElement.clientWidth,
                   document.querySelector('[data-testid=brief]').getBoundingClientRect().left,
                   [...document.styleSheets].flatMap(s => { try { return [...s.cssRules]; } catch { return []; } })
                     .filter(r => r instanceof CSSPageRule).length]
            """);
        var pdf = await page.PdfAsync(new() { Path = Path.Combine(AppFixture.ArtifactsDirectory, "brief-week.pdf"), Format = "A4", PreferCSSPageSize = true });
        System.Text.Encoding.Latin1.GetString(pdf).ShouldContain("/Type /Page");
        var where = string.Join(", ", layout) + " " + await page.EvaluateAsync<string>("""
            () => { const out = []; for (let e = document.querySelector('[data-testid=brief]'); e; e = e.parentElement) {
                      const c = getComputedStyle(e); out.push(`${e.tagName}.${e.className} ml=${c.marginLeft} pl=${c.paddingLeft} left=${Math.round(e.getBoundingClientRect().left)}`); }
                    return out.join(' | '); }
            """);
        layout[0].ShouldBeLessThanOrEqualTo(layout[1], $"nothing is wider than the printable width ({where})");
        layout[2].ShouldBeLessThan(1, $"no screen margin is added to the page's own ({where})");
        layout[3].ShouldBeGreaterThan(0, "an @page rule sets the sheet's margins");
    }
}
