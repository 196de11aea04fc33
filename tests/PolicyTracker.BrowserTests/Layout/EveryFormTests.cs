using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Import;
using PolicyTracker.TestSupport;
using Xunit.Abstractions;

namespace PolicyTracker.BrowserTests.Layout;

/// <summary>The bad-input catalogue's forms half (the query, API and server-rendered form half is
/// IntegrationTests Hosting/BadInputCatalogueTests): every hostile value of tests/data/hostile-inputs.json is
/// typed into every field of every interactive page of <see cref="EveryPageTests"/>' list (which fails when a
/// routed page is missing from it) that has a save button, then saved with it. The fields of the other pages are
/// filters held in the address, which the query catalogue already fills with every value; here they get the
/// values of <see cref="FilterValues"/>, so that a page added with fields is walked without being listed. The
/// circuit must live through all of it: no "Something went wrong", no dead-circuit banner, no reconnect dialog.</summary>
[Collection(AppCollection.Name)]
public sealed partial class EveryFormTests(AppFixture app, ITestOutputHelper output)
{
    // Generous: the CI machine runs integration and browser tests at once on 2 cores. Nothing waits this long
    // unless something is wrong.
    private const int Slow = 30_000;

    // The global search box is a GET form to /search, which the query catalogue covers.
    private const string Fields =
        "main input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]):not([type=submit]):not([type=button]):not([readonly]):not([disabled]),"
        + " main textarea:not([readonly]):not([disabled])";

    // The button that saves what a page's fields hold; clicked after every value when it is enabled.
    // Pages whose fields are filters need none: their fields reach the server as they change.
    private static readonly Dictionary<string, string[]> SaveButtons = new(StringComparer.Ordinal)
    {
        ["report-new"] = ["create-report"],
        ["review"] = ["save-draft"],
        ["users"] = ["add-user"],
        ["tokens"] = ["create-token"],
        ["import"] = ["subscribe"],
    };

    // Each filter change is a navigation and a query: the kinds of value that broke filters before (issue 10).
    private static readonly string[] FilterValues = ["NUL in the middle", "control characters", "bidi override", "huge (10,000 characters)", "far past date"];

    // Skipped until its run time is bounded: in its first CI run it was still walking after 20 minutes (a
    // save that never re-enables its button waits 2 x 30 s a value, and is then tried again), which alone
    // would take the suite past its time. Run it by hand with --filter EveryFormTests.
    [Fact(Skip = "Run time unbounded on CI (over 20 minutes in its first run); run by hand until each form's walk is timed and capped")]
    public async Task Every_field_of_every_interactive_page_takes_every_hostile_value_and_the_circuit_lives()
    {
        var all = HostileInputs.Decoded();
        FilterValues.ShouldBeSubsetOf(all.Select(v => v.Name));
        var draft = await NewDraftAsync();
        var pages = (await EveryPageTests.PagesAsync(app))
            .Where(p => p.SignedIn && !p.Static)
            .DistinctBy(p => p.Template)
            .Select(p => p.Name == "review" ? p with { Path = $"/reports/{draft}/review" } : p)
            .ToList();
        SaveButtons.Keys.ShouldBeSubsetOf(pages.Select(p => p.Name));
        var failures = new List<string>();
        var walked = new List<string>();
        var started = TimeProvider.System.GetTimestamp();

        var page = await app.NewPageAsync();
        page.SetDefaultTimeout(Slow);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await AppFixture.SignInAsync(page, Roles.Admin);
        foreach (var target in pages)
        {
            await OpenAsync(page, target.Path);
            if (await page.Locator(Fields).CountAsync() == 0)
            {
                continue;
            }

            var buttons = SaveButtons.GetValueOrDefault(target.Name) ?? [];
            IReadOnlyList<(string Name, string Text)> values = buttons.Length > 0 ? all : [.. all.Where(v => FilterValues.Contains(v.Name))];
            walked.Add($"{target.Name} ({await page.Locator(Fields).CountAsync()} fields{(buttons.Length > 0 ? ", saved" : "")}, {values.Count} values)");
            foreach (var (name, text) in values)
            {
                // A save that moved on (a new report opens its review) is not a failure: back to the form, once.
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await TypeEverywhereAsync(page, text);
                        if (buttons.Length > 0)
                        {
                            await SaveAsync(page, target.Path, buttons);
                        }

                        if (await ProblemAsync(page) is { } problem)
                        {
                            failures.Add($"{target.Name} with {name}: {problem}");
                            await OpenAsync(page, target.Path);
                        }
                        else if (!SamePath(page.Url, target.Path))
                        {
                            await OpenAsync(page, target.Path);
                        }

                        break;
                    }
                    catch (Exception e) when (e is PlaywrightException or TimeoutException)
                    {
                        var problem = await ProblemAsync(page);
                        if (problem is null && attempt == 1)
                        {
                            await OpenAsync(page, target.Path);
                            continue;
                        }

                        failures.Add($"{target.Name} with {name}: {problem ?? e.Message.Split('\n')[0]}");
                        await OpenAsync(page, target.Path);
                        break;
                    }
                }
            }

