using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import.Feeds;
using PolicyTracker.Data.Import.Fetching;
using PolicyTracker.Data.Import.Jobs;
using Spectre.Console;

namespace PolicyTracker.Cli.Commands;

// import <folder|zip|jsonl|file|url>: queues every report of the source as one import job (or takes up
// the unfinished job of the same source) and works on it until it is done, with a progress bar on a
// terminal and a summary at the end. Killed or interrupted, the same command resumes where it stopped.
// A URL is fetched once to see what it is: an RSS or Atom feed is subscribed (the app then polls it on
// its schedule) and polled now, its new entries being the job; anything else is one article to import.
internal static class ImportCommand
{
    private const string Usage =
        "usage: policytracker import <folder|file.zip|file.jsonl|file.txt|feed-url|article-url> [--publish] [--feed|--article] [--every MINUTES] [--by NAME] [--workers N] [--lease SECONDS] [--connection CONNECTION-STRING]\n"
        + "  a URL is fetched by the server's rules: loopback, private and link-local addresses are refused unless Fetching__AllowPrivateNetworks=true";

    // How many failed items the summary names; the rest are counted.
    private const int FailuresShown = 50;

    private enum UrlKind
    {
        Detect,
        Feed,
        Article,
    }

    private sealed record Options(string Source, bool Publish, string By, int Workers, TimeSpan Lease, string[] ConnectionArgs, UrlKind UrlAs, int EveryMinutes);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (Parse(args, stderr) is not { } options)
        {
            return 2;
        }

