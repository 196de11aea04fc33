using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data.Accounts;
using PolicyTracker.IntegrationTests.Security;
using PolicyTracker.TestSupport;
using Xunit.Abstractions;

namespace PolicyTracker.IntegrationTests.Hosting;

/// <summary>Every hostile value of tests/data/hostile-inputs.json, in every query parameter of every page
/// (found from [SupplyParameterFromQuery]) and every GET API endpoint (found from its handler's parameters):
/// the answer is 2xx or 4xx, never 5xx, and an API's 400 carries a ProblemDetails message. Every field of every
/// server-rendered form (sign-in, passwords) gets them too; the forms of the interactive pages are walked in a
/// browser (BrowserTests Layout/EveryFormTests). New pages and endpoints are covered without touching this test.</summary>
[Collection(SecurityGroup.Name)]
public sealed class BadInputCatalogueTests(SecurityFixture app, ITestOutputHelper output)
{
    private static readonly Guid Missing = Guid.Parse("00000000-0000-4000-8000-000000000001");

    public static IReadOnlyList<(string Name, string Query)> HostileValues() => HostileInputs.Encoded();

    /// <summary>Routable pages and the query parameters they read; route parameters get an id that matches nothing.</summary>
    public static IReadOnlyList<(string Path, string[] Parameters)> Pages() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<Microsoft.AspNetCore.Components.RouteAttribute>().Select(r => (Type: t, Template: r.Template)))
            .Select(p => (Path: FillRoute(p.Template), Parameters: p.Type
                .GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Select(prop => prop.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is { } q ? q.Name ?? prop.Name : null)
                .OfType<string>().ToArray()))
            .Where(p => p.Parameters.Length > 0)
            .OrderBy(p => p.Path, StringComparer.Ordinal)
            .ToList();

    private static string FillRoute(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, "\\{[^}]+\\}", Missing.ToString());

    private List<(string Path, string[] Parameters)> ApiEndpoints() =>
        app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api", StringComparison.Ordinal)
                        && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => (Path: FillRoute(e.RoutePattern.RawText!), Parameters: QueryParameters(e).ToArray()))
            .Where(e => e.Parameters.Length > 0)
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ToList();

    // What minimal APIs bind from the query string: [FromQuery] parameters, any other simple-typed one that
    // is not a route value or a service, and the members of an [AsParameters] record (the record exports).
    private static IEnumerable<string> QueryParameters(RouteEndpoint endpoint)
    {
        var route = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [])
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                var members = parameter.ParameterType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters();
                foreach (var member in members.Where(m => IsSimple(m.ParameterType) && m.GetCustomAttribute<FromServicesAttribute>() is null))
                {
                    yield return member.GetCustomAttribute<FromQueryAttribute>()?.Name ?? member.Name!;
                }
            }
            else if (parameter.GetCustomAttribute<FromQueryAttribute>() is { } query)
            {
                yield return query.Name ?? parameter.Name!;
            }
            else if (IsSimple(parameter.ParameterType) && !route.Contains(parameter.Name!)
                     && parameter.GetCustomAttributes().All(a => a is not FromServicesAttribute and not FromRouteAttribute))
            {
                yield return parameter.Name!;
            }
        }
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t.IsPrimitive || t.IsEnum || t == typeof(decimal) || t == typeof(Guid)
            || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeSpan);
    }

    // Route templates with their {parameters} in place of which every hostile value is put, pages and API alike.
    private List<string> RouteTemplates() =>
        [.. app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count > 0 && e.RoutePattern.RawText is { } raw && !raw.Contains("**", StringComparison.Ordinal)
                        && (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? true))
            .Select(e => e.RoutePattern.RawText!)
            .Concat(Pages().Select(p => p.Path).Where(p => p.Contains(Missing.ToString(), StringComparison.Ordinal)).Select(p => p.Replace(Missing.ToString(), "{id}", StringComparison.Ordinal)))
            .Where(t => t.StartsWith('/'))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void The_catalogue_finds_the_list_pages_and_exports()
    {
        var pages = Pages().Select(p => p.Path).ToList();
        pages.ShouldContain("/people");
        pages.ShouldContain("/meetings");
        pages.ShouldContain("/summary");
        var api = ApiEndpoints().Select(e => e.Path).ToList();
        api.ShouldContain("/api/export/people.csv");
        api.ShouldContain("/api/admin/audit.csv");
        // Pages and endpoints added since the catalogue was written are found too.
        pages.ShouldContain("/summary/quality");
        pages.ShouldContain("/brief");
        pages.ShouldContain("/import");
        api.ShouldContain("/api/meetings/");
        api.ShouldContain("/api/search");
        api.ShouldContain("/api/export/weekly-brief.md");
        // [AsParameters] records: every filter of the record exports.
        ApiEndpoints().Single(e => e.Path == "/api/export/popolo.json").Parameters.ShouldBe(["Q", "Body", "Person", "Role", "Document", "hasDocuments", "From", "To"]);
        RouteTemplates().ShouldContain("/api/meetings/{id:guid}");
        RouteTemplates().ShouldContain("/reports/{id}");
        HostileValues().Count.ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task Every_route_value_answers_every_hostile_value_without_a_server_error()
    {
        var failures = new List<string>();
        foreach (var template in RouteTemplates())
        {
            var client = await FreshClientAsync();
            // Not NUL: the in-memory client refuses such a path itself ("The path contains null characters"),
            // and Kestrel answers it 400 before the app sees it.
            foreach (var (name, query) in HostileValues().Where(v => v.Query.Length > 0 && !v.Query.Contains("%00", StringComparison.Ordinal)))
            {
                // A slash would only change the route; in a path segment the value travels with / escaped.
                var url = System.Text.RegularExpressions.Regex.Replace(template, "\\{[^}]+\\}", query.Replace("/", "%2F", StringComparison.Ordinal));
                var response = await client.GetAsync(url);
                if ((int)response.StatusCode is >= 500 or 429)
                {
                    failures.Add($"{(int)response.StatusCode} {template} with {name}: {Shorten(url)}");
                }
            }
        }

        output.WriteLine(string.Join("\n", failures));
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_page_filter_answers_every_hostile_value_without_a_server_error()
    {
        // An administrator with every role sees every page.
        var email = $"catalogue-{Guid.NewGuid():N}@test.example";
        await app.CreateUserAsync(email, [.. Roles.All]);
        var client = await app.SignInAsync(email);
        var failures = new List<string>();
        foreach (var (path, parameters) in Pages())
        {
            foreach (var (name, query) in HostileValues())
            {
                var url = path + "?" + string.Join("&", parameters.Select(p => $"{p}={query}"));
                var response = await client.GetAsync(url);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{(int)response.StatusCode} {path} with {name}: {Shorten(url)}");
                }
                else if ((await response.Content.ReadAsStringAsync()).Contains("data-testid=\"page-error\"", StringComparison.Ordinal))
                {
                    // A 200 that shows "Something went wrong" is the same failure seen by the person.
                    failures.Add($"page error {path} with {name}: {Shorten(url)}");
                }
            }
        }

        output.WriteLine(string.Join("\n", failures));
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_api_parameter_answers_every_hostile_value_with_2xx_or_a_400_problem()
    {
        var failures = new List<string>();
        foreach (var (path, parameters) in ApiEndpoints())
        {
            var client = await FreshClientAsync();
            foreach (var (name, query) in HostileValues())
            {
                var url = path + "?" + string.Join("&", parameters.Select(p => $"{p}={query}"));
                var response = await client.GetAsync(url);
                var status = (int)response.StatusCode;
                if (status is >= 500 or 429)
                {
                    failures.Add($"{status} {path} with {name}: {Shorten(url)}");
                }
                else if (status == 400)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || !body.Contains("\"detail\"", StringComparison.Ordinal))
                    {
                        failures.Add($"400 without a ProblemDetails message: {path} with {name}");
                    }
                }
            }
        }

        output.WriteLine(string.Join("\n", failures));
        failures.ShouldBeEmpty();
    }

    /// <summary>Every routable page, route values filled with an id that matches nothing.</summary>
    public static IReadOnlyList<string> AllPages() =>
        [.. typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<Microsoft.AspNetCore.Components.RouteAttribute>())
            .Select(r => FillRoute(r.Template))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    private sealed record PostForm(string Page, string Action, IReadOnlyList<(string Name, string Value)> Kept, IReadOnlyList<string> Fields);

    // The server-rendered forms a page holds (sign-in, set-password, change-password, ...): where they post,
    // the fields a person fills, and what travels with them unchanged (antiforgery token, Blazor's form name).
    // Forms of the layout with nothing to fill (sign-out) are left out.
    private static IEnumerable<PostForm> PostForms(string page, string html)
    {
        using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        foreach (var form in document.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
        {
            var kept = new List<(string, string)>();
            var fields = new List<string>();
            foreach (var input in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
            {
                var name = input.GetAttribute("name")!;
                var type = input.GetAttribute("type")?.ToLowerInvariant();
                if (name is "__RequestVerificationToken" or "_handler" || type is "submit" or "button")
                {
                    kept.Add((name, input.GetAttribute("value") ?? ""));
                }
                else
                {
                    fields.Add(name);
                }
            }

            if (fields.Count > 0)
            {
                var action = form.GetAttribute("action") is { Length: > 0 } a ? a : page;
                yield return new PostForm(page, action, kept, fields);
            }
        }
    }

    [Fact]
    public async Task Every_server_rendered_form_answers_every_hostile_value_in_every_field_without_a_server_error()
    {
        var failures = new List<string>();
        var forms = new List<PostForm>();
        var refused = new List<string>();
        var answered = 0;
        foreach (var page in AllPages())
        {
            // A fresh administrator for each page: wrong current passwords and sign-ins count per account.
            var client = await FreshClientAsync();
            var get = await client.GetAsync(page);
            if (!get.IsSuccessStatusCode)
            {
                // The sign-in page sends a signed-in person on; a stranger sees its form.
                client = app.NewClient();
                get = await client.GetAsync(page);
                if (!get.IsSuccessStatusCode)
                {
                    continue;
                }
            }

            foreach (var form in PostForms(page, await get.Content.ReadAsStringAsync()))
            {
                forms.Add(form);
                foreach (var (name, query) in HostileValues())
                {
                    // Written as it travels: the values are already percent-encoded, malformed UTF-8 included.
                    var body = string.Join("&", form.Kept.Select(k => $"{Uri.EscapeDataString(k.Name)}={Uri.EscapeDataString(k.Value)}")
                        .Concat(form.Fields.Select(f => $"{Uri.EscapeDataString(f)}={query}")));
                    using var content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
                    var response = await client.PostAsync(form.Action, content);
                    var status = (int)response.StatusCode;
                    var html = await response.Content.ReadAsStringAsync();
                    // A NUL in a posted field makes ASP.NET's antiforgery check refuse the form (400, "a valid
                    // antiforgery token was not provided"): a refusal, if a misleading one; no browser field sends NUL.
                    var nul = query.Contains("%00", StringComparison.Ordinal);
                    if (status >= 500 || (!nul && html.Contains("antiforgery token", StringComparison.OrdinalIgnoreCase)))
                    {
                        // A refused antiforgery token would mean the value was never tried.
                        failures.Add($"{status} {form.Action} ({page}) with {name}");
                    }
                    else if (status >= 400)
                    {
                        refused.Add($"{status} {form.Action} with {name}: {Shorten(html.ReplaceLineEndings(" "))}");
                    }
                    else if (html.Contains("data-testid=\"page-error\"", StringComparison.Ordinal))
                    {
                        failures.Add($"page error {form.Action} ({page}) with {name}");
                    }
                    else if (status is >= 200 and < 400)
                    {
                        answered++;
                    }
                }
            }
        }

        output.WriteLine($"{forms.Count} forms: " + string.Join(", ", forms.Select(f => $"{f.Action} [{string.Join(" ", f.Fields)}]")));
        output.WriteLine("Refused (4xx): " + string.Join("\n", refused));
        output.WriteLine(string.Join("\n", failures));
        forms.Select(f => f.Action).ShouldContain("/account/login");
        forms.Select(f => f.Action).ShouldContain(a => a.StartsWith("/account/set-password", StringComparison.Ordinal));
        forms.Select(f => f.Action).ShouldContain("/account/password");
        answered.ShouldBeGreaterThan(0);
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_nul_in_an_export_filter_is_a_400_that_says_why()
    {
        var client = await app.SignInAsync(SecurityFixture.EmailOf(Roles.Admin));

        var response = await client.GetAsync("/api/export/people.csv?q=x%00y");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("control characters");
    }

    [Fact]
    public async Task A_nul_in_a_page_filter_shows_the_page_with_a_note()
    {
        var client = await app.SignInAsync(SecurityFixture.EmailOf(Roles.Admin));

        var response = await client.GetAsync("/people?q=x%00y");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("control characters");
    }

    [Fact]
    public async Task The_widest_summary_range_is_cut_to_twenty_years()
    {
        var client = await app.SignInAsync(SecurityFixture.EmailOf(Roles.Admin));

        var page = await client.GetAsync("/summary?from=0001-01-01&to=9999-12-31");
        var export = await client.GetAsync("/api/export/summary-months.csv?from=1900-01-01");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Length.ShouldBeLessThan(2_000_000);
        export.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await export.Content.ReadAsStringAsync()).ShouldContain("at most 20 years");
    }

    // A new administrator (every role) for each endpoint: the API limit counts per user, and a 429 would
    // hide what the endpoint does with the values after it.
    private async Task<HttpClient> FreshClientAsync()
    {
        var email = $"catalogue-{Guid.NewGuid():N}@test.example";
        await app.CreateUserAsync(email, [.. Roles.All]);
        return await app.SignInAsync(email);
    }

    private static string Shorten(string url) => url.Length > 160 ? url[..160] + "…" : url;
}
