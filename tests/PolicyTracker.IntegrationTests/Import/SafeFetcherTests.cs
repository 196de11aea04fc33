using System.Net;
using System.Net.Sockets;
using System.Text;
using PolicyTracker.Data.Import.Fetching;

namespace PolicyTracker.IntegrationTests.Import;

// The server-side fetcher against a real HTTP server on loopback (HttpListener on 127.0.0.1).
public sealed class SafeFetcherTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly string _base;

    public SafeFetcherTests()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _base = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(_base);
        _listener.Start();
        _ = ServeAsync();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                var response = context.Response;
                try
                {
                    switch (context.Request.Url!.AbsolutePath)
                    {
                        case "/article":
                            await WriteAsync(response, "text/html; charset=utf-8", "<html><body><p>Hello</p></body></html>");
                            break;
                        case "/to-article":
                            response.StatusCode = 302;
                            response.RedirectLocation = "/article";
                            response.Close();
                            break;
                        case "/to-other-loopback":
                            response.StatusCode = 302;
                            response.RedirectLocation = _base.Replace("127.0.0.1", "127.0.0.2", StringComparison.Ordinal) + "article";
                            response.Close();
                            break;
                        case "/loop":
                            response.StatusCode = 302;
                            response.RedirectLocation = "/loop";
                            response.Close();
                            break;
                        case "/big":
                            // 3 MB without a Content-Length: the cap must hold on the stream itself.
                            response.SendChunked = true;
                            response.ContentType = "text/plain";
                            var block = new byte[64 * 1024];
                            for (var i = 0; i < 48; i++)
                            {
                                await response.OutputStream.WriteAsync(block);
                            }

                            response.Close();
                            break;
                        case "/slow":
                            await Task.Delay(TimeSpan.FromSeconds(5), _stop.Token);
                            await WriteAsync(response, "text/plain", "late");
                            break;
                        default:
                            response.StatusCode = 404;
                            response.Close();
                            break;
                    }
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
                {
                }
            });
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, string type, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentType = type;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private static readonly FetchOptions Allowed = new() { AllowPrivateNetworks = true, Timeout = TimeSpan.FromSeconds(10) };

    private Uri At(string path) => new(_base + path.TrimStart('/'));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.9.9.9")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("2002:a00:1::")]
    public void Internal_addresses_are_not_public(string address) =>
        SafeFetcher.IsPublic(IPAddress.Parse(address)).ShouldBeFalse();

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("193.0.6.139")]
    [InlineData("2a00:1450:4001:80b::200e")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_addresses_are_public(string address) =>
        SafeFetcher.IsPublic(IPAddress.Parse(address)).ShouldBeTrue();

    [Fact]
    public async Task Loopback_is_refused_by_default_by_address_and_by_name_after_resolution()
    {
        using var fetcher = new SafeFetcher();

        var byAddress = await fetcher.FetchAsync(At("article"));
        var byName = await fetcher.FetchAsync(new Uri(_base.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "article"));

        byAddress.Succeeded.ShouldBeFalse();
        byAddress.Error!.ShouldContain("loopback, private or link-local");
        byName.Succeeded.ShouldBeFalse();
        byName.Error!.ShouldContain("localhost resolves to");
    }

    [Fact]
    public async Task With_the_setting_a_loopback_page_is_fetched_and_redirects_are_followed()
    {
        using var fetcher = new SafeFetcher(Allowed);

        var result = await fetcher.FetchAsync(At("to-article"));

        result.Error.ShouldBeNull();
        result.FinalUrl.AbsolutePath.ShouldBe("/article");
        result.MediaType.ShouldBe("text/html");
        Encoding.UTF8.GetString(result.Body!).ShouldContain("<p>Hello</p>");
    }

    [Fact]
    public async Task A_redirect_to_a_refused_address_is_refused()
    {
        // Only 127.0.0.1 is allowed here: the first hop goes through, the redirect to 127.0.0.2 must not.
        using var fetcher = new SafeFetcher(Allowed with { AddressAllowed = a => a.Equals(IPAddress.Loopback) });

        var result = await fetcher.FetchAsync(At("to-other-loopback"));

        result.Succeeded.ShouldBeFalse();
        result.FinalUrl.Host.ShouldBe("127.0.0.2");
        result.Error!.ShouldContain("127.0.0.2");
    }

    [Fact]
    public async Task Size_cap_timeout_redirect_loop_and_http_errors_are_failures_with_a_reason()
    {
        using var capped = new SafeFetcher(Allowed with { MaxBytes = 1024 * 1024 });
        using var impatient = new SafeFetcher(Allowed with { Timeout = TimeSpan.FromMilliseconds(500) });
        using var fetcher = new SafeFetcher(Allowed);

        (await capped.FetchAsync(At("big"))).Error!.ShouldContain("larger than the limit of 1 MB");
        (await impatient.FetchAsync(At("slow"))).Error!.ShouldContain("did not answer within");
        (await fetcher.FetchAsync(At("loop"))).Error!.ShouldContain("redirects more than 5 times");
        (await fetcher.FetchAsync(At("missing"))).Error!.ShouldContain("HTTP 404");
        (await fetcher.FetchAsync(new Uri("ftp://127.0.0.1/x"))).Error!.ShouldContain("not an http or https address");
    }

    [Fact]
    public async Task An_unreachable_server_is_a_failure_with_a_reason()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var fetcher = new SafeFetcher(Allowed);

        var result = await fetcher.FetchAsync(new Uri($"http://127.0.0.1:{closedPort}/feed.xml"));

        result.Succeeded.ShouldBeFalse();
        result.Error!.ShouldContain("could not be reached");
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }
}
