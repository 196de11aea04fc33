using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.BrowserTests.Import;

// A feed served by a real Kestrel on loopback (the test app allows loopback: Fetching:AllowPrivateNetworks).
[Collection(AppCollection.Name)]
public sealed class FeedsPageTests(AppFixture app) : IAsyncLifetime
{
    private WebApplication _server = null!;
    private string _base = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _server = builder.Build();
        _server.MapGet("/rss", () => Results.Text(Rss(), "application/rss+xml", Encoding.UTF8));
        _server.MapGet("/a/{n:int}", (int n) => Results.Text(Article(n), "text/html", Encoding.UTF8));
        await _server.StartAsync();
        _base = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string Rss() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Invented Wire: Lighthouses</title><link>{_base}/</link><description>Test feed</description>
        {string.Concat(new[] { 71, 72 }.Select(n => $"<item><title>Lighthouse board {n}</title><link>{_base}/a/{n}</link><guid>{_base}/a/{n}</guid><pubDate>Tue, 0{n % 9 + 1} Mar 2022 08:00:00 GMT</pubDate></item>"))}
        </channel></rss>
        """;

    private static string Article(int n) => $"""
        <!doctype html><html><head><title>Lighthouse board {n} meets</title><meta property="og:site_name" content="Invented Wire"></head>
        <body><nav>Home | World</nav><article><h1>Lighthouse board {n} meets</h1>
        <p>Beijing, March {n % 28 + 1} -- The Invented Board of Lighthouses number {n} held its session on Tuesday, chaired by Orsik Venhoek.</p>
        <p>The meeting reviewed a plan on lamp maintenance for the northern coast and called for faster repairs of the foghorns, item {n}.</p>
        <p>Participants agreed that the plan would be submitted to the full board for deliberation at its next session in April.</p>
        <p>Officials from the harbour offices reported on the progress of the works along the northern channel, where two towers had been closed.</p>
        <p>The board asked the offices to publish a timetable for the remaining works before the end of the month and to report again.</p>
        </article><footer>Copyright Invented Wire</footer></body></html>
        """;

    [Fact]
    public async Task An_editor_subscribes_a_feed_on_loopback_and_sees_its_items_arrive_then_polls_again_and_unsubscribes()
    {
        var page = await app.OpenAsync("/import", Roles.Editor);
        var feeds = page.GetByTestId("feeds");
        await page.GetByTestId("feed-url").FillAsync(_base + "/rss");
        await page.GetByTestId("feed-minutes").FillAsync("15");
        await page.GetByTestId("subscribe").ClickAsync();

        var feed = feeds.GetByTestId("feed").Filter(new() { HasText = "Invented Wire: Lighthouses" });
        await Assertions.Expect(feed).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(feed.GetByTestId("feed-result")).ToContainTextAsync("2 new");
        await Assertions.Expect(feed).ToContainTextAsync("15 min");

        // The poll queued the two articles as a job; the app's workers fetch and store them.
        var job = page.GetByTestId("import-job").Filter(new() { HasText = "Feed" });
        await Assertions.Expect(job.GetByTestId("job-progress")).ToHaveTextAsync("2 of 2", new() { Timeout = 60_000 });
        await Assertions.Expect(job.GetByTestId("job-status")).ToHaveTextAsync("Completed", new() { Timeout = 10_000 });
        // Named by the feed's title, not by the end of its address ("rss").
        await Assertions.Expect(job).ToContainTextAsync("Invented Wire: Lighthouses", new() { Timeout = 10_000 });
        await AppFixture.ScreenshotAsync(page, "import-feeds");

        // Nothing new on the second poll: nothing queued twice.
        await feed.GetByTestId("poll-now").ClickAsync();
        await Assertions.Expect(feed.GetByTestId("feed-result")).ToContainTextAsync("0 new", new() { Timeout = 30_000 });
        await Assertions.Expect(job).ToHaveCountAsync(1);

        await feed.GetByTestId("unsubscribe").ClickAsync();
        await Assertions.Expect(feeds.GetByTestId("feed")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        await page.GotoAsync("/reports");
        await Assertions.Expect(page.GetByText("Lighthouse board 71 meets").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
        (await app.ProblemsAsync(page)).ShouldBeEmpty();
    }
}
