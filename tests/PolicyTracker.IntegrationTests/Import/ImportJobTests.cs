using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import.Jobs;
using PolicyTracker.IntegrationTests.Support;

namespace PolicyTracker.IntegrationTests.Import;

[Collection(DatabaseTestGroup.Name)]
public sealed class ImportJobTests(DatabaseFixture fixture) : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pt-import-").FullName;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Invented texts: each names a different body and day so no two share a content hash.
    private static string Report(int n) =>
        $"Beijing, March {1 + (n % 28)} -- The Invented Standing Committee on Coastal Affairs number {n} held its "
        + $"session {n} on Tuesday, chaired by Wen Lanxi. The meeting reviewed a draft plan on harbour dredging, item {n}.";

    private ImportJobs Jobs() => new(fixture.Factory, TimeProvider.System);

    private ImportWorker Worker(TimeSpan? lease = null, int batch = 2) => new(
        fixture.Factory, fixture.Importer(), TimeProvider.System,
        new ImportWorkerOptions { Lease = lease ?? TimeSpan.FromSeconds(30), BatchSize = batch, IdleDelay = TimeSpan.FromMilliseconds(50) });

    private async Task<Guid> FolderJobAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(_folder, $"report-{i:D3}.txt"), Report(i));
        }

        return await Jobs().CreateAsync(ImportSourceKind.Folder, _folder, false, "tester", ImportSources.Folder(_folder));
    }

    private async Task<List<ImportItemRow>> ItemsAsync(Guid job) => [.. (await Jobs().ItemsAsync(job, null, 0, 1000)).Rows];

    [Fact]
    public async Task A_folder_job_imports_every_report_once()
    {
        var job = await FolderJobAsync(4);

        await Worker().RunJobAsync(job, CancellationToken.None);

        var items = await ItemsAsync(job);
        items.Count.ShouldBe(4);
        items.ShouldAllBe(i => i.Status == ImportItemStatus.Imported && i.ReportId != null);
        await using var db = await fixture.CreateDbContextAsync();
        (await db.Reports.CountAsync()).ShouldBe(4);
        (await db.Reports.Select(r => r.Id).ToListAsync()).ShouldBe(items.Select(i => i.ReportId!.Value), ignoreOrder: true);
        var progress = (await Jobs().ProgressAsync(job))!;
        (progress.Status, progress.Total, progress.Imported, progress.Done).ShouldBe((ImportJobStatus.Completed, 4, 4, 4));
    }

    [Fact]
    public async Task Two_workers_on_one_job_import_each_item_exactly_once()
    {
        var job = await FolderJobAsync(30);

        await Task.WhenAll(
            Task.Run(() => Worker().RunJobAsync(job, CancellationToken.None)),
            Task.Run(() => Worker().RunJobAsync(job, CancellationToken.None)));

        var items = await ItemsAsync(job);
        items.Count.ShouldBe(30);
        items.ShouldAllBe(i => i.Status == ImportItemStatus.Imported);
        items.Select(i => i.ReportId).Distinct().Count().ShouldBe(30);
        await using var db = await fixture.CreateDbContextAsync();
        (await db.Reports.CountAsync()).ShouldBe(30);
        (await db.Reports.Select(r => r.ContentHash).Distinct().CountAsync()).ShouldBe(30);
    }

    [Fact]
    public async Task An_item_whose_lease_ran_out_is_reclaimed_by_another_worker_and_nothing_is_lost_or_doubled()
    {
        var job = await FolderJobAsync(6);
        await using (var db = await fixture.CreateDbContextAsync())
        {
            // A dead worker: it claimed two items and stopped renewing their leases.
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                UPDATE import_items SET status = 'Running', claimed_by = 'dead-worker', attempts = 1,
                    lease_until = clock_timestamp() - interval '1 minute'
                WHERE job_id = {job} AND position IN (1, 4)
                """);
        }

        await Worker().RunJobAsync(job, CancellationToken.None);

        var items = await ItemsAsync(job);
        items.ShouldAllBe(i => i.Status == ImportItemStatus.Imported);
        items.Single(i => i.Position == 1).Attempts.ShouldBe(2);
        await using var check = await fixture.CreateDbContextAsync();
        (await check.Reports.CountAsync()).ShouldBe(6);
        (await Jobs().ProgressAsync(job))!.Status.ShouldBe(ImportJobStatus.Completed);
    }

    [Fact]
    public async Task Bad_inputs_each_fail_with_a_clear_message_while_the_rest_import()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "good.txt"), Report(1));
        await File.WriteAllTextAsync(Path.Combine(_folder, "same-again.txt"), Report(1));
        await File.WriteAllTextAsync(Path.Combine(_folder, "empty.txt"), "");
        await File.WriteAllBytesAsync(Path.Combine(_folder, "binary.txt"), [0x00, 0xFF, 0x10, 0x00, 0x89, 0x50, 0x4E, 0x47, 0x00, 0x00]);
        var folderJob = await Jobs().CreateAsync(ImportSourceKind.Folder, _folder, false, "tester", ImportSources.Folder(_folder));

        var jsonl = Path.Combine(Path.GetTempPath(), $"pt-import-{Guid.NewGuid():N}.jsonl");
        var line = (int n) => System.Text.Json.JsonSerializer.Serialize(new { headline = $"Invented session {n}", text = Report(n) });
        await File.WriteAllTextAsync(jsonl, line(2) + "\n{\"headline\": \"broken\", \"text\": \n" + line(3) + "\n");
        var jsonJob = await Jobs().CreateAsync(ImportSourceKind.JsonLines, jsonl, false, "tester", ImportSources.JsonLinesFile(jsonl));
        File.Delete(jsonl);

        using var zipBytes = new MemoryStream();
        using (var zip = new ZipArchive(zipBytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var entry = zip.CreateEntry("inside/fine.txt").Open())
            {
                await entry.WriteAsync(Encoding.UTF8.GetBytes(Report(4)));
            }

            await using (var entry = zip.CreateEntry("../escape.txt").Open())
            {
                await entry.WriteAsync(Encoding.UTF8.GetBytes(Report(5)));
            }
        }

        zipBytes.Position = 0;
        var zipJob = await Jobs().CreateAsync(ImportSourceKind.Zip, "archive.zip", false, "tester", ImportSources.Zip(zipBytes, "archive.zip"));

        foreach (var job in new[] { folderJob, jsonJob, zipJob })
        {
            await Worker().RunJobAsync(job, CancellationToken.None);
        }

        var folder = await ItemsAsync(folderJob);
        folder.Count.ShouldBe(4);
        var good = folder.Where(i => i.Name.EndsWith("good.txt") || i.Name.EndsWith("same-again.txt")).ToList();
        good.Select(i => i.Status).ShouldBe([ImportItemStatus.Imported, ImportItemStatus.Duplicate], ignoreOrder: true);
        var duplicate = good.Single(i => i.Status == ImportItemStatus.Duplicate);
        duplicate.ExistingReportId.ShouldBe(good.Single(i => i.Status == ImportItemStatus.Imported).ReportId);
        duplicate.Error.ShouldNotBeNullOrWhiteSpace();
        foreach (var name in new[] { "empty.txt", "binary.txt" })
        {
            var item = folder.Single(i => i.Name.EndsWith(name));
            item.Status.ShouldBe(ImportItemStatus.Failed, name);
            item.Error.ShouldNotBeNull().ShouldContain(name);
        }

        var json = await ItemsAsync(jsonJob);
        json.Select(i => i.Status).ShouldBe([ImportItemStatus.Imported, ImportItemStatus.Failed, ImportItemStatus.Imported]);
        json[1].Error.ShouldNotBeNull().ShouldContain("JSON");

        var zipped = await ItemsAsync(zipJob);
        zipped.Single(i => i.Name.Contains("fine.txt")).Status.ShouldBe(ImportItemStatus.Imported);
        var escape = zipped.Single(i => i.Name.Contains("escape.txt"));
        escape.Status.ShouldBe(ImportItemStatus.Failed);
        escape.Error.ShouldNotBeNull().ShouldContain("unsafe path");

        await using var db = await fixture.CreateDbContextAsync();
        (await db.Reports.CountAsync()).ShouldBe(4);
    }

    [Fact]
    public async Task A_50_MB_file_and_a_50_MB_JSON_line_each_fail_as_too_large_while_the_rest_import()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "a-good.txt"), Report(10));
        await using (var big = File.Create(Path.Combine(_folder, "b-huge.txt")))
        {
            var block = Encoding.UTF8.GetBytes(new string('x', 1023) + "\n");
            for (var i = 0; i < 50 * 1024; i++)
            {
                await big.WriteAsync(block);
            }
        }

        await File.WriteAllTextAsync(Path.Combine(_folder, "c-good.txt"), Report(11));
        var folderJob = await Jobs().CreateAsync(ImportSourceKind.Folder, _folder, false, "tester", ImportSources.Folder(_folder));

        var jsonl = Path.Combine(Path.GetTempPath(), $"pt-import-{Guid.NewGuid():N}.jsonl");
        await using (var writer = new StreamWriter(jsonl))
        {
            await writer.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(new { headline = "Invented session 12", text = Report(12) }));
            await writer.WriteAsync("{\"headline\": \"huge\", \"text\": \"");
            for (var i = 0; i < 50 * 1024; i++)
            {
                await writer.WriteAsync(new string('y', 1024));
            }

            await writer.WriteLineAsync("\"}");
            await writer.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(new { headline = "Invented session 13", text = Report(13) }));
        }

        var jsonJob = await Jobs().CreateAsync(ImportSourceKind.JsonLines, jsonl, false, "tester", ImportSources.JsonLinesFile(jsonl));
        File.Delete(jsonl);

        await Worker().RunJobAsync(folderJob, CancellationToken.None);
        await Worker().RunJobAsync(jsonJob, CancellationToken.None);

        var folder = await ItemsAsync(folderJob);
        folder.Select(i => (i.Name, i.Status)).ShouldBe([("a-good.txt", ImportItemStatus.Imported), ("b-huge.txt", ImportItemStatus.Failed), ("c-good.txt", ImportItemStatus.Imported)]);
        folder[1].Error.ShouldBe("“b-huge.txt” is 50.0 MB; the limit is 2 MB.");
        var json = await ItemsAsync(jsonJob);
        json.Select(i => i.Status).ShouldBe([ImportItemStatus.Imported, ImportItemStatus.Failed, ImportItemStatus.Imported]);
        json[1].Error.ShouldNotBeNull().ShouldContain("Line 2 is longer than 6 MB");
        (await Jobs().ProgressAsync(folderJob))!.Status.ShouldBe(ImportJobStatus.Completed);
        await using var db = await fixture.CreateDbContextAsync();
        (await db.Reports.CountAsync()).ShouldBe(4);
    }

    [Fact]
    public async Task A_corrupt_zip_is_one_failed_item_and_a_damaged_entry_fails_while_the_other_entries_import()
    {
        var notZip = Path.Combine(_folder, "export.zip");
        await File.WriteAllBytesAsync(notZip, Encoding.UTF8.GetBytes("PK\u0003\u0004 this was cut off in the download"));
        var corruptJob = await Jobs().CreateAsync(ImportSourceKind.Zip, notZip, false, "tester", ImportSources.ZipFile(notZip));

        // A real zip whose first entry's compressed bytes were damaged after it was written.
        using var zipBytes = new MemoryStream();
        using (var zip = new ZipArchive(zipBytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, n) in new[] { ("a-damaged.txt", 20), ("b-fine.txt", 21), ("c-fine.txt", 22) })
            {
                await using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                await entry.WriteAsync(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Report(n) + "\n", 20))));
            }
        }

        var bytes = zipBytes.ToArray();
        var dataStart = 30 + "a-damaged.txt".Length; // local header, then the first entry's data
        for (var i = dataStart + 5; i < dataStart + 40; i++)
        {
            bytes[i] ^= 0x5A;
        }

        var damagedJob = await Jobs().CreateAsync(ImportSourceKind.Zip, "damaged.zip", false, "tester", ImportSources.Zip(new MemoryStream(bytes), "damaged.zip"));

        await Worker().RunJobAsync(corruptJob, CancellationToken.None);
        await Worker().RunJobAsync(damagedJob, CancellationToken.None);

        var corrupt = (await ItemsAsync(corruptJob)).ShouldHaveSingleItem();
        corrupt.Status.ShouldBe(ImportItemStatus.Failed);
        corrupt.Error.ShouldNotBeNull().ShouldStartWith("“export.zip” is not a readable zip archive");
        (await Jobs().ProgressAsync(corruptJob))!.Status.ShouldBe(ImportJobStatus.Completed);

        var damaged = await ItemsAsync(damagedJob);
        damaged.Select(i => i.Name).ShouldBe(["a-damaged.txt", "b-fine.txt", "c-fine.txt"]);
        damaged[0].Status.ShouldBe(ImportItemStatus.Failed);
        damaged[0].Error.ShouldNotBeNull().ShouldStartWith("“a-damaged.txt” is damaged in the archive");
        damaged.Skip(1).ShouldAllBe(i => i.Status == ImportItemStatus.Imported);
        await using var db = await fixture.CreateDbContextAsync();
        (await db.Reports.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Pause_resume_cancel_and_retry_change_status_and_progress_adds_up()
    {
        var job = await FolderJobAsync(8);
        var jobs = Jobs();

        (await jobs.PauseAsync(job)).ShouldBeTrue();
        (await jobs.ProgressAsync(job))!.Status.ShouldBe(ImportJobStatus.Paused);
        (await Worker().RunBatchAsync(job, CancellationToken.None)).ShouldBe(0);

        (await jobs.ResumeAsync(job)).ShouldBeTrue();
        (await jobs.ProgressAsync(job))!.Status.ShouldBe(ImportJobStatus.Running);
        (await Worker(batch: 3).RunBatchAsync(job, CancellationToken.None)).ShouldBe(3);

        (await jobs.CancelAsync(job)).ShouldBeTrue();
        var cancelled = (await jobs.ProgressAsync(job))!;
        (cancelled.Status, cancelled.Imported, cancelled.Cancelled, cancelled.Pending).ShouldBe((ImportJobStatus.Cancelled, 3, 5, 0));
        (cancelled.Done + cancelled.Left).ShouldBe(cancelled.Total);
        (await Worker().RunBatchAsync(job, CancellationToken.None)).ShouldBe(0);

        (await jobs.RetryAsync(job)).ShouldBe(5);
        (await jobs.ProgressAsync(job))!.Status.ShouldBe(ImportJobStatus.Running);
        await Worker().RunJobAsync(job, CancellationToken.None);

        var done = (await jobs.ProgressAsync(job))!;
        (done.Status, done.Total, done.Imported, done.Cancelled, done.Failed, done.Left).ShouldBe((ImportJobStatus.Completed, 8, 8, 0, 0, 0));
        await using var db = await fixture.CreateDbContextAsync();
        (await db.Reports.CountAsync()).ShouldBe(8);
    }
}
