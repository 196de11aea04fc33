using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;
using PolicyTracker.IntegrationTests.Security;
using PolicyTracker.TestSupport;

namespace PolicyTracker.IntegrationTests.Api;

/// <summary>The read API through the whole app (tokens, policies, rate limiter) on the real PostgreSQL.</summary>
[Collection(SecurityGroup.Name)]
public sealed class MeetingApiTests(SecurityFixture app)
{
    [Fact]
    public async Task Anonymous_calls_and_a_disabled_users_token_are_refused_with_401()
    {
        foreach (var path in new[] { "/api/meetings", $"/api/meetings/{Guid.NewGuid()}", "/api/openapi/v1.json" })
        {
            (await app.NewClient().GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, path);
        }

        var email = $"api-disabled-{Guid.NewGuid():N}@test.example";
        var id = await app.CreateUserAsync(email, Roles.Analyst);
        var client = await BearerAsync(email);
        (await client.GetAsync("/api/meetings")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.InScopeAsync(s => s.GetRequiredService<UserAccounts>().SetDisabledAsync(id, disabled: true));
        (await client.GetAsync("/api/meetings")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Every_role_reads_meetings_with_its_token_and_the_rate_limit_is_stated()
    {
        var seeded = await SeedAsync(3);
        foreach (var role in Roles.All)
        {
            var response = await (await BearerAsync(SecurityFixture.EmailOf(role))).GetAsync($"/api/meetings?body={seeded.BodyId}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, role);
            response.Headers.GetValues("RateLimit-Policy").Single().ShouldBe("\"api\";q=300;w=60");
            int.Parse(response.Headers.GetValues("X-RateLimit-Remaining").Single()).ShouldBeLessThan(300);
            var items = (await JsonAsync(response)).GetProperty("items");
            items.GetArrayLength().ShouldBe(3, role);
        }
    }

    [Theory]
    [InlineData("from=2024-13-40")]
    [InlineData("body=not-a-guid")]
    [InlineData("limit=0")]
    [InlineData("limit=5000")]
    [InlineData("sort=sideways")]
    [InlineData("role=king")]
    [InlineData("hasDocuments=maybe")]
    [InlineData("cursor=garbage!!")]
    public async Task A_bad_filter_is_a_400_problem_json(string query)
    {
        var response = await (await BearerAsync(SecurityFixture.EmailOf(Roles.Analyst))).GetAsync("/api/meetings?" + query);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await JsonAsync(response, success: false);
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("-date")]
    [InlineData("date")]
    public async Task Cursor_paging_walks_every_row_once_in_order_and_skips_drafts(string sort)
    {
        var seeded = await SeedAsync(23);
        var client = await BearerAsync(SecurityFixture.EmailOf(Roles.Analyst));
        var seen = new List<(Guid Id, DateOnly? Date)>();
        var url = $"/api/meetings?body={seeded.BodyId}&limit=5&sort={sort}";
        var pages = 0;
        while (url is not null)
        {
            var page = await JsonAsync(await client.GetAsync(url));
            pages++;
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(m =>
                (m.GetProperty("id").GetGuid(), m.GetProperty("date").ValueKind == JsonValueKind.Null ? (DateOnly?)null : DateOnly.Parse(m.GetProperty("date").GetString()!))));
            url = page.GetProperty("next").GetString() is { } next ? $"/api/meetings?body={seeded.BodyId}&limit=5&sort={sort}&cursor={next}" : null;
            pages.ShouldBeLessThan(10);
        }

        pages.ShouldBe(5);
        seen.Select(s => s.Id).ShouldBe(seeded.Published, ignoreOrder: true);
        seen.Select(s => s.Id).Distinct().Count().ShouldBe(seen.Count);
        seen.ShouldNotContain(s => s.Id == seeded.Draft);
        var dated = seen.Where(s => s.Date is not null).Select(s => s.Date!.Value).ToList();
        dated.ShouldBe(sort == "date" ? [.. dated.Order()] : [.. dated.OrderDescending()]);
        // NULL dates sort last ascending, first descending, as PostgreSQL orders them.
        (sort == "date" ? seen[^1] : seen[0]).Date.ShouldBeNull();
    }

    [Fact]
    public async Task A_cursor_replayed_with_other_filters_is_refused()
    {
        var seeded = await SeedAsync(4);
        var client = await BearerAsync(SecurityFixture.EmailOf(Roles.Analyst));
        var next = (await JsonAsync(await client.GetAsync($"/api/meetings?body={seeded.BodyId}&limit=2"))).GetProperty("next").GetString();

        var response = await client.GetAsync($"/api/meetings?body={seeded.BodyId}&limit=2&q=other&cursor={next}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Filters_for_person_role_document_dates_and_text_select_the_matching_meetings()
    {
        var seeded = await SeedAsync(6);
        var client = await BearerAsync(SecurityFixture.EmailOf(Roles.Analyst));
        async Task<int> Count(string query) =>
            (await JsonAsync(await client.GetAsync($"/api/meetings?body={seeded.BodyId}&{query}"))).GetProperty("items").GetArrayLength();

        (await Count($"person={seeded.ChairId}&role=chair")).ShouldBe(6);
        (await Count($"person={seeded.ChairId}&role=attendee")).ShouldBe(0);
        (await Count($"person={seeded.AttendeeId}")).ShouldBe(6);
        (await Count($"document={seeded.DocumentId}")).ShouldBe(1);
        (await Count("hasDocuments=true")).ShouldBe(1);
        (await Count("hasDocuments=false")).ShouldBe(5);
        (await Count("from=2024-01-02&to=2024-01-03")).ShouldBe(2);
        (await Count($"q={seeded.Tag}")).ShouldBe(6);
    }

    [Fact]
    public async Task The_topic_filter_selects_meetings_whose_resolutions_are_on_the_topic_and_an_unknown_topic_is_a_400()
    {
        var seed = new MeetingSeed(app.ConnectionString);
        var body = await seed.BodyAsync($"Topic Board {seed.Tag}");
        var chair = await seed.PersonAsync($"Tao Chair {seed.Tag}");
        await seed.MeetingAsync(body, new DateOnly(2024, 6, 1), [new(chair, ParticipationRole.Chair)], ["stronger national security at the borders"]);
        await seed.MeetingAsync(body, new DateOnly(2024, 6, 8), [new(chair, ParticipationRole.Chair)], ["a new timetable for the meeting room"]);
        var client = await BearerAsync(SecurityFixture.EmailOf(Roles.Analyst));

        var items = (await JsonAsync(await client.GetAsync($"/api/meetings?body={body}&topic=national-security"))).GetProperty("items");
        items.GetArrayLength().ShouldBe(1);
        items[0].GetProperty("date").GetString().ShouldBe("2024-06-01");
        (await JsonAsync(await client.GetAsync($"/api/meetings?body={body}"))).GetProperty("items").GetArrayLength().ShouldBe(2);
        (await client.GetAsync($"/api/meetings?body={body}&topic=no-such-topic")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_meeting_lists_the_chair_first_then_participants_as_reported_with_sources_and_an_etag()
    {
        var seeded = await SeedAsync(2);
        var client = await BearerAsync(SecurityFixture.EmailOf(Roles.Manager));
        var response = await client.GetAsync($"/api/meetings/{seeded.WithDocument}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var meeting = await JsonAsync(response);

        var people = meeting.GetProperty("participants").EnumerateArray().ToList();
        people.Select(p => p.GetProperty("role").GetString()).ShouldBe(["chair", "attendee"]);
        people[0].GetProperty("personId").GetGuid().ShouldBe(seeded.ChairId);
        people[1].GetProperty("title").GetString().ShouldBe("Minister");
        var source = people[0].GetProperty("sources")[0];
        source.GetProperty("reportId").GetGuid().ShouldNotBe(Guid.Empty);
        source.GetProperty("link").GetString().ShouldStartWith("/reports/");
        meeting.GetProperty("documents")[0].GetProperty("action").GetString().ShouldBe("adopted");
        meeting.GetProperty("resolutions").GetArrayLength().ShouldBe(1);
        meeting.GetProperty("sources")[0].GetProperty("spanLength").GetInt32().ShouldBeGreaterThan(0);

        var etag = response.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/meetings/{seeded.WithDocument}");
        again.Headers.IfNoneMatch.Add(etag);
        var cached = await client.SendAsync(again);
        cached.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        cached.Headers.ETag.ShouldBe(etag);
    }

    [Fact]
    public async Task An_unknown_or_draft_or_malformed_meeting_id_is_a_404_problem()
    {
        var seeded = await SeedAsync(1);
        var client = await BearerAsync(SecurityFixture.EmailOf(Roles.Analyst));
        foreach (var path in new[] { $"/api/meetings/{Guid.NewGuid()}", $"/api/meetings/{seeded.Draft}", "/api/meetings/not-an-id" })
        {
            var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", path);
        }
    }

    [Fact]
    public async Task The_openapi_document_parses_and_lists_the_endpoints()
    {
        var client = await BearerAsync(SecurityFixture.EmailOf(Roles.Analyst));
        var document = await JsonAsync(await client.GetAsync("/api/openapi/v1.json"));

        document.GetProperty("openapi").GetString().ShouldStartWith("3.");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/meetings");
        paths.ShouldContain("/api/meetings/{id}");
        var list = document.GetProperty("paths").GetProperty("/api/meetings").GetProperty("get");
        list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .ShouldBe(["q", "body", "person", "role", "document", "hasDocuments", "from", "to", "topic", "sort", "cursor", "limit"], ignoreOrder: true);
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

    private sealed record Seeded(string Tag, Guid BodyId, Guid ChairId, Guid AttendeeId, Guid DocumentId, Guid WithDocument, List<Guid> Published, Guid Draft);

    /// <summary>A new body with <paramref name="count"/> published meetings (2024-01-01 on, two sharing a date, the last
    /// undated), each chaired by one person with one attendee; the first adopts a document; plus one draft meeting.</summary>
    private async Task<Seeded> SeedAsync(int count)
    {
        var tag = "api" + Guid.NewGuid().ToString("N")[..8];
        var options = new DbContextOptionsBuilder<PolicyTrackerDbContext>().UseNpgsql(app.ConnectionString).UseSnakeCaseNamingConvention().Options;
        await using var db = new PolicyTrackerDbContext(options);
        var body = new Organization { Id = Guid.CreateVersion7(), Name = $"Water Board {tag}" };
        var chair = new Person { Id = Guid.CreateVersion7(), Name = $"Ada Chair {tag}" };
        var attendee = new Person { Id = Guid.CreateVersion7(), Name = $"Ben Member {tag}" };
        var document = new Document { Id = Guid.CreateVersion7(), Title = $"Plan on water {tag}", NormalizedTitle = $"plan on water {tag}", Kind = "plan" };
        db.AddRange(body, chair, attendee, document);
        var published = new List<Guid>();
        Guid draftId = default;
        for (var i = 0; i <= count; i++)
        {
            var draft = i == count;
            var text = $"The {body.Name} met. {attendee.Name}, Minister, attended. {chair.Name} chaired it and called for cleaner rivers {i}.";
            var report = new Report
            {
                Id = Guid.CreateVersion7(),
                Headline = $"Water Board meets {tag} {i}",
                Text = text,
                ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
                Status = draft ? ReportStatus.Draft : ReportStatus.Published,
                EnteredBy = "tester",
                EnteredAt = DateTimeOffset.UnixEpoch,
            };
            DateOnly? date = i == count - 1 && !draft ? null : new DateOnly(2024, 1, 1).AddDays(Math.Max(0, i - 1));
            var meeting = new Meeting { Id = Guid.CreateVersion7(), Organization = body, Date = date };
            db.AddRange(report, meeting);
            db.Add(new MeetingSource { Id = Guid.CreateVersion7(), Meeting = meeting, SourceReport = report, SpanStart = 0, SpanLength = 20 });
            // The attendee comes first in the text; the chair is still listed first.
            Fact(db, new Participation { Meeting = meeting, Person = attendee, Role = ParticipationRole.Attendee, TitleAsWritten = "Minister", Position = 0 },
                new ParticipationSource(), report, text, attendee.Name);
            Fact(db, new Participation { Meeting = meeting, Person = chair, Role = ParticipationRole.Chair, Position = 1 }, new ParticipationSource(), report, text, chair.Name);
            Fact(db, new Resolution { Meeting = meeting, Verb = "called for", Text = $"cleaner rivers {i}" }, new ResolutionSource(), report, text, "cleaner rivers");
            if (i == 0)
            {
                Fact(db, new DocumentAction { Meeting = meeting, Document = document, Action = DocumentActionKind.Adopted }, new DocumentActionSource(), report, text, "met");
            }
            if (draft)
            {
                draftId = meeting.Id;
            }
            else
            {
                published.Add(meeting.Id);
            }
        }
        await db.SaveChangesAsync();
        await PublishedFlags.RefreshAllAsync(db, default);
        return new Seeded(tag, body.Id, chair.Id, attendee.Id, document.Id, published[0], published, draftId);
    }

    private static void Fact<TSource>(PolicyTrackerDbContext db, Fact<TSource> fact, TSource source, Report report, string text, string quote)
        where TSource : FactSource
    {
        fact.Id = Guid.CreateVersion7();
        source.Id = Guid.CreateVersion7();
        source.SourceReport = report;
        source.Confidence = 0.9;
        source.SpanStart = text.IndexOf(quote, StringComparison.Ordinal);
        source.SpanLength = quote.Length;
        fact.Sources.Add(source);
        db.Add(fact);
    }
}