            // Filters are not saved one by one: the circuit's answer to the last of them is checked here.
            await ProbeAsync(page);
            if (await ProblemAsync(page) is { } last)
            {
                failures.Add($"{target.Name} after all values: {last}");
            }
        }

        output.WriteLine($"{all.Count} values into {string.Join(", ", walked)} in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:N0} s");
        output.WriteLine(string.Join("\n", failures));
        walked.ShouldContain(w => w.StartsWith("report-new", StringComparison.Ordinal));
        walked.ShouldContain(w => w.StartsWith("review", StringComparison.Ordinal));
        walked.ShouldContain(w => w.StartsWith("users", StringComparison.Ordinal));
        failures.ShouldBeEmpty();
        await page.Context.CloseAsync();
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await AppFixture.WaitInteractiveAsync(page);
        if (await page.GetByTestId("new-report-form").CountAsync() > 0)
        {
            // Its script reads the text box; it listens a moment after the circuit is interactive.
            await page.Locator("[data-testid=new-report-form][data-ready]").WaitForAsync();
        }
        await Assertions.Expect(page.Locator(".mud-skeleton")).ToHaveCountAsync(0, new() { Timeout = Slow });
    }

    // The value in every field, each left with Tab so that fields bound on change send it too.
    private static async Task TypeEverywhereAsync(IPage page, string text)
    {
        var fields = page.Locator(Fields);
        var count = await fields.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var field = fields.Nth(i);
            if (!await field.IsVisibleAsync() || !await field.IsEditableAsync())
            {
                continue;
            }

            try
            {
                await field.FillAsync(text);
            }
            catch (PlaywrightException e) when (e.Message.Contains("Malformed value", StringComparison.Ordinal)
                                                || e.Message.Contains("Cannot type text into", StringComparison.Ordinal))
            {
                // A number or date input: the browser lets nobody type this into it.
                continue;
            }

            await field.PressAsync("Tab");
        }

        await page.Keyboard.PressAsync("Escape");
    }

    private static async Task SaveAsync(IPage page, string path, string[] buttons)
    {
        foreach (var id in buttons)
        {
            var button = page.GetByTestId(id);
            if (await button.CountAsync() != 1 || !await button.IsVisibleAsync() || !await button.IsEnabledAsync())
            {
                continue;
            }

            await button.ClickAsync();
            // The click has reached the server once the circuit has answered two later clicks; then the save
            // is over when the button is enabled again (not "Saving…") or the page has moved on.
            await ProbeAsync(page);
            await page.WaitForFunctionAsync(
                "([id, path]) => location.pathname !== path || (b => !b || (!b.disabled && !b.textContent.includes('…')))(document.querySelector(`[data-testid=${id}]`))",
                new[] { id, new Uri(new Uri("http://x"), path).AbsolutePath }, new() { Timeout = 2 * Slow });
        }
    }

    // The circuit answers: the drawer toggles and toggles back, rendered by the server after every earlier event.
    private static async Task ProbeAsync(IPage page)
    {
        var drawer = page.Locator(".mud-drawer").First;
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });
        var open = (await drawer.GetAttributeAsync("class") ?? "").Contains("mud-drawer--open", StringComparison.Ordinal);
        await toggle.ClickAsync();
        await Assertions.Expect(drawer).ToHaveClassAsync(open ? DrawerClosed() : DrawerOpen(), new() { Timeout = Slow });
        await toggle.ClickAsync();
        await Assertions.Expect(drawer).ToHaveClassAsync(open ? DrawerOpen() : DrawerClosed(), new() { Timeout = Slow });
    }

    private static async Task<string?> ProblemAsync(IPage page)
    {
        if (await page.GetByTestId("page-error").CountAsync() > 0)
        {
            return "Something went wrong: " + await page.GetByTestId("page-error").First.InnerTextAsync();
        }

        if (await page.Locator("#blazor-error-ui").IsVisibleAsync())
        {
            return "the circuit died (blazor-error-ui)";
        }

        return await page.Locator("#components-reconnect-modal").IsVisibleAsync() ? "the reconnect dialog opened" : null;
    }

    private static bool SamePath(string url, string path) =>
        new Uri(url).AbsolutePath == new Uri(new Uri("http://x"), path).AbsolutePath;

    // A draft of its own: the walk saves hostile headlines into it, which no other test should meet.
    private Task<Guid> NewDraftAsync() => app.InScopeAsync(async services =>
    {
        var marker = Guid.NewGuid().ToString("N");
        var imported = await new ReportImporter(services.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>(), TimeProvider.System, new SystemUser())
            .ImportAsync(new ImportRequest($"Cabinet meets {marker}\n\nBERLIN, May 28 (Test Wire) -- Chancellor Friedrich Merz chaired a meeting of the Federal Cabinet on Wednesday. The meeting approved a plan on rail item {marker}.\n"));
        return imported.ReportId!.Value;
    });

    [GeneratedRegex("mud-drawer--open")]
    private static partial Regex DrawerOpen();

    [GeneratedRegex("mud-drawer--closed")]
    private static partial Regex DrawerClosed();
}
