using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data.Accounts;
using PolicyTracker.IntegrationTests.Support;

namespace PolicyTracker.BrowserTests.Hosting;

/// <summary>The database stops under an open, interactive page: the next page says the database is
/// unavailable instead of killing the session, and "Try again" works once the server is back. In the app
/// collection only so that it does not run beside the other browser tests (its app and browser are its own).</summary>
[Collection(AppCollection.Name)]
public sealed class OutageBrowserTests
{
    [Fact]
    public async Task A_page_opened_while_the_database_is_down_says_so_keeps_the_session_and_recovers()
    {
        await using var cluster = await PrivateCluster.StartAsync();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("ConnectionStrings:Default", cluster.ConnectionString("pt_outage_e2e"));
            b.UseSetting("Database:MigrateOnStartup", "true");
            b.UseSetting("Database:SeedDemoData", "true");
            b.UseSetting("Serilog:MinimumLevel:Default", "Fatal");
            b.UseSetting("urls", "http://127.0.0.1:0");
            b.UseSetting("Security:SignInAttemptsPerMinute", "1000");
        });
        factory.UseKestrel(0);
        factory.StartServer();
        var baseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu"],
        });
        var page = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 }, BaseURL = baseUrl })).NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await AppFixture.SignInAsync(page, Roles.Analyst);
        await page.GotoAsync("/people");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=people-grid] tbody tr").First).ToBeVisibleAsync(new() { Timeout = 15_000 });

        await cluster.StopAsync();
        // Navigation inside the circuit: the bodies grid loads, fails, and the layout's error boundary answers.
        await page.Locator("a[href='/bodies']").First.ClickAsync();

        await Assertions.Expect(page.GetByTestId("page-error")).ToContainTextAsync("The database is unavailable", new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("render-mode")).ToHaveTextAsync("interactive");
        await AppFixture.ScreenshotAsync(page, "database-unavailable");

        await cluster.StartAgainAsync();
        await page.GetByTestId("retry").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=bodies-grid] tbody tr").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("page-error")).ToHaveCountAsync(0);
    }
}
