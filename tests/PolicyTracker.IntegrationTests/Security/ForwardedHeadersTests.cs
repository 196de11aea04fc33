using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace PolicyTracker.IntegrationTests.Security;

/// <summary>Behind a proxy (loopback here, always a known proxy) with forwarded headers on: the sign-in limit counts each forwarded client apart.</summary>
public sealed class ForwardedHeadersFixture : SecurityFixture
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Security:SignInAttemptsPerMinute", "3");
        builder.UseSetting("Security:ForwardedHeaders:Enabled", "true");
    }
}

public sealed class ForwardedHeadersTests(ForwardedHeadersFixture app) : IClassFixture<ForwardedHeadersFixture>
{
    private async Task<List<HttpStatusCode>> SignInAttemptsAsync(string forwardedFor, int attempts)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < attempts; i++)
        {
            statuses.Add((await SecurityFixture.PostSignInAsync(client, "nobody@test.example", "wrong-password-123")).StatusCode);
        }

        return statuses;
    }

    [Fact]
    public async Task With_forwarded_headers_on_one_client_at_its_limit_does_not_stop_another_behind_the_same_proxy()
    {
        var first = await SignInAttemptsAsync("203.0.113.7", 4);
        var second = await SignInAttemptsAsync("203.0.113.8", 3);

        first.Take(3).ShouldAllBe(s => s == HttpStatusCode.OK);
        first[3].ShouldBe(HttpStatusCode.TooManyRequests);
        second.ShouldAllBe(s => s == HttpStatusCode.OK);
    }
}

public sealed class UntrustedForwardedHeadersTests(RateLimitedFixture app) : IClassFixture<RateLimitedFixture>
{
    [Fact]
    public async Task With_forwarded_headers_off_a_client_cannot_dodge_the_limit_by_inventing_addresses()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var client = app.NewClient();
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
            statuses.Add((await SecurityFixture.PostSignInAsync(client, "nobody@test.example", "wrong-password-123")).StatusCode);
        }

        statuses[3].ShouldBe(HttpStatusCode.TooManyRequests);
    }
}
