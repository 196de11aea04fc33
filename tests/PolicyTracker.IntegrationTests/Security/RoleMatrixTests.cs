using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.IntegrationTests.Security;

/// <summary>Discovers every page (components with a route) and every API endpoint from the app itself and
/// checks that anonymous and each role get exactly what the role table says. A new page needs no change
/// here unless it is more restricted than browsing: then it needs a rule below, or this test fails.</summary>
[Collection(SecurityGroup.Name)]
public sealed partial class RoleMatrixTests(SecurityFixture app)
{
    private static readonly string[] Everyone = [.. Roles.All];
    private static readonly string[] Editors = [Roles.Editor, Roles.Admin];
    private static readonly string[] Managers = [Roles.Manager, Roles.Admin];
    private static readonly string[] Admins = [Roles.Admin];

    // The issue's table as path rules; the first match wins; null means open to anonymous.
    private static readonly (Regex Path, string[]? Roles)[] PageRules =
    [
        (new("^/account/(login|access-denied|set-password)$"), null),
        (new("^/error$", RegexOptions.IgnoreCase), null),
        (new("^/account/"), Everyone),
        (new("^/admin(/|$)"), Admins),
        (new("^/summary(/|$)|^/brief$"), Managers),
        // Analysts and managers list published reports (issue 12); entering and reviewing stay with editors.
        (new("^/reports/new$|^/reports/[^/]+/(review|edit|publish)$|^/import(/|$)"), Editors),
    ];

    // Mutating: null for any method, true for POST/PUT/PATCH/DELETE (enter, review, publish, restore), false for reads.
    private static readonly (Regex Path, bool? Mutating, string[]? Roles)[] ApiRules =
    [
        (new("^/health/"), null, null),
        (new("^/api/admin(/|$)"), null, Admins),
        (new("^/api/export/(summary|weekly-brief)"), null, Managers),
        (new("^/api/export/"), null, Everyone),
        (new("^/api/"), true, Editors),
        (new("^/api/"), false, Everyone),
    ];

