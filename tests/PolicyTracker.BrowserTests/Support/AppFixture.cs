using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Web.Hosting.Security;

namespace PolicyTracker.BrowserTests.Support;

/// <summary>The real app on a real port with its own PostgreSQL database (demo data loaded),
/// and one headless Debian Chromium shared by the tests of the collection.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly string _database = $"pt_e2e_{Guid.NewGuid():N}";
    private string _serverConnection = "";
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public static string ArtifactsDirectory
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("E2E_ARTIFACTS") is { Length: > 0 } d
                ? d
                : Path.Combine(Path.GetTempPath(), "policytracker-e2e");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public async Task InitializeAsync()
    {
        _serverConnection = Environment.GetEnvironmentVariable("POLICYTRACKER_TEST_DB")
            ?? throw new InvalidOperationException("Set POLICYTRACKER_TEST_DB to a PostgreSQL server (scripts/test.sh does this).");
        await using (var conn = new NpgsqlConnection(_serverConnection))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(_serverConnection) { Database = _database }.ConnectionString;

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("ConnectionStrings:Default", ConnectionString);
            b.UseSetting("Database:MigrateOnStartup", "true");
            b.UseSetting("Database:SeedDemoData", "true");
            b.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            // An ASPNETCORE_URLS or launch default would otherwise win over UseKestrel(0) and bind :5000.
            b.UseSetting("urls", "http://127.0.0.1:0");
            // Every test signs in from 127.0.0.1: keep the sign-in rate limit out of the way.
            b.UseSetting("Security:SignInAttemptsPerMinute", "1000");
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        var server = _factory.Services.GetRequiredService<IServer>();
        BaseUrl = server.Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A new page at 1440x900 in its own browser context (own cookies). Console errors and
    /// Content-Security-Policy violations are collected; see <see cref="ProblemsAsync"/>.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 }, BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (errors)
                {
                    errors.Add(message.Text);
                }
            }
        };
        ConsoleErrors.AddOrUpdate(page, errors);
        await page.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => (window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective + ' ' + e.blockedURI));");
        return page;
    }

    /// <summary>Console errors and CSP violations seen on the page so far.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(IPage page)
    {
        var problems = new List<string>();
        if (ConsoleErrors.TryGetValue(page, out var errors))
        {
            lock (errors)
            {
                problems.AddRange(errors);
            }
        }
        problems.AddRange((await page.EvaluateAsync<string[]?>("window.__cspViolations || []") ?? []).Select(v => "CSP violation: " + v));
        return problems;
    }

    private System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> ConsoleErrors { get; } = new();

    /// <summary>Signs in with the demo user of a role, which the app creates at start-up in Development.</summary>
    public static async Task SignInAsync(IPage page, string role)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#email").FillAsync(AccountStartup.DemoEmail(role));
        await page.Locator("#password").FillAsync(AccountStartup.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    /// <summary>Signs in as the role, opens a path and waits until the Blazor circuit is interactive
    /// (the prerendered page ignores clicks).</summary>
    public async Task<IPage> OpenAsync(string path, string role = Roles.Admin)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, role);
        await page.GotoAsync(path);
        await WaitInteractiveAsync(page);
        return page;
    }

    public static async Task WaitInteractiveAsync(IPage page) =>
        await Assertions.Expect(page.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 15_000 });

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsDirectory, name + ".png"), FullPage = false });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(_serverConnection);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "xunit's own word for it; other test classes use AppCollection.Name")]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
