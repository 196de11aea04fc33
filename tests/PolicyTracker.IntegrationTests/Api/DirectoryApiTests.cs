using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.OpenApi;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Data.Entities;
using PolicyTracker.IntegrationTests.Security;
using PolicyTracker.IntegrationTests.Support;

namespace PolicyTracker.IntegrationTests.Api;

/// <summary>/api/people, /api/bodies, /api/documents and /api/search through the whole app on the real PostgreSQL.</summary>
[Collection(SecurityGroup.Name)]
public sealed class DirectoryApiTests(SecurityFixture app)
{
    private sealed record World(MeetingSeed Seed, Guid Parent, Guid Body, Guid Chair, Guid Member, Guid Document, Guid First, Guid Second);

    /// <summary>A council with a child board; the board met twice (2023 and 2024), chaired by one person, the second
    /// adopting a plan the first reviewed.</summary>
    private async Task<World> SeedAsync()
    {
        var seed = new MeetingSeed(app.ConnectionString);
        var parent = await seed.BodyAsync($"River Council {seed.Tag}");
        var body = await seed.BodyAsync($"Water Board {seed.Tag}", parent);
        var chair = await seed.PersonAsync($"Ada Chair {seed.Tag}", $"A. Chair {seed.Tag}");
        var member = await seed.PersonAsync($"Ben Member {seed.Tag}");
        var document = await seed.DocumentAsync($"Plan on clean water {seed.Tag}");
        var first = await seed.MeetingAsync(body, new DateOnly(2023, 5, 2),
            [new(chair, ParticipationRole.Chair), new(member, ParticipationRole.Attendee, "Minister")], ["cleaner rivers"], [(document, DocumentActionKind.Reviewed)]);
        var second = await seed.MeetingAsync(body, new DateOnly(2024, 3, 4),
            [new(chair, ParticipationRole.Chair)], ["flood defences"], [(document, DocumentActionKind.Adopted)]);
        return new World(seed, parent, body, chair, member, document, first, second);
    }