        var isUrl = Uri.TryCreate(options.Source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
        var kind = ImportSourceKind.Feed;
        var path = options.Source.Trim();
        if (!isUrl)
        {
            if (options.UrlAs != UrlKind.Detect)
            {
                await stderr.WriteLineAsync("import: --feed and --article go with an http:// or https:// address");
                return 2;
            }

            path = Path.GetFullPath(options.Source);
            if (!Directory.Exists(path) && !File.Exists(path))
            {
                await stderr.WriteLineAsync($"import: {options.Source}: no such file or folder");
                return 2;
            }

            if (ImportSources.Detect(path) is not { } detected)
            {
                await stderr.WriteLineAsync($"import: {options.Source}: not a folder, .zip, .jsonl/.ndjson or a .txt/.md/.html file");
                return 2;
            }

            kind = detected;
        }

        if (MigrateCommand.ResolveConnection("import", options.ConnectionArgs, stderr) is not { } connectionString)
        {
            return 2;
        }

        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            var collection = new ServiceCollection();
            // The app's setting, by the same name: off unless the environment allows it on purpose.
            collection.AddSingleton(new FetchOptions
            {
                AllowPrivateNetworks = string.Equals(Environment.GetEnvironmentVariable("Fetching__AllowPrivateNetworks"), "true", StringComparison.OrdinalIgnoreCase),
            });
            collection.AddPolicyTrackerData(connectionString);
            collection.AddSingleton(new ImportWorkerOptions { Lease = options.Lease });
            await using var services = collection.BuildServiceProvider();
            var jobs = services.GetRequiredService<ImportJobs>();
            var clock = Stopwatch.StartNew();

            Guid? jobId;
            if (isUrl)
            {
                var queued = await QueueUrlAsync(services, options, uri!, stdout, stderr, stop.Token);
                if (queued.ExitCode is { } exit)
                {
                    return exit;
                }

                jobId = queued.JobId;
            }
            else if ((jobId = await jobs.UnfinishedForSourceAsync(kind, path, stop.Token)) is { } existing)
            {
                var paused = await jobs.ResumeAsync(existing, stop.Token);
                var progress = await jobs.ProgressAsync(existing, stop.Token);
                await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"import: resuming {(paused ? "paused " : string.Empty)}job {existing} of {path}: {progress?.Done ?? 0} of {progress?.Total ?? 0} items already done"));
            }
            else
            {
                await stderr.WriteLineAsync($"import: reading {path}");
                jobId = await jobs.CreateAsync(kind, path, options.Publish, options.By, ImportSources.Open(kind, path), stop.Token);
                await stderr.WriteLineAsync($"import: job {jobId} queued");
            }

            var job = jobId!.Value;
            var work = Task.WhenAll(Enumerable.Range(0, options.Workers).Select(_ => Task.Run(async () =>
            {
                using var scope = services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<ImportWorker>().RunJobAsync(job, stop.Token);
            })));

            if (!Console.IsErrorRedirected && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
            {
                await ShowProgressBarAsync(jobs, job, work);
            }
            else
            {
                await ShowProgressLinesAsync(jobs, job, work, stderr);
            }

            await work;
            var final = await jobs.ProgressAsync(job, CancellationToken.None)
                ?? throw new InvalidOperationException($"Import job {job} disappeared while it ran.");
            await SummaryAsync(jobs, final, clock.Elapsed, stdout);
            if (stop.IsCancellationRequested && final.Left > 0)
            {
                await stderr.WriteLineAsync($"import: interrupted with {final.Left} items left; run the same command again to resume");
                return 130;
            }

            return final.Status switch
            {
                ImportJobStatus.Completed when final.Failed == 0 => 0,
                ImportJobStatus.Completed => 1,
                _ => 3, // paused or cancelled from the Import page while this ran
            };
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("import: interrupted before the job was queued; nothing was imported");
            return 130;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"import: {e.Message}");
            return 1;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    // Fetches the URL once to see what it is. A feed is subscribed (or its subscription found) and polled
    // now; an article becomes a one-item job that the workers fetch and store like a feed entry. ExitCode
    // is set when there is nothing to run: the URL failed, or the feed had nothing new.
    private static async Task<(Guid? JobId, int? ExitCode)> QueueUrlAsync(
        IServiceProvider services, Options options, Uri url, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var jobs = services.GetRequiredService<ImportJobs>();
        var address = url.AbsoluteUri;
        if (options.UrlAs != UrlKind.Feed && await jobs.UnfinishedForSourceAsync(ImportSourceKind.Feed, address, ct) is { } unfinished)
        {
            await jobs.ResumeAsync(unfinished, ct);
            await stderr.WriteLineAsync($"import: resuming job {unfinished} of {address}");
            return (unfinished, null);
        }

        var fetched = await services.GetRequiredService<SafeFetcher>().FetchAsync(url, ct);
        if (!fetched.Succeeded)
        {
            await stderr.WriteLineAsync($"import: {fetched.Error}");
            return (null, 1);
        }

        var parsed = options.UrlAs == UrlKind.Article ? null : FeedDocument.Parse(address, fetched.Body!, fetched.MediaType);
        if (parsed?.Feed is null)
        {
            if (options.UrlAs == UrlKind.Feed)
            {
                await stderr.WriteLineAsync($"import: {address} is not an RSS or Atom feed: {parsed?.Error}");
                return (null, 1);
            }

            var payload = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new FeedItemPayload(address, null, null, null, null));
            var article = await jobs.CreateAsync(ImportSourceKind.Feed, address, options.Publish, options.By, [new ImportItemDraft(address, payload, payload.Length)], ct);
            await stderr.WriteLineAsync($"import: {address} is a single article; job {article} queued");
            return (article, null);
        }

        await using var scope = services.CreateAsyncScope();
        var poller = scope.ServiceProvider.GetRequiredService<FeedPoller>();
        var subscription = await poller.SubscribeAsync(address, options.Publish, options.EveryMinutes, options.By, ct);
        if (subscription.FeedId is not { } feedId)
        {
            await stderr.WriteLineAsync($"import: {subscription.Error}");
            return (null, 2);
        }

        await stderr.WriteLineAsync(subscription.Error is null
            ? string.Create(CultureInfo.InvariantCulture, $"import: subscribed to the feed {address} (feed {feedId}); the app polls it every {options.EveryMinutes} minutes")
            : $"import: {subscription.Error} Polling it now (feed {feedId}).");
        var poll = await poller.PollAsync(feedId, ct);
        if (poll.Error is not null)
        {
            await stderr.WriteLineAsync($"import: the feed could not be read: {poll.Error}");
            return (null, 1);
        }

        if (poll.JobId is not { } job)
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"import: feed {feedId}: {poll.Entries} entries, nothing new to import"));
            return (null, 0);
        }

        await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"import: feed {feedId}: {poll.Entries} entries, {poll.NewItems} new; job {job} queued"));
        return (job, null);
    }

    private static async Task ShowProgressBarAsync(ImportJobs jobs, Guid job, Task work)
    {
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask("import", maxValue: 1);
                while (true)
                {
                    var finished = work.IsCompleted;
                    if (await jobs.ProgressAsync(job, CancellationToken.None) is { } progress)
                    {
                        bar.MaxValue = Math.Max(progress.Total, 1);
                        bar.Value = progress.Done;
                        bar.Description = string.Create(CultureInfo.InvariantCulture,
                            $"{progress.Done} of {progress.Total}{(progress.ReportsPerSecond is { } rate ? $", {rate:F1}/s" : string.Empty)}{(progress.Failed > 0 ? $", [red]{progress.Failed} failed[/]" : string.Empty)}");
                    }

                    if (finished)
                    {
                        bar.StopTask();
                        return;
                    }

                    await Task.WhenAny(work, Task.Delay(250));
                }
            });
    }

    // Not a terminal (a pipe, a log, a test): a line every two seconds instead of a bar.
    private static async Task ShowProgressLinesAsync(ImportJobs jobs, Guid job, Task work, TextWriter stderr)
    {
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(2)));
            if (!work.IsCompleted && await jobs.ProgressAsync(job, CancellationToken.None) is { } progress)
            {
                await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"import: {progress.Done} of {progress.Total} done{(progress.ReportsPerSecond is { } rate ? $", {rate:F1} reports/s" : string.Empty)}{(progress.Eta is { } eta ? $", about {eta.TotalSeconds:F0} s left" : string.Empty)}"));
            }
        }
    }

    private static async Task SummaryAsync(ImportJobs jobs, ImportProgress job, TimeSpan elapsed, TextWriter stdout)
    {
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"import: job {job.Id} {job.Status.ToString().ToLowerInvariant()}: {job.Total} items, {job.Imported} stored, {job.Duplicate} duplicates, {job.Failed} failed, {job.Cancelled} cancelled, {job.Left} left ({elapsed.TotalSeconds:F1} s)"));
        if (job.Failed == 0)
        {
            return;
        }

        var failed = await jobs.ItemsAsync(job.Id, [ImportItemStatus.Failed], 0, FailuresShown, CancellationToken.None);
        await stdout.WriteLineAsync("failed:");
        foreach (var item in failed.Rows)
        {
            await stdout.WriteLineAsync($"  {item.Name}: {item.Error}");
        }

        if (failed.Total > failed.Rows.Count)
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  ... and {failed.Total - failed.Rows.Count} more (the Import page lists them all)"));
        }
    }

    private static Options? Parse(string[] args, TextWriter stderr)
    {
        string? source = null;
        var publish = false;
        var by = $"cli:{Environment.UserName}";
        var workers = 2;
        var urlAs = UrlKind.Detect;
        var every = 30;
        var lease = new ImportWorkerOptions().Lease;
        var connection = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--publish":
                    publish = true;
                    break;
                case "--feed":
                    urlAs = UrlKind.Feed;
                    break;
                case "--article":
                    urlAs = UrlKind.Article;
                    break;
                case "--every" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
                    && m is >= FeedPoller.MinPollMinutes and <= FeedPoller.MaxPollMinutes:
                    every = m;
                    i++;
                    break;
                case "--by" when i + 1 < args.Length && args[i + 1].Trim().Length > 0:
                    by = args[++i].Trim();
                    break;
                case "--workers" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w is >= 1 and <= 16:
                    workers = w;
                    i++;
                    break;
                case "--lease" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 3600:
                    lease = TimeSpan.FromSeconds(s);
                    i++;
                    break;
                case "--connection" when i + 1 < args.Length:
                    connection.Add(args[i]);
                    connection.Add(args[++i]);
                    break;
                default:
                    if (args[i].StartsWith("--connection=", StringComparison.Ordinal))
                    {
                        connection.Add(args[i]);
                        break;
                    }

                    if (args[i].StartsWith("--", StringComparison.Ordinal) || source is not null)
                    {
                        stderr.WriteLine(Usage);
                        return null;
                    }

                    source = args[i];
                    break;
            }
        }

        if (source is null)
        {
            stderr.WriteLine(Usage);
            return null;
        }

        return new Options(source, publish, by, workers, lease, [.. connection], urlAs, every);
    }
}
