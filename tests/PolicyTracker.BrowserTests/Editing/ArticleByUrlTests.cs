using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.BrowserTests.Editing;

// An article by URL on the new-report page: the server fetches a page from a Kestrel on loopback
// (the test host allows loopback) and fills the form, which the editor checks before saving.
[Collection(AppCollection.Name)]
public sealed class ArticleByUrlTests(AppFixture app)
{
    [Fact]
    public async Task Fetching_an_article_fills_the_text_and_the_fields_and_a_bad_address_says_why()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var server = builder.Build();
        var marker = Guid.NewGuid().ToString("N")[..8];
        server.MapGet("/story", () => Results.Text($"""
            <!doctype html><html><head><title>Coastal committee meets {marker}</title><meta property="og:site_name" content="Invented Wire"></head>
            <body><nav>Home | World</nav><article><h1>Coastal committee meets {marker}</h1>
            <p>Beijing, March 4 -- The Invented Standing Committee on Coastal Affairs held its session on Friday, chaired by Wen Lanxi.</p>
            <p>The meeting reviewed a draft plan on harbour dredging and called for faster work on the sea walls of the eastern provinces.</p>
            <p>Participants agreed that the plan would be submitted to the full committee for deliberation at its next session in April.</p>
            <p>Officials from the provincial water bureaus reported on the progress of the dredging works along the northern channel.</p>
            <p>The committee asked the bureaus to publish a timetable for the remaining works before the end of the month.</p>
            </article></body></html>
            """, "text/html", Encoding.UTF8));
        await server.StartAsync();
        var root = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var page = await app.OpenAsync("/reports/new", Roles.Editor);
        await page.Locator("[data-testid=new-report-form][data-ready]").WaitForAsync();

        await page.Locator("input[data-testid=article-url]").FillAsync(root + "/missing");
        await page.GetByTestId("fetch-article").ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-problem")).ToContainTextAsync("answered HTTP 404", new() { Timeout = 15_000 });

        await page.Locator("input[data-testid=article-url]").FillAsync(root + "/story");
        await page.GetByTestId("fetch-article").ClickAsync();
        await Assertions.Expect(page.Locator("textarea[data-testid=report-text]")).ToHaveValueAsync(
            new System.Text.RegularExpressions.Regex("chaired by Wen Lanxi"), new() { Timeout = 15_000 });
        (await page.Locator("textarea[data-testid=report-text]").InputValueAsync()).ShouldNotContain("Home | World");
        await Assertions.Expect(page.Locator("input[data-testid=headline]")).ToHaveValueAsync($"Coastal committee meets {marker}");
        await Assertions.Expect(page.Locator("input[data-testid=outlet]")).ToHaveValueAsync("Invented Wire");
        await Assertions.Expect(page.Locator("input[data-testid=source-url]")).ToHaveValueAsync(root + "/story");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "article-by-url.png") });
        (await app.ProblemsAsync(page)).ShouldBeEmpty();
    }
}
