using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.IntegrationTests.Security;

[Collection(SecurityGroup.Name)]
public sealed class HardeningTests(SecurityFixture app)
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/api/me")]
    [InlineData("/")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await app.NewClient().GetAsync(path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("object-src 'none'");
        csp.ShouldNotContain("unsafe-eval");
        csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)).ShouldNotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("same-origin");
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site()
    {
        var client = app.NewClient();
        var response = await SecurityFixture.PostSignInAsync(client, SecurityFixture.EmailOf(Roles.Analyst), SecurityFixture.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("PolicyTracker.Auth=", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=lax");
    }

    [Theory]
    [InlineData("' OR 1=1 --")]
    [InlineData("'; DROP TABLE accounts.users; --")]
    [InlineData("%_\\")]
    [InlineData("\" UNION SELECT password_hash FROM accounts.users --")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Search_and_filter_text_with_sql_syntax_answers_normally_never_with_an_error(string text)
    {
        var admin = await app.SignInAsync(SecurityFixture.EmailOf(Roles.Admin));
        var token = await app.CreateTokenAsync(SecurityFixture.EmailOf(Roles.Admin));
        var api = app.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var q = Uri.EscapeDataString(text);

        // Pages and endpoints that take free text; those not built yet answer 404, which is fine here.
        foreach (var path in new[] { $"/search?q={q}", $"/meetings?q={q}", $"/people?q={q}", $"/documents?q={q}", $"/admin/audit?user={q}&entity={q}&action={q}&from={q}" })
        {
            var response = await admin.GetAsync(path);
            ((int)response.StatusCode).ShouldBeLessThan(500, path);
        }
        foreach (var path in new[] { $"/api/search?q={q}", $"/api/admin/audit.csv?user={q}", $"/api/export/meetings.csv?q={q}" })
        {
            var response = await api.GetAsync(path);
            ((int)response.StatusCode).ShouldBeLessThan(500, path);
        }
        (await api.GetAsync($"/api/admin/audit.csv?user={q}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

/// <summary>Its own app with tight limits, so that hitting them does not disturb the other tests.</summary>
public sealed class RateLimitedFixture : SecurityFixture
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Security:SignInAttemptsPerMinute", "3");
        builder.UseSetting("Security:ApiRequestsPerMinute", "5");
    }
}

public sealed class RateLimitTests(RateLimitedFixture app) : IClassFixture<RateLimitedFixture>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429()
    {
        var client = app.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await SecurityFixture.PostSignInAsync(client, "nobody@test.example", "wrong-password-123")).StatusCode);
        }

        statuses.Take(3).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses[3].ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Api_calls_beyond_the_limit_get_429_with_retry_after()
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.CreateTokenAsync(SecurityFixture.EmailOf(Roles.Analyst)));
        HttpResponseMessage last = null!;
        for (var i = 0; i < 6; i++)
        {
            last = await client.GetAsync("/api/me");
        }

        last.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        last.Headers.RetryAfter.ShouldNotBeNull();
    }
}
