using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.BrowserTests.Layout;

[Collection(AppCollection.Name)]
public sealed class HomePageTests(AppFixture app)
{
    [Fact]
    public async Task The_home_page_opens_interactive_with_navigation_and_demo_data()
    {
        var page = await app.OpenAsync("/", Roles.Admin);

        await Assertions.Expect(page.Locator("h1")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("main")).ToHaveCountAsync(1);
        foreach (var section in new[] { "Meetings", "People", "Bodies", "Documents", "Reports", "Summary" })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = section, Exact = true })).ToBeVisibleAsync();
        }
        await Assertions.Expect(page.GetByTestId("recent-meetings").Locator("tbody tr")).Not.ToHaveCountAsync(0);

        await AppFixture.ScreenshotAsync(page, "home");
        File.Exists(Path.Combine(AppFixture.ArtifactsDirectory, "home.png")).ShouldBeTrue();
    }

    [Fact]
    public async Task The_dark_mode_toggle_switches_the_theme()
    {
        var page = await app.OpenAsync("/", Roles.Admin);
        var before = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");

        await page.GetByTestId("dark-mode").ClickAsync();

        await Assertions.Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", before);
    }
}
