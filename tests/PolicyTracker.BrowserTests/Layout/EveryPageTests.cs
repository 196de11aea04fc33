using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Npgsql;
using PolicyTracker.BrowserTests.Browse;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Web.Components.Layout;

namespace PolicyTracker.BrowserTests.Layout;

/// <summary>Every page a person opens, signed in as the admin (who sees them all) or signed out, in the light
/// and the dark theme: axe finds nothing serious or critical, nothing is wider than a 390 px phone, and a
/// screenshot of each is saved at 1440 and 390 px.</summary>
[Collection(AppCollection.Name)]
public sealed class EveryPageTests(AppFixture app)
{
    // Template: the page's @page route, so a page added without being listed here fails the test below.
    // Static: a page of the account layout, rendered on the server only (no circuit to wait for).
    internal sealed record PageUnderTest(string Name, string Template, string Path, bool SignedIn = true, bool Static = false);

    private Task<IReadOnlyList<PageUnderTest>> PagesAsync() => PagesAsync(app);

    /// <summary>Every page, also walked field by field by <see cref="EveryFormTests"/>.</summary>
    internal static async Task<IReadOnlyList<PageUnderTest>> PagesAsync(AppFixture app)
    {
        var data = await BrowseData.SeedAsync(app.ConnectionString);
        var meetingId = await DemoMeetingAsync(app);
        return
        [
            new("home", "/", "/"),
            new("meetings", "/meetings", "/meetings"),
            new("meeting", "/meetings/{Id:guid}", $"/meetings/{meetingId}"),
            new("meeting-seeded", "/meetings/{Id:guid}", $"/meetings/{data.SecondMeetingId}"),
            new("people", "/people", "/people"),
            new("person", "/people/{Id:guid}", $"/people/{data.PersonId}"),
            new("bodies", "/bodies", "/bodies"),
            new("body", "/bodies/{Id:guid}", $"/bodies/{data.BodyId}"),
            new("body-parent", "/bodies/{Id:guid}", $"/bodies/{data.ParentBodyId}"),
            new("documents", "/documents", "/documents"),
            new("document", "/documents/{Id:guid}", $"/documents/{data.DocumentId}"),
            new("reports", "/reports", "/reports"),
            new("report", "/reports/{Id:guid}", $"/reports/{data.ReportId}?span={data.FarSpanStart}-{data.FarSpanLength}"),
            new("report-new", "/reports/new", "/reports/new"),
            new("review", "/reports/{Id:guid}/review", $"/reports/{data.DraftReportId}/review"),
            new("search", "/search", $"/search?q={data.Tag}"),
            new("search-names", "/search", "/search?q=Li%20Qiang"),
            new("summary", "/summary", "/summary"),
            new("summary-custom", "/summary", "/summary?period=custom&from=2023-01-01&to=2024-12-31"),
            new("quality", "/summary/quality", "/summary/quality?period=year&at=2002-01-01"),
            new("brief", "/brief", "/brief?at=2024-01-05"),
            new("import", "/import", "/import"),
            new("users", "/admin/users", "/admin/users"),
            new("audit", "/admin/audit", "/admin/audit"),
            new("tokens", "/account/tokens", "/account/tokens"),
            new("password", "/account/password", "/account/password", Static: true),
            new("access-denied", "/account/access-denied", "/account/access-denied", Static: true),
            new("not-found", "/not-found", $"/meetings/{Guid.NewGuid()}"),
            new("not-found-direct", "/not-found", "/not-found"),
            new("error", "/Error", "/Error"),
            new("login", "/account/login", "/account/login", SignedIn: false, Static: true),
            new("set-password", "/account/set-password", $"/account/set-password?user={Guid.NewGuid()}&code=expired", SignedIn: false, Static: true),
        ];
    }