    public static TheoryData<string, string> EndpointsAndRoles()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in new[] { "people", "people/{person}", "bodies", "bodies/{body}", "documents", "documents/{document}", "search?q=water" })
        {
            foreach (var role in Roles.All)
            {
                data.Add(path, role);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EndpointsAndRoles))]
    public async Task Every_role_reads_every_endpoint_with_its_token_and_anonymous_calls_get_401(string template, string role)
    {
        var world = await SeedAsync();
        var path = "/api/" + template.Replace("{person}", world.Chair.ToString()).Replace("{body}", world.Body.ToString())
            .Replace("{document}", world.Document.ToString());

        (await app.NewClient().GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var response = await (await BearerAsync(SecurityFixture.EmailOf(role))).GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{role} {path}");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Headers.GetValues("RateLimit-Policy").Single().ShouldStartWith("\"api\";q=");
    }

    [Fact]
    public async Task A_disabled_users_token_is_refused_on_every_endpoint()
    {
        var world = await SeedAsync();
        var email = $"api-off-{Guid.NewGuid():N}@test.example";
        var id = await app.CreateUserAsync(email, Roles.Analyst);
        var client = await BearerAsync(email);
        (await client.GetAsync("/api/people")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.InScopeAsync(s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<UserAccounts>(s).SetDisabledAsync(id, disabled: true));

        foreach (var path in new[] { "/api/people", $"/api/people/{world.Chair}", "/api/bodies", $"/api/bodies/{world.Body}", "/api/documents",
            $"/api/documents/{world.Document}", "/api/search?q=water" })
        {
            (await client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, path);
        }
    }

    [Theory]
    [InlineData("people?sort=meetings")]
    [InlineData("people?limit=0")]
    [InlineData("people?cursor=garbage!!")]
    [InlineData("bodies?limit=501")]
    [InlineData("bodies?sort=title")]
    [InlineData("documents?action=burned")]
    [InlineData("documents?sort=name")]
    [InlineData("search")]
    [InlineData("search?q=water&kind=animals")]
    [InlineData("search?q=water&year=20x4")]
    [InlineData("search?q=water&body=not-a-guid")]
    public async Task A_bad_filter_is_a_400_problem_json(string query)
    {
        var response = await (await BearerAsync(SecurityFixture.EmailOf(Roles.Analyst))).GetAsync("/api/" + query);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await JsonAsync(response, success: false);
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        problem.GetProperty("errors").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("-name")]
    public async Task People_and_bodies_page_by_name_with_cursors_that_only_fit_their_own_query(string sort)
    {
        var world = await SeedAsync();
        var extra = await world.Seed.PersonAsync($"Cy Third {world.Seed.Tag}");
        await world.Seed.MeetingAsync(world.Parent, new DateOnly(2024, 6, 1), [new(extra, ParticipationRole.Attendee), new(world.Member, ParticipationRole.Attendee)]);
        var client = await BearerAsync(SecurityFixture.EmailOf(Roles.Analyst));

        var names = new List<string>();
        var url = $"/api/people?q={world.Seed.Tag}&limit=2&sort={sort}";
        var pages = 0;
        while (url is not null && pages++ < 5)
        {
            var response = await client.GetAsync(url);
            var page = await JsonAsync(response);
            names.AddRange(page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()!));
            var next = page.GetProperty("next").GetString();
            if (next is not null)
            {
                response.Headers.GetValues("Link").Single().ShouldContain("rel=\"next\"");
            }
            url = next is null ? null : $"/api/people?q={world.Seed.Tag}&limit=2&sort={sort}&cursor={next}";
        }
        pages.ShouldBe(2);
        var tag = world.Seed.Tag;
        string[] expected = [$"Ada Chair {tag}", $"Ben Member {tag}", $"Cy Third {tag}"];
        names.ShouldBe(sort == "name" ? expected : [.. expected.Reverse()]);

        var cursor = (await JsonAsync(await client.GetAsync($"/api/people?q={tag}&limit=1&sort={sort}"))).GetProperty("next").GetString();
        (await client.GetAsync($"/api/people?q=other&limit=1&sort={sort}&cursor={cursor}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync($"/api/bodies?q={tag}&limit=1&sort={sort}&cursor={cursor}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var bodies = await JsonAsync(await client.GetAsync($"/api/bodies?q={tag}&sort={sort}"));
        bodies.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("name").GetString())
            .ShouldBe(sort == "name" ? [$"River Council {tag}", $"Water Board {tag}"] : [$"Water Board {tag}", $"River Council {tag}"]);
    }

    [Fact]
    public async Task A_person_has_aliases_bodies_and_latest_meetings_with_an_etag()
    {
        var world = await SeedAsync();
        var client = await BearerAsync(SecurityFixture.EmailOf(Roles.Analyst));
        var response = await client.GetAsync($"/api/people/{world.Chair}");
        var person = await JsonAsync(response);

        person.GetProperty("name").GetString().ShouldBe($"Ada Chair {world.Seed.Tag}");
        person.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()).ShouldBe([$"A. Chair {world.Seed.Tag}"]);
        person.GetProperty("meetings").GetInt32().ShouldBe(2);
        var body = person.GetProperty("bodies").EnumerateArray().ShouldHaveSingleItem();
        body.GetProperty("id").GetGuid().ShouldBe(world.Body);
        body.GetProperty("meetings").GetInt32().ShouldBe(2);
        person.GetProperty("latestMeetings").EnumerateArray().Select(m => m.GetProperty("meetingId").GetGuid()).ShouldBe([world.Second, world.First]);
        person.GetProperty("latestMeetings")[0].GetProperty("role").GetString().ShouldBe("chair");
        person.GetProperty("meetingsLink").GetString().ShouldBe($"/api/meetings?person={world.Chair}");
        await ShouldAnswer304Async(client, $"/api/people/{world.Chair}", response);
    }

    [Fact]
    public async Task A_body_has_its_parent_children_counts_and_meetings_and_a_document_its_life()
    {
        var world = await SeedAsync();
        var client = await BearerAsync(SecurityFixture.EmailOf(Roles.Editor));

        var response = await client.GetAsync($"/api/bodies/{world.Body}");
        var body = await JsonAsync(response);
        body.GetProperty("parent").GetProperty("id").GetGuid().ShouldBe(world.Parent);
        body.GetProperty("meetings").GetInt32().ShouldBe(2);
        body.GetProperty("firstMeeting").GetString().ShouldBe("2023-05-02");
        body.GetProperty("lastMeeting").GetString().ShouldBe("2024-03-04");
        body.GetProperty("latestMeetings").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ShouldBe([world.Second, world.First]);
        await ShouldAnswer304Async(client, $"/api/bodies/{world.Body}", response);
        var parent = await JsonAsync(await client.GetAsync($"/api/bodies/{world.Parent}"));
        parent.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldBe([world.Body]);

        response = await client.GetAsync($"/api/documents/{world.Document}");
        var document = await JsonAsync(response);
        var steps = document.GetProperty("steps").EnumerateArray().ToList();
        steps.Select(s => s.GetProperty("action").GetString()).ShouldBe(["reviewed", "adopted"]);
        steps[0].GetProperty("meetingId").GetGuid().ShouldBe(world.First);
        var source = steps[1].GetProperty("sources").EnumerateArray().ShouldHaveSingleItem();
        source.GetProperty("spanLength").GetInt32().ShouldBe($"Plan on clean water {world.Seed.Tag}".Length);
        await ShouldAnswer304Async(client, $"/api/documents/{world.Document}", response);

        var listed = await JsonAsync(await client.GetAsync($"/api/documents?q={world.Seed.Tag}&action=adopted"));
        listed.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ShouldBe([world.Document]);
        (await JsonAsync(await client.GetAsync($"/api/documents?q={world.Seed.Tag}&action=issued"))).GetProperty("items").GetArrayLength().ShouldBe(0);
        (await JsonAsync(await client.GetAsync($"/api/documents?q={world.Seed.Tag}&kind=law"))).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Unknown_or_malformed_ids_are_404_problems()
    {
        var client = await BearerAsync(SecurityFixture.EmailOf(Roles.Analyst));
        foreach (var kind in new[] { "people", "bodies", "documents" })
        {
            foreach (var id in new[] { Guid.NewGuid().ToString(), "nope" })
            {
                var response = await client.GetAsync($"/api/{kind}/{id}");
                response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{kind}/{id}");
                response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            }
        }
    }

    [Fact]
    public async Task Search_finds_a_misspelt_name_with_its_meetings_and_counts_facets_by_kind_body_and_year()
    {
        var seed = new MeetingSeed(app.ConnectionString);
        var body = await seed.BodyAsync($"State Council {seed.Tag}");
        var li = await seed.PersonAsync("Li Qiang");
        var early = await seed.MeetingAsync(body, new DateOnly(2023, 9, 1), [new(li, ParticipationRole.Chair)], ["energy security"]);
        var late = await seed.MeetingAsync(body, new DateOnly(2024, 2, 1), [new(li, ParticipationRole.Chair)], ["grain reserves"]);
        var client = await BearerAsync(SecurityFixture.EmailOf(Roles.Analyst));

        var result = await JsonAsync(await client.GetAsync("/api/search?q=Li%20Qaing"));
        var groups = result.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("kind").GetString()!);
        var person = groups["people"].GetProperty("hits").EnumerateArray().First(h => h.GetProperty("id").GetGuid() == li);
        person.GetProperty("title").GetString().ShouldBe("Li Qiang");
        person.GetProperty("similar").GetBoolean().ShouldBeTrue();
        person.GetProperty("apiLink").GetString().ShouldBe($"/api/people/{li}");
        var meetings = groups["meetings"].GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetGuid()).ToList();
        meetings.ShouldContain(early);
        meetings.ShouldContain(late);
        result.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("key").GetString() == "meetings").GetProperty("count").GetInt32()
            .ShouldBe(groups["meetings"].GetProperty("total").GetInt32());
        var bodyFacet = result.GetProperty("bodies").EnumerateArray().Single(b => b.GetProperty("key").GetString() == body.ToString());
        bodyFacet.GetProperty("count").GetInt32().ShouldBe(2);

        var narrowed = await JsonAsync(await client.GetAsync($"/api/search?q=Li%20Qaing&body={body}&year=2024&kind=meetings"));
        var only = narrowed.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("kind").GetString()!);
        only["meetings"].GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetGuid()).ShouldBe([late]);
        only["people"].GetProperty("hits").GetArrayLength().ShouldBe(0, "kind=meetings lists meetings only");
        only["people"].GetProperty("total").GetInt32().ShouldBe(1, "the other kinds are still counted for the facet");
        narrowed.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("key").GetString()).ShouldBe(["2024"]);

        var words = await JsonAsync(await client.GetAsync($"/api/search?q=grain&body={body}"));
        var resolution = words.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("kind").GetString() == "resolutions")
            .GetProperty("hits").EnumerateArray().ShouldHaveSingleItem();
        var snippet = resolution.GetProperty("snippet").GetString()!;
        var highlight = resolution.GetProperty("highlights")[0];
        snippet.Substring(highlight[0].GetInt32(), highlight[1].GetInt32()).ShouldBe("grain");
        snippet.ShouldNotContain(PolicyTracker.Web.Features.Search.SearchQueries.MarkStart);
    }

    [Fact]
    public async Task The_openapi_document_reads_and_validates_without_errors_and_describes_every_endpoint()
    {
        var client = await BearerAsync(SecurityFixture.EmailOf(Roles.Analyst));
        var text = await client.GetStringAsync("/api/openapi/v1.json");

        var read = OpenApiDocument.Parse(text, "json");
        read.Diagnostic!.Errors.ShouldBeEmpty(string.Join("; ", read.Diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}")));
        var document = read.Document.ShouldNotBeNull();
        var errors = document.Validate(ValidationRuleSet.GetDefaultRuleSet())?.ToList() ?? [];
        errors.ShouldBeEmpty(string.Join("; ", errors.Select(e => $"{e.Pointer}: {e.Message}")));

        string[] paths = ["/api/meetings", "/api/meetings/{id}", "/api/people", "/api/people/{id}", "/api/bodies", "/api/bodies/{id}",
            "/api/documents", "/api/documents/{id}", "/api/search", "/api/export/meetings.csv", "/api/export/meetings.json"];
        foreach (var path in paths)
        {
            var operation = document.Paths[path].Operations!.Values.ShouldHaveSingleItem();
            operation.Summary.ShouldNotBeNullOrWhiteSpace(path);
            operation.Responses!.Keys.ShouldContain("200", path);
        }
        document.Paths["/api/people"].Operations!.Values.Single().Responses!.Keys.ShouldContain("400");
        document.Paths["/api/people/{id}"].Operations!.Values.Single().Responses!.Keys.ShouldContain("404");
        document.Components!.SecuritySchemes!.Keys.ShouldContain("Bearer");
    }

    [Fact]
    public async Task The_interactive_reference_is_served_with_scalar_from_this_origin_and_no_inline_script()
    {
        var client = await app.SignInAsync(SecurityFixture.EmailOf(Roles.Analyst));
        var response = await client.GetAsync("/api-reference");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();

        html.ShouldContain("data-openapi=\"/api/openapi/v1.json\"");
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script([^>]*)>(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline);
        scripts.Count.ShouldBe(2);
        scripts.ShouldAllBe(m => m.Groups[1].Value.Contains("src=\"/") && m.Groups[2].Value.Trim() == "");
        var scriptPolicy = response.Headers.GetValues("Content-Security-Policy").Single().Split(';').Single(d => d.Trim().StartsWith("script-src"));
        scriptPolicy.ShouldNotContain("unsafe-inline");
        scriptPolicy.ShouldNotContain("unsafe-eval");
        foreach (var src in new[] { "/api-reference/assets/scalar.js", "/api-reference.js" })
        {
            var script = await client.GetAsync(src);
            script.StatusCode.ShouldBe(HttpStatusCode.OK, src);
            (await script.Content.ReadAsStringAsync()).ShouldContain("createApiReference");
        }
        (await app.NewClient().GetAsync("/api-reference")).StatusCode.ShouldBe(HttpStatusCode.Found, "a browser without a session is sent to sign in");
    }

    private static async Task ShouldAnswer304Async(HttpClient client, string path, HttpResponseMessage first)
    {
        var etag = first.Headers.ETag.ShouldNotBeNull();
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        var cached = await client.SendAsync(again);
        cached.StatusCode.ShouldBe(HttpStatusCode.NotModified, path);
        cached.Headers.ETag.ShouldBe(etag);
    }

    private async Task<HttpClient> BearerAsync(string email)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.CreateTokenAsync(email));
        return client;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, bool success = true)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBe(success, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
