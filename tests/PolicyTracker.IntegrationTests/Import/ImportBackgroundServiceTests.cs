using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import.Jobs;
using PolicyTracker.IntegrationTests.Support;
using PolicyTracker.TestSupport;

namespace PolicyTracker.IntegrationTests.Import;

// The app's own import workers: a job queued while no app ran (or left by a killed one) is
// finished once the app starts, with nobody opening a page.
[Collection(DatabaseTestGroup.Name)]
public sealed class ImportBackgroundServiceTests(DatabaseFixture fixture) : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pt-import-app-").FullName;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Report(int n) =>
        $"Beijing, April {1 + (n % 28)} -- The Invented Council on River Transport number {n} held its "
        + $"meeting {n} on Monday, chaired by Wen Lanxi. The meeting approved a draft plan on lock repairs, item {n}.";

    [Fact]
    public async Task The_app_finishes_a_queued_job_in_the_background_and_a_paused_job_waits()
    {
        for (var i = 0; i < 12; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(_folder, $"r{i:D2}.txt"), Report(i));
        }

        var jobs = new ImportJobs(fixture.Factory, TimeProvider.System);
        var queued = await jobs.CreateAsync(ImportSourceKind.Folder, _folder, true, "editor@example.org", ImportSources.Folder(_folder).Take(8));
        var paused = await jobs.CreateAsync(ImportSourceKind.Folder, _folder + "/", false, "editor@example.org", ImportSources.Folder(_folder).Skip(8));
        (await jobs.PauseAsync(paused)).ShouldBeTrue();

        await using var app = new AppFactory(fixture.ConnectionString);
        _ = app.Services; // starts the host and its hosted services

        var waited = Stopwatch.StartNew();
        while ((await jobs.ProgressAsync(queued))!.Status != ImportJobStatus.Completed)
        {
            waited.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(1), "the app's workers did not finish the queued job");
            await Task.Delay(100);
        }

        var done = (await jobs.ProgressAsync(queued))!;
        (done.Total, done.Imported, done.Failed).ShouldBe((8, 8, 0));
        await using var db = await fixture.CreateDbContextAsync();
        // "Trust the extractor": the job's reports are published, entered by the editor who queued it.
        (await db.Reports.CountAsync(r => r.Status == ReportStatus.Published)).ShouldBe(8);
        (await db.Reports.CountAsync()).ShouldBe(8);
        (await db.Reports.Select(r => r.EnteredBy).Distinct().ToListAsync()).ShouldBe(["editor@example.org"]);

        var waiting = (await jobs.ProgressAsync(paused))!;
        (waiting.Status, waiting.Pending).ShouldBe((ImportJobStatus.Paused, 4));

        (await jobs.ResumeAsync(paused)).ShouldBeTrue();
        waited.Restart();
        while ((await jobs.ProgressAsync(paused))!.Status != ImportJobStatus.Completed)
        {
            waited.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(1), "the app's workers did not take up the resumed job");
            await Task.Delay(100);
        }

        (await db.Reports.CountAsync()).ShouldBe(12);
        (await db.Reports.CountAsync(r => r.Status == ReportStatus.Draft)).ShouldBe(4);
    }
}