    [Fact]
    public async Task Every_routed_page_of_the_app_is_in_this_list()
    {
        var routed = typeof(ThemeCookie).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), inherit: false))
            .Cast<Microsoft.AspNetCore.Components.RouteAttribute>()
            .Select(r => r.Template)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var listed = (await PagesAsync()).Select(p => p.Template).ToHashSet(StringComparer.OrdinalIgnoreCase);

        routed.Count.ShouldBeGreaterThan(20);
        routed.Except(listed).ShouldBeEmpty("pages with an @page route that the axe and 390 px tests do not open");
        listed.Except(routed).ShouldBeEmpty("listed templates that are no page's route");
    }

    [Theory]
    [InlineData(ThemeCookie.Light)]
    [InlineData(ThemeCookie.Dark)]
    public async Task Axe_finds_no_serious_or_critical_violation_on_any_page(string theme)
    {
        var problems = new List<string>();
        foreach (var (signedIn, pages) in (await PagesAsync()).GroupBy(p => p.SignedIn).Select(g => (g.Key, g.ToList())))
        {
            var page = await NewPageAsync(theme, 1440, signedIn);
            foreach (var target in pages)
            {
                await OpenAsync(page, target, theme);
                var result = await page.RunAxe();
                problems.AddRange(result.Violations
                    .Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{target.Path} ({theme}): {v.Id} ({v.Impact}) {v.Help}: "
                                 + string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html + " " + string.Join(" ", n.Any.Select(c => c.Message))))));
                await AppFixture.ScreenshotAsync(page, $"page-{target.Name}-1440-{theme}");
            }
            await page.Context.CloseAsync();
        }
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Theory]
    [InlineData(ThemeCookie.Light)]
    [InlineData(ThemeCookie.Dark)]
    public async Task No_page_is_wider_than_a_390_px_screen(string theme)
    {
        var problems = new List<string>();
        foreach (var (signedIn, pages) in (await PagesAsync()).GroupBy(p => p.SignedIn).Select(g => (g.Key, g.ToList())))
        {
            var page = await NewPageAsync(theme, 390, signedIn);
            foreach (var target in pages)
            {
                await OpenAsync(page, target, theme);
                var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
                if (widths[0] > widths[1])
                {
                    // Name the widest elements that stick out, so the failure says where to look.
                    var wide = await page.EvaluateAsync<string[]>("""
                        () => [...document.querySelectorAll('body *')]
                          .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                          .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= document.documentElement.clientWidth + 1)
                          .slice(0, 5)
                          .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)}`)
                        """);
                    problems.Add($"{target.Path} ({theme}): scrollWidth {widths[0]} > clientWidth {widths[1]}: {string.Join("; ", wide)}");
                }
                await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ArtifactsDirectory, $"page-{target.Name}-390-{theme}.png"), FullPage = true });
            }
            await page.Context.CloseAsync();
        }
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    private async Task<IPage> NewPageAsync(string theme, int width, bool signedIn)
    {
        var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = width < 600 ? 844 : 900 }, BaseURL = app.BaseUrl });
        await context.AddCookiesAsync([new Cookie { Name = ThemeCookie.Name, Value = theme, Url = app.BaseUrl }]);
        var page = await context.NewPageAsync();
        if (signedIn)
        {
            await AppFixture.SignInAsync(page, Roles.Admin);
        }
        return page;
    }

    private static async Task OpenAsync(IPage page, PageUnderTest target, string theme)
    {
        await page.GotoAsync(target.Path);
        if (!target.Static)
        {
            await AppFixture.WaitInteractiveAsync(page);
        }
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // Checked once loaded: skeletons gone, the theme the cookie asked for applied.
        await Assertions.Expect(page.Locator(".mud-skeleton")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator($".theme-{theme}").First).ToBeAttachedAsync();
        await page.WaitForTimeoutAsync(150); // transitions (drawer, chips) settle before measuring colours and widths
    }

    private static async Task<Guid> DemoMeetingAsync(AppFixture app)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT m.id FROM meetings m JOIN organizations o ON o.id = m.organization_id
            WHERE o.name = 'State Council' AND m.date = DATE '2024-01-05' AND m.deleted_at IS NULL LIMIT 1
            """, connection);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }
}