    [Fact]
    public async Task Every_page_gives_each_role_and_anonymous_exactly_what_the_role_table_says()
    {
        var pages = DiscoverPages();
        pages.ShouldContain("/admin/users");
        pages.ShouldContain("/admin/audit");
        pages.ShouldContain("/account/tokens");

        var clients = await SignedInClientsAsync();
        var failures = new List<string>();
        foreach (var template in pages)
        {
            var path = Fill(template);
            var allowed = PageRules.FirstOrDefault(r => r.Path.IsMatch(template.TrimEnd('/') is "" ? "/" : template)) is { Path: not null } rule
                ? rule.Roles
                : Everyone;
            foreach (var (who, client) in clients)
            {
                var expected = Expect(allowed, who);
                var actual = Outcome(await client.GetAsync(path));
                if (actual != expected)
                {
                    failures.Add($"{who,-9} GET {path}: expected {expected}, got {actual}");
                }
            }
        }
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Every_api_endpoint_gives_each_role_and_anonymous_exactly_what_the_role_table_says()
    {
        var endpoints = DiscoverApi();
        endpoints.ShouldContain(("GET", "/api/me"));
        endpoints.ShouldContain(("GET", "/health/live"));

        var clients = new List<(string Who, HttpClient Client)> { ("anonymous", app.NewClient()) };
        foreach (var role in Roles.All)
        {
            // Scripts use API tokens; the same policies apply as to the role's browser session.
            var client = app.NewClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.CreateTokenAsync(SecurityFixture.EmailOf(role)));
            clients.Add((role, client));
        }

        var failures = new List<string>();
        foreach (var (method, template) in endpoints)
        {
            var path = Fill(template);
            var mutating = method is not ("GET" or "HEAD");
            var rule = ApiRules.First(r => r.Path.IsMatch(template) && (r.Mutating is null || r.Mutating == mutating));
            foreach (var (who, client) in clients)
            {
                var expected = Expect(rule.Roles, who);
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (mutating)
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }
                var actual = Outcome(await client.SendAsync(request));
                if (actual != expected)
                {
                    failures.Add($"{who,-9} {method} {path}: expected {expected}, got {actual}");
                }
            }
        }
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Nothing_but_sign_in_pages_health_and_static_assets_allows_anonymous_access()
    {
        var sources = app.Factory.Services.GetRequiredService<EndpointDataSource>();
        var open = sources.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => !IsStaticAsset(p))
            .Distinct()
            .Order()
            .ToList();
        open.ShouldBe(["/account/access-denied", "/account/login", "/account/set-password", "/Error", "/health/live", "/health/ready"], ignoreOrder: true);
    }

    [Fact]
    public async Task Static_assets_and_health_answer_anonymously_and_the_blazor_hub_does_not()
    {
        var client = app.NewClient();
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/app.css")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/_framework/blazor.web.js")).StatusCode.ShouldBe(HttpStatusCode.OK);
        Outcome(await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null)).ShouldBe("sign-in");
        Outcome(await client.GetAsync("/no/such/page")).ShouldBe("sign-in");
    }

    private static List<string> DiscoverPages() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .Distinct()
            .Order()
            .ToList();

    private List<(string Method, string Pattern)> DiscoverApi()
    {
        var sources = app.Factory.Services.GetRequiredService<EndpointDataSource>();
        return sources.Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]))
            .Where(e => e.Pattern.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || e.Pattern.StartsWith("/health/", StringComparison.Ordinal))
            .SelectMany(e => e.Methods.Select(m => (m, e.Pattern)))
            .Distinct()
            .ToList();
    }

    private async Task<List<(string Who, HttpClient Client)>> SignedInClientsAsync()
    {
        var clients = new List<(string, HttpClient)> { ("anonymous", app.NewClient()) };
        foreach (var role in Roles.All)
        {
            clients.Add((role, await app.SignInAsync(SecurityFixture.EmailOf(role))));
        }
        return clients;
    }

    private static string Expect(string[]? allowed, string who) =>
        allowed is null ? "allowed"
        : who == "anonymous" ? "sign-in"
        : allowed.Contains(who) ? "allowed"
        : "denied";

    internal static string Outcome(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => "sign-in",
            HttpStatusCode.Forbidden => "denied",
            HttpStatusCode.Found or HttpStatusCode.Redirect when location.Contains("/account/login", StringComparison.Ordinal) => "sign-in",
            HttpStatusCode.Found when location.Contains("/account/access-denied", StringComparison.Ordinal) => "denied",
            >= HttpStatusCode.InternalServerError => $"error {(int)response.StatusCode}",
            _ => "allowed",
        };
    }

    private static bool IsStaticAsset(string pattern) =>
        pattern.StartsWith("/_", StringComparison.Ordinal) || Path.HasExtension(pattern.Split('/').Last()) && !pattern.Contains('{', StringComparison.Ordinal);

    /// <summary>A concrete path for a route template: guids for {x:guid}, 1 for numbers, "x" otherwise.</summary>
    internal static string Fill(string template)
    {
        var path = Parameter().Replace(template, m =>
        {
            var constraint = m.Groups["constraint"].Value.ToLowerInvariant();
            if (m.Groups["optional"].Success)
            {
                return "";
            }
            return constraint switch
            {
                var c when c.Contains("guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
                var c when c.Contains("int", StringComparison.Ordinal) || c.Contains("long", StringComparison.Ordinal) => "1",
                var c when c.Contains("bool", StringComparison.Ordinal) => "true",
                var c when c.Contains("datetime", StringComparison.Ordinal) => "2024-01-01",
                _ => "x",
            };
        });
        path = "/" + string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries));
        return path;
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>\w+)(?<constraint>(:[^}?=]+)*)(=[^}]*)?(?<optional>\?)?\}")]
    private static partial Regex Parameter();
}
