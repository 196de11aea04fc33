using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PolicyTracker.Data.Accounts;
using PolicyTracker.TestSupport;
using PolicyTracker.Web.Hosting.Security;

namespace PolicyTracker.BrowserTests.Support;

/// <summary>The real app on a real port with its own PostgreSQL database (demo data loaded),
/// and one headless Debian Chromium shared by the tests of the collection.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private AppFactory? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public string ConnectionString => _database?.ConnectionString ?? "";

    /// <summary>What the app logged at Warning and above (the fixture's level), for tests that check the server side too.</summary>
    public ServerLog ServerLog { get; } = new();

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
        _database = await TestDatabase.CreateAsync("pt_e2e");
        _factory = new AppFactory(_database.ConnectionString, new AppOptions
        {
            DemoData = true,
            // Every test signs in from 127.0.0.1: keep the sign-in rate limit out of the way.
            SignInAttemptsPerMinute = 1000,
            // The app's Serilog reads sinks from its services (ReadFrom.Services).
            Configure = b => b.ConfigureServices(services => services.AddSingleton<Serilog.Core.ILogEventSink>(ServerLog)),
        });
        BaseUrl = _factory.StartKestrel();

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

    public Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work) => _factory!.InScopeAsync(work);

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
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>The app's log events, kept in memory; <see cref="Mark"/> and <see cref="ErrorsSince"/> let a test
/// look at only what happened while it ran (tests of a collection run one at a time).</summary>
public sealed class ServerLog : Serilog.Core.ILogEventSink
{
    private readonly List<Serilog.Events.LogEvent> _events = [];

    public void Emit(Serilog.Events.LogEvent logEvent)
    {
        lock (_events)
        {
            _events.Add(logEvent);
        }
    }

    /// <summary>A position in the log, for <see cref="ErrorsSince"/>.</summary>
    public int Mark()
    {
        lock (_events)
        {
            return _events.Count;
        }
    }

    /// <summary>Errors (and worse) logged after <paramref name="mark"/>, each with its source and exception type.</summary>
    public IReadOnlyList<string> ErrorsSince(int mark)
    {
        lock (_events)
        {
            return [.. _events.Skip(mark)
                .Where(e => e.Level >= Serilog.Events.LogEventLevel.Error)
                .Select(e => $"{e.Level} {e.Properties.GetValueOrDefault("SourceContext")}: {e.RenderMessage(null)} {e.Exception?.GetType().Name} {e.Exception?.Message}")];
        }
    }
}

[CollectionDefinition(Name)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "xunit's own word for it; other test classes use AppCollection.Name")]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
