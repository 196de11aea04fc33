using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import.Feeds;
using PolicyTracker.Data.Import.Fetching;
using PolicyTracker.Data.Import.Jobs;
using PolicyTracker.IntegrationTests.Support;

namespace PolicyTracker.IntegrationTests.Import;

// Feeds and their articles served by a real Kestrel on loopback; the app's fetcher allows loopback
// only where a test says so (Fetching:AllowPrivateNetworks), as a deployment would not.
[Collection(DatabaseTestGroup.Name)]
public sealed class FeedTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, (string Type, string Body)> _pages = new();
    private WebApplication _server = null!;
    private string _base = null!;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _server = builder.Build();
        _server.MapGet("/loop/{n:int}", (int n) => Results.Redirect($"/loop/{n + 1}"));
        _server.MapGet("/huge", async (HttpContext context) =>
        {
            // 12 MB without a Content-Length: the cap has to stop the read itself.
            context.Response.ContentType = "application/rss+xml";
            var chunk = Encoding.UTF8.GetBytes(new string('x', 64 * 1024));
            for (var i = 0; i < 12 * 16; i++)
            {
                await context.Response.Body.WriteAsync(chunk);
            }
        });
        _server.MapGet("/{**path}", (HttpContext context) => _pages.TryGetValue(context.Request.Path.Value!, out var page)
            ? Results.Text(page.Body, page.Type, Encoding.UTF8)
            : Results.NotFound());
        await _server.StartAsync();
        _base = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static SafeFetcher Fetcher(bool allowPrivate = true) => new(new FetchOptions { AllowPrivateNetworks = allowPrivate, Timeout = TimeSpan.FromSeconds(10) });

    private FeedPoller Poller(SafeFetcher fetcher) => new(fixture.Factory, fetcher, new ImportJobs(fixture.Factory, TimeProvider.System), TimeProvider.System);

    private ImportWorker Worker(SafeFetcher fetcher) => new(
        fixture.Factory, fixture.Importer(), TimeProvider.System,
        new ImportWorkerOptions { BatchSize = 2, IdleDelay = TimeSpan.FromMilliseconds(50) }, articles: new ArticleFetcher(fetcher));

    // Invented articles: each names a different body so no two share a content hash.
    private void Article(string path, string headline, int n) => _pages[path] = ("text/html", $"""
        <!doctype html><html><head><title>{headline}</title><meta property="og:site_name" content="Invented Wire"></head>
        <body><nav>Home | World | Contact</nav><article><h1>{headline}</h1>
        <p>Beijing, March {n} -- The Invented Standing Committee on Coastal Affairs number {n} held its session on Tuesday, chaired by Wen Lanxi.</p>
        <p>The meeting reviewed a draft plan on harbour dredging and called for faster work on the sea walls of the eastern provinces, item {n}.</p>
        <p>Participants agreed that the plan would be submitted to the full committee for deliberation at its next session in April.</p>
        <p>Officials from the provincial water bureaus reported on the progress of the dredging works along the northern channel, where silt had closed two berths.</p>
        <p>The committee asked the bureaus to publish a timetable for the remaining works before the end of the month and to report again at the next session.</p>
        </article><footer>Copyright Invented Wire</footer></body></html>
        """);

    private string Rss(params string[] paths) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Invented Wire: Politics</title><link>{_base}/</link><description>Test feed</description>
        {string.Concat(paths.Select((p, i) => $"<item><title>Entry {i}</title><link>{_base}{p}</link><guid>{_base}{p}</guid><pubDate>Tue, 0{i + 1} Mar 2022 08:00:00 GMT</pubDate><description>Short summary {i}.</description></item>"))}
        </channel></rss>
        """;

    private async Task<Feed> FeedAsync(Guid id)
    {
        await using var db = await fixture.CreateDbContextAsync();
        return await db.Feeds.AsNoTracking().SingleAsync(f => f.Id == id);
    }

    private async Task<Guid> SubscribeAsync(FeedPoller poller, string path)
    {
        var subscription = await poller.SubscribeAsync(_base + path, publish: false, pollMinutes: 30, "tester");
        subscription.Error.ShouldBeNull();
        return subscription.FeedId!.Value;
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> CliImportAsync(bool allowPrivate, params string[] args)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "policytracker.dll"), "import" }.Concat(args).Concat(["--connection", fixture.ConnectionString]))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Fetching__AllowPrivateNetworks"] = allowPrivate ? "true" : "false";
        using var process = Process.Start(start)!;
        // A cold start of the CLI took over two minutes on a CI machine loaded by both test suites.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task The_cli_imports_a_feed_url_by_subscribing_and_polling_it_and_a_single_article_url_and_refuses_loopback_by_default()
    {
        Article("/a/1", "Coastal committee meets", 1);
        Article("/a/2", "Coastal committee meets again", 2);
        Article("/a/3", "Coastal committee meets a third time", 3);
        _pages["/rss"] = ("application/rss+xml", Rss("/a/1", "/a/2"));

        var refused = await CliImportAsync(false, _base + "/rss");
        refused.ExitCode.ShouldBe(1, refused.Stderr);
        refused.Stderr.ShouldContain("loopback, private or link-local address");

        var feed = await CliImportAsync(true, _base + "/rss", "--every", "15");
        feed.ExitCode.ShouldBe(0, feed.Stderr);
        feed.Stderr.ShouldContain("subscribed to the feed");
        feed.Stdout.ShouldContain("completed: 2 items, 2 stored, 0 duplicates, 0 failed");

        var again = await CliImportAsync(true, _base + "/rss");
        again.ExitCode.ShouldBe(0, again.Stderr);
        again.Stdout.ShouldContain("2 entries, nothing new to import");

        var article = await CliImportAsync(true, _base + "/a/3");
        article.ExitCode.ShouldBe(0, article.Stderr);
        article.Stderr.ShouldContain("is a single article");
        article.Stdout.ShouldContain("completed: 1 items, 1 stored");

        var missing = await CliImportAsync(true, _base + "/a/404");
        missing.ExitCode.ShouldBe(1);
        missing.Stderr.ShouldContain("HTTP 404");

        await using var db = await fixture.CreateDbContextAsync();
        var subscribed = await db.Feeds.AsNoTracking().SingleAsync();
        (subscribed.Url, subscribed.PollMinutes, subscribed.LastNewItems).ShouldBe((_base + "/rss", 15, 0)); // the second poll found nothing new
        (await db.Reports.AsNoTracking().OrderBy(r => r.SourceUrl).Select(r => r.SourceUrl).ToListAsync())
            .ShouldBe([_base + "/a/1", _base + "/a/2", _base + "/a/3"]);
    }

    [Fact]
    public async Task Rss_entries_become_draft_reports_with_their_source_url_and_a_second_poll_queues_only_what_is_new()
    {
        using var fetcher = Fetcher();
        Article("/a/1", "Coastal committee meets", 1);
        Article("/a/2", "Coastal committee meets again", 2);
        _pages["/rss"] = ("application/rss+xml", Rss("/a/1", "/a/2"));
        var poller = Poller(fetcher);
        var feedId = await SubscribeAsync(poller, "/rss");

        var first = (await poller.PollDueAsync())!;
        (first.Entries, first.NewItems, first.Error).ShouldBe((2, 2, null));
        await Worker(fetcher).RunJobAsync(first.JobId!.Value, CancellationToken.None);

        await using (var db = await fixture.CreateDbContextAsync())
        {
            var reports = await db.Reports.AsNoTracking().OrderBy(r => r.SourceUrl).ToListAsync();
            reports.Select(r => r.SourceUrl).ShouldBe([_base + "/a/1", _base + "/a/2"]);
            reports.ShouldAllBe(r => r.Status == ReportStatus.Draft && r.Outlet == "Invented Wire");
            reports[0].Headline.ShouldBe("Coastal committee meets");
            reports[0].Text.ShouldContain("chaired by Wen Lanxi");
            reports[0].Text.ShouldNotContain("Copyright Invented Wire");
        }

        var feed = await FeedAsync(feedId);
        (feed.Title, feed.LastError, feed.LastNewItems).ShouldBe(("Invented Wire: Politics", null, 2));
        feed.NextPollAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(25));
        (await poller.PollDueAsync()).ShouldBeNull(); // not due again for 30 minutes

        Article("/a/3", "Coastal committee meets a third time", 3);
        _pages["/rss"] = ("application/rss+xml", Rss("/a/3", "/a/1", "/a/2"));
        var second = await poller.PollAsync(feedId);
        (second.Entries, second.NewItems).ShouldBe((3, 1));
        await Worker(fetcher).RunJobAsync(second.JobId!.Value, CancellationToken.None);
        (await poller.PollAsync(feedId)).JobId.ShouldBeNull();

        await using var check = await fixture.CreateDbContextAsync();
        (await check.Reports.CountAsync()).ShouldBe(3);
        // The jobs list names a poll's job by the feed's title, not by the last part of its address ("rss").
        var jobs = new ImportJobs(fixture.Factory, TimeProvider.System);
        (await jobs.ListAsync(0, 10)).Rows.Select(j => (j.Source, j.FeedTitle)).ShouldBe([(_base + "/rss", "Invented Wire: Politics"), (_base + "/rss", "Invented Wire: Politics")]);
        (await jobs.ProgressAsync(first.JobId.Value))!.FeedTitle.ShouldBe("Invented Wire: Politics");
    }

    [Fact]
    public async Task Atom_entries_are_imported_and_an_article_already_stored_from_elsewhere_is_a_duplicate()
    {
        using var fetcher = Fetcher();
        Article("/b/1", "Harbour plan reviewed", 11);
        Article("/b/2", "Harbour plan adopted", 12);
        _pages["/atom"] = ("application/atom+xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Invented Atom Wire</title><id>urn:test</id><updated>2022-03-02T10:00:00Z</updated>
            <entry><title>Harbour plan reviewed</title><id>urn:1</id><link href="{_base}/b/1"/><updated>2022-03-01T10:00:00Z</updated></entry>
            <entry><title>Harbour plan adopted</title><id>urn:2</id><link rel="alternate" href="{_base}/b/2"/><updated>2022-03-02T10:00:00Z</updated></entry>
            </feed>
            """);
        var rss = Poller(fetcher);
        var otherFeed = await SubscribeAsync(rss, "/atom-copy");
        _pages["/atom-copy"] = ("application/rss+xml", Rss("/b/2"));
        await Worker(fetcher).RunJobAsync((await rss.PollAsync(otherFeed)).JobId!.Value, CancellationToken.None);

        var feedId = await SubscribeAsync(rss, "/atom");
        var poll = await rss.PollAsync(feedId);
        poll.NewItems.ShouldBe(2);
        await Worker(fetcher).RunJobAsync(poll.JobId!.Value, CancellationToken.None);

        var items = (await new ImportJobs(fixture.Factory, TimeProvider.System).ItemsAsync(poll.JobId!.Value, null, 0, 10)).Rows;
        items.Select(i => (i.Name, i.Status)).ShouldBe([(_base + "/b/1", ImportItemStatus.Imported), (_base + "/b/2", ImportItemStatus.Duplicate)]);
        await using var db = await fixture.CreateDbContextAsync();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.SourceUrl == _base + "/b/1");
        report.Published.ShouldBe(new DateOnly(2022, 3, 1));
        (await db.Reports.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task An_article_that_cannot_be_fetched_fails_its_item_with_the_reason_and_the_other_entries_are_imported()
    {
        using var fetcher = Fetcher();
        Article("/c/1", "Sea wall works approved", 21);
        _pages["/rss"] = ("application/rss+xml", Rss("/c/missing", "/c/1"));
        var poller = Poller(fetcher);
        var poll = await poller.PollAsync(await SubscribeAsync(poller, "/rss"));
        await Worker(fetcher).RunJobAsync(poll.JobId!.Value, CancellationToken.None);

        var items = (await new ImportJobs(fixture.Factory, TimeProvider.System).ItemsAsync(poll.JobId!.Value, null, 0, 10)).Rows;
        items[0].Status.ShouldBe(ImportItemStatus.Failed);
        items[0].Error!.ShouldContain("could not be fetched");
        items[0].Error!.ShouldContain("HTTP 404");
        items[1].Status.ShouldBe(ImportItemStatus.Imported);

        // Once the page is there, a retry stores it.
        Article("/c/missing", "Sea wall works funded", 22);
        (await new ImportJobs(fixture.Factory, TimeProvider.System).RetryAsync(poll.JobId!.Value)).ShouldBe(1);
        await Worker(fetcher).RunJobAsync(poll.JobId!.Value, CancellationToken.None);
        await using var db = await fixture.CreateDbContextAsync();
        (await db.Reports.CountAsync()).ShouldBe(2);
    }

    [Theory]
    [InlineData("/plain", "not a readable RSS or Atom feed")]
    [InlineData("/page", "is a web page (HTML), not an RSS or Atom feed")]
    [InlineData("/other-xml", "is XML but not an RSS or Atom feed (its root element is <catalog>)")]
    [InlineData("/dtd", "not a readable RSS or Atom feed")]
    [InlineData("/huge", "larger than the limit of 10 MB")]
    [InlineData("/loop/0", "redirects more than 5 times")]
    [InlineData("/nothing-here", "answered HTTP 404")]
    public async Task A_bad_feed_queues_nothing_and_keeps_its_reason_on_the_feed(string path, string reason)
    {
        _pages["/plain"] = ("text/plain", "This is not XML at all, just words.");
        _pages["/page"] = ("text/html", "<!DOCTYPE html><html><head><title>News</title></head><body><p>Our feed is elsewhere.</p></body></html>");
        _pages["/other-xml"] = ("application/xml", "<?xml version=\"1.0\"?><catalog><book>A</book></catalog>");
        _pages["/dtd"] = ("application/rss+xml", "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]><rss version=\"2.0\"><channel><title>&b;</title></channel></rss>");
        using var fetcher = Fetcher();
        var poller = Poller(fetcher);
        var feedId = await SubscribeAsync(poller, path);

        var result = (await poller.PollDueAsync())!;

        result.Error.ShouldNotBeNull();
        result.Error.ShouldContain(reason);
        result.JobId.ShouldBeNull();
        var feed = await FeedAsync(feedId);
        feed.LastError.ShouldBe(result.Error);
        feed.ConsecutiveFailures.ShouldBe(1);
        feed.NextPollAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(25));
        await using var db = await fixture.CreateDbContextAsync();
        (await db.ImportJobs.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_unreachable_feed_queues_nothing_and_keeps_its_reason_on_the_feed()
    {
        // A port nothing listens on: bound for a moment, then closed.
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var fetcher = Fetcher();
        var poller = Poller(fetcher);
        var subscription = await poller.SubscribeAsync($"http://127.0.0.1:{port}/rss", publish: false, pollMinutes: 30, "tester");

        var result = (await poller.PollDueAsync())!;

        result.Error.ShouldNotBeNull().ShouldContain("could not be reached");
        result.JobId.ShouldBeNull();
        var feed = await FeedAsync(subscription.FeedId!.Value);
        (feed.LastError, feed.ConsecutiveFailures).ShouldBe((result.Error, 1));
        await using var db = await fixture.CreateDbContextAsync();
        (await db.ImportJobs.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_feed_on_a_private_address_is_refused_unless_the_setting_allows_it()
    {
        _pages["/rss"] = ("application/rss+xml", Rss());
        using var refusing = Fetcher(allowPrivate: false);
        var poller = Poller(refusing);
        var feedId = await SubscribeAsync(poller, "/rss");

        var result = await poller.PollAsync(feedId);

        result.Error!.ShouldContain("loopback, private or link-local address");
        (await FeedAsync(feedId)).LastError.ShouldBe(result.Error);
        using var allowing = Fetcher(allowPrivate: true);
        (await Poller(allowing).PollAsync(feedId)).Error.ShouldBeNull();
        (await FeedAsync(feedId)).ConsecutiveFailures.ShouldBe(0);
    }

    [Fact]
    public async Task Subscribing_twice_to_one_address_or_to_something_that_is_not_a_web_address_is_refused()
    {
        using var fetcher = Fetcher();
        var poller = Poller(fetcher);
        var first = await SubscribeAsync(poller, "/rss");

        var again = await poller.SubscribeAsync(_base + "/rss", false, 30, "tester");
        again.FeedId.ShouldBe(first);
        again.Error!.ShouldContain("already subscribed");
        (await poller.SubscribeAsync("file:///etc/passwd", false, 30, "tester")).Error!.ShouldContain("http:// or https://");
        (await poller.SubscribeAsync(_base + "/x", false, 1, "tester")).Error!.ShouldContain("Poll every 5 to 1440 minutes");
    }

    [Fact]
    public async Task An_article_by_url_is_fetched_and_reduced_to_its_text_headline_outlet_and_date()
    {
        _pages["/story"] = ("text/html", """
            <!doctype html><html><head><title>Coastal committee meets | Invented Wire</title>
            <meta property="og:site_name" content="Invented Wire"><meta property="article:published_time" content="2022-03-04T09:00:00Z"></head>
            <body><nav>Home | World</nav><article><h1>Coastal committee meets</h1>
            <p>Beijing, March 4 -- The Invented Standing Committee on Coastal Affairs held its session on Friday, chaired by Wen Lanxi.</p>
            <p>The meeting reviewed a draft plan on harbour dredging and called for faster work on the sea walls of the eastern provinces.</p>
            <p>Participants agreed that the plan would be submitted to the full committee for deliberation at its next session in April.</p>
            <p>Officials from the provincial water bureaus reported on the progress of the dredging works along the northern channel, where silt had closed two berths.</p>
            <p>The committee asked the bureaus to publish a timetable for the remaining works before the end of the month and to report again at the next session.</p>
            </article></body></html>
            """);
        _pages["/file.pdf"] = ("application/pdf", "%PDF-1.4 not really");
        using var fetcher = Fetcher();
        var articles = new ArticleFetcher(fetcher);

        var article = await articles.FetchAsync(_base + "/story");

        article.Error.ShouldBeNull();
        var input = article.Input!;
        input.Text.ShouldContain("chaired by Wen Lanxi");
        input.Text.ShouldNotContain("Home | World");
        input.Headline!.ShouldStartWith("Coastal committee meets");
        input.Outlet.ShouldBe("Invented Wire");
        input.Published.ShouldBe(new DateOnly(2022, 3, 4));
        input.SourceUrl.ShouldBe(_base + "/story");
        (await articles.FetchAsync(_base + "/file.pdf")).Error!.ShouldContain("is a application/pdf document, not a web page or text");
        (await articles.FetchAsync("ftp://example.org/x")).Error!.ShouldContain("http:// or https://");
        using var refusing = Fetcher(allowPrivate: false);
        (await new ArticleFetcher(refusing).FetchAsync(_base + "/story")).Error!.ShouldContain("loopback, private or link-local");
    }
}
