using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.BrowserTests.Import;

[Collection(AppCollection.Name)]
public sealed class ImportPageTests(AppFixture app)
{
    private const int Reports = 40;

    // A JSON Lines export of invented reports, with one line that does not parse.
    private static string JsonLines(int reports = Reports, string topic = "Canal Tolls", bool badLine = true)
    {
        var lines = new StringBuilder();
        for (var n = 0; n < reports; n++)
        {
            lines.AppendLine(JsonSerializer.Serialize(new
            {
                headline = $"Invented Board on {topic} holds session {n}",
                outlet = "Invented Wire",
                published = "2024-05-06",
                url = $"https://wire.example.org/{topic.Replace(' ', '-').ToLowerInvariant()}/{n}",
                text = $"Beijing, May {1 + (n % 28)} -- The Invented Board on {topic} number {n} held its session {n} on Monday, "
                    + $"chaired by Wen Lanxi. The meeting approved a plan on lock maintenance, item {n}.",
            }));
        }

        if (badLine)
        {
            lines.AppendLine("{\"headline\": \"cut off in the middle");
        }

        return lines.ToString();
    }

    [Fact]
    public async Task An_editor_uploads_a_JSON_Lines_export_and_watches_the_job_reach_100_percent_with_the_bad_line_failed()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("pt-import-page-").FullName, "canal-tolls.jsonl");
        await File.WriteAllTextAsync(file, JsonLines());
        var page = await app.OpenAsync("/import", Roles.Editor);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Import");

        await page.Locator("[data-testid=new-import] input[type=file]").SetInputFilesAsync(file);

        // The upload queues the job and selects it in the URL; the app's workers run it.
        await page.WaitForURLAsync(url => url.Contains("job=", StringComparison.Ordinal), new() { Timeout = 30_000 });
        var job = page.GetByTestId("import-job").Filter(new() { HasText = "canal-tolls.jsonl" });
        await Assertions.Expect(job).ToHaveCountAsync(1);
        await AppFixture.ScreenshotAsync(page, "import-running");
        await Assertions.Expect(job.GetByTestId("job-progress")).ToHaveTextAsync($"{Reports + 1} of {Reports + 1}", new() { Timeout = 60_000 });
        await Assertions.Expect(job.GetByTestId("job-status")).ToHaveTextAsync("Completed", new() { Timeout = 10_000 });
        await Assertions.Expect(job.GetByTestId("job-failed")).ToHaveTextAsync("1");

        // The failed line is listed with its reason, and the URL is the state: a reload shows the same view.
        await page.ReloadAsync();
        await AppFixture.WaitInteractiveAsync(page);
        var failed = page.GetByTestId("failed-item");
        await Assertions.Expect(failed).ToHaveCountAsync(1);
        await Assertions.Expect(failed).ToContainTextAsync($"line {Reports + 1}");
        await AppFixture.ScreenshotAsync(page, "import-done");
        (await app.ProblemsAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_editor_pauses_resumes_and_cancels_a_running_import_then_retries_the_cancelled_items_to_100_percent()
    {
        const int Many = 400;
        var file = Path.Combine(Directory.CreateTempSubdirectory("pt-import-page-").FullName, "river-locks.jsonl");
        await File.WriteAllTextAsync(file, JsonLines(Many, "River Locks", badLine: false));
        var page = await app.OpenAsync("/import", Roles.Editor);
        await page.Locator("[data-testid=new-import] input[type=file]").SetInputFilesAsync(file);
        await page.WaitForURLAsync(url => url.Contains("job=", StringComparison.Ordinal), new() { Timeout = 30_000 });
        var job = page.GetByTestId("import-job").Filter(new() { HasText = "river-locks.jsonl" });
        var status = job.GetByTestId("job-status");
        await Assertions.Expect(status).ToHaveTextAsync("Running");

        await job.GetByTestId("pause").ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Paused");
        // Paused: what was claimed finishes, then the count stands still.
        await page.WaitForTimeoutAsync(2_000);
        var paused = await job.GetByTestId("job-progress").TextContentAsync();
        await page.WaitForTimeoutAsync(2_000);
        (await job.GetByTestId("job-progress").TextContentAsync()).ShouldBe(paused);

        await job.GetByTestId("resume").ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Running");
        await job.GetByTestId("cancel").ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Cancelled");
        await Assertions.Expect(job.GetByTestId("job-progress")).ToHaveTextAsync($"{Many:N0} of {Many:N0}", new() { Timeout = 20_000 });

        // The cancelled items kept their bytes: a retry queues them again and the job runs to 100%.
        await job.GetByTestId("retry").ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Completed", new() { Timeout = 120_000 });
        await Assertions.Expect(job).ToContainTextAsync($"{Many:N0} of {Many:N0}");
        await Assertions.Expect(job.Locator("td.num").First).ToHaveTextAsync($"{Many:N0}");
        await AppFixture.ScreenshotAsync(page, "import-retried");
        (await app.ProblemsAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_analyst_cannot_open_the_import_page()
    {
        var page = await app.NewPageAsync();
        await AppFixture.SignInAsync(page, Roles.Analyst);
        await page.GotoAsync("/import");
        await Assertions.Expect(page.GetByTestId("new-import")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Upload .zip or .jsonl")).ToHaveCountAsync(0);
    }
}
