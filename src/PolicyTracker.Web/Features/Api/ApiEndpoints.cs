using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using PolicyTracker.Data.Entities;
using PolicyTracker.Web.Components.Shared;
using PolicyTracker.Web.Features.Meetings;
using PolicyTracker.Web.Features.Search;
using PolicyTracker.Web.Features.Topics;
using PolicyTracker.Web.Hosting.Security;
using Scalar.AspNetCore;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace PolicyTracker.Web.Features.Api;

/// <summary>The read API for scripts and notebooks: the browse pages' data and roles, with a personal token
/// (<c>Authorization: Bearer pt_...</c>) or the sign-in cookie.</summary>
public static class ApiEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>Where the interactive API reference (Scalar) is served; outside /api, so a browser is sent to sign in.</summary>
    public const string ReferencePath = "/api-reference";

    public static IServiceCollection AddPolicyTrackerApi(this IServiceCollection services)
    {
        services.AddScoped<MeetingApiQueries>();
        services.AddScoped<DirectoryApiQueries>();
        services.Configure<HttpJsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "PolicyTracker API";
                document.Info.Description = "Published meetings, people, bodies and documents. Authenticate with a personal API token "
                    + "(Account, API tokens) as `Authorization: Bearer pt_...`, or with the app's sign-in cookie. Lists are keyset-paged: "
                    + "pass `next` back as `cursor` with the same filters (also given as a `Link: rel=next` header). Errors are RFC 9457 "
                    + "problem details; the rate limit is stated in `RateLimit-Policy`, `RateLimit` and `X-RateLimit-*` headers.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal API token from Account, API tokens (pt_...).",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
                // The CSV exports and /api/me live with their pages' features; here they get tags a reader understands.
                foreach (var (path, item) in document.Paths)
                {
                    var tag = path.StartsWith("/api/export/", StringComparison.Ordinal) || path.EndsWith(".csv", StringComparison.Ordinal) ? "Exports" : path == "/api/me" ? "Account" : null;
                    foreach (var operation in tag is null || item.Operations is null ? [] : item.Operations.Values.ToList())
                    {
                        operation.Tags = new HashSet<OpenApiTagReference> { new(tag!, document) };
                    }
                }
                var used = document.Paths.Values.SelectMany(p => p.Operations?.Values.ToList() ?? []).SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
                    .Select(t => t.Name).ToHashSet();
                document.Tags = new HashSet<OpenApiTag>(used.Where(n => n is not null).Order().Select(n => new OpenApiTag { Name = n }));
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapPolicyTrackerApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/api/openapi/{documentName}.json").RequireAuthorization(Policies.CanBrowse);
        // The interactive reference: Scalar's bundle is served from the package (no CDN, no fonts from elsewhere, no telemetry),
        // started by our own page and script file, since Scalar's page starts it with an inline script the CSP refuses.
        app.MapGet(ReferencePath, ReferencePage).RequireAuthorization(Policies.CanBrowse).ExcludeFromDescription();
        app.MapScalarApiReference(ReferencePath + "/assets", o => o
            .WithTitle("PolicyTracker API")
            .WithOpenApiRoutePattern("/api/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .AddPreferredSecuritySchemes("Bearer"))
            .RequireAuthorization(Policies.CanBrowse);
        var meetings = app.MapGroup("/api/meetings").RequireAuthorization(Policies.CanBrowse).WithTags("Meetings");
        meetings.MapGet("", ListMeetingsAsync).WithName("ListMeetings")
            .WithSummary("List meetings").WithDescription("Published meetings, newest first, with every filter of the meetings list; keyset-paged with cursor and limit.")
            .Produces<Page<MeetingSummaryDto>>().ProducesProblem(StatusCodes.Status400BadRequest);
        meetings.MapGet("/{id:guid}", GetMeetingAsync).WithName("GetMeeting")
            .WithSummary("Get a meeting").WithDescription("One published meeting: participants (chair first, then as reported), resolutions, documents and their sources.")
            .Produces<MeetingDto>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        var people = app.MapGroup("/api/people").RequireAuthorization(Policies.CanBrowse).WithTags("People");
        people.MapGet("", ListPeopleAsync).WithName("ListPeople")
            .WithSummary("List people").WithDescription("Published people (named in a published meeting), by name; q matches a part of the name or an alias. Keyset-paged.")
            .Produces<Page<PersonSummaryDto>>().ProducesProblem(StatusCodes.Status400BadRequest);
        people.MapGet("/{id:guid}", GetPersonAsync).WithName("GetPerson")
            .WithSummary("Get a person").WithDescription("One person: aliases, titles with the dates seen, bodies met in, the latest 50 meetings and a link to all of them.")
            .Produces<PersonDto>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        var bodies = app.MapGroup("/api/bodies").RequireAuthorization(Policies.CanBrowse).WithTags("Bodies");
        bodies.MapGet("", ListBodiesAsync).WithName("ListBodies")
            .WithSummary("List bodies").WithDescription("Bodies that held a published meeting (or whose child bodies did), by name. Keyset-paged.")
            .Produces<Page<BodySummaryDto>>().ProducesProblem(StatusCodes.Status400BadRequest);
        bodies.MapGet("/{id:guid}", GetBodyAsync).WithName("GetBody")
            .WithSummary("Get a body").WithDescription("One body: aliases, parent and child bodies, meeting counts and dates, the latest 50 meetings.")
            .Produces<BodyDto>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        var documents = app.MapGroup("/api/documents").RequireAuthorization(Policies.CanBrowse).WithTags("Documents");
        documents.MapGet("", ListDocumentsAsync).WithName("ListDocuments")
            .WithSummary("List documents").WithDescription("Documents a published meeting acted on, by title; filter by kind and action. Keyset-paged.")
            .Produces<Page<DocumentSummaryDto>>().ProducesProblem(StatusCodes.Status400BadRequest);
        documents.MapGet("/{id:guid}", GetDocumentAsync).WithName("GetDocument")
            .WithSummary("Get a document").WithDescription("One document and every action on it (reviewed, discussed, adopted, issued...), oldest first, with sources.")
            .Produces<DocumentDto>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/search", SearchAsync).RequireAuthorization(Policies.CanBrowse).WithTags("Search").WithName("Search")
            .WithSummary("Search everything").WithDescription("The search page's results: meetings, reports, resolutions, documents, people (misspellings too) and bodies, "
                + "with facets by kind, body and year; kind, body and year narrow it.")
            .Produces<SearchDto>().ProducesProblem(StatusCodes.Status400BadRequest);
        // Anything else under /api (a malformed id included) is a JSON 404, not an empty one.
        app.MapGet("/api/{**rest}", (string rest) => TypedResults.Problem(title: "No such API resource",
            detail: $"/api/{rest} is not an endpoint of this API; see /api/openapi/v1.json.", statusCode: StatusCodes.Status404NotFound))
            .RequireAuthorization(Policies.CanBrowse).ExcludeFromDescription();
        return app;
    }

    private static ContentHttpResult ReferencePage(HttpContext http) => TypedResults.Content($$"""
        <!doctype html>
        <html lang="en">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>API reference · PolicyTracker</title>
            <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
        </head>
        <body>
            <div id="app" data-openapi="/api/openapi/v1.json"></div>
            <script src="{{ReferencePath}}/assets/scalar.js"></script>
            <script src="/api-reference.js"></script>
        </body>
        </html>
        """, "text/html; charset=utf-8");

    /// <summary>States the API rate limit on every API response (IETF draft RateLimit fields, and the
    /// X-RateLimit pair many clients read); after UseRateLimiter, so the request just counted is included.</summary>
    public static IApplicationBuilder UseApiRateLimitHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && context.RequestServices.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter is { } limiter)
        {
            var limit = SecurityServices.ApiRequestsPerMinute(context.RequestServices.GetRequiredService<IConfiguration>());
            var remaining = limiter.GetStatistics(context)?.CurrentAvailablePermits ?? limit;
            var headers = context.Response.Headers;
            headers["RateLimit-Policy"] = $"\"api\";q={limit};w=60";
            headers["RateLimit"] = $"\"api\";r={remaining}";
            headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        }
        await next(context);
    });

    private static async Task<IResult> ListMeetingsAsync(
        [FromQuery, Description("Text in the body's name, the session, a participant's name or a resolution.")] string? q,
        [FromQuery, Description("A body's id.")] string? body,
        [FromQuery, Description("A person's id: meetings they took part in (with role: in that role).")] string? person,
        [FromQuery, Description("chair, speaker or attendee; with person, e.g. chaired by them.")] string? role,
        [FromQuery, Description("A document's id: meetings that acted on it.")] string? document,
        [FromQuery, Description("true or false: meetings that acted on any document, or none.")] string? hasDocuments,
        [FromQuery, Description("Earliest date, yyyy-MM-dd.")] string? from,
        [FromQuery, Description("Latest date, yyyy-MM-dd.")] string? to,
        [FromQuery, Description("A topic id from the taxonomy file Topics/topics.json (for example national-security or economy-finance): meetings whose resolutions or documents are on it.")] string? topic,
        [FromQuery, Description("-date (newest first, the default) or date. Undated meetings come first newest-first, last oldest-first.")] string? sort,
        [FromQuery, Description("The next value of the previous page, with the same filters and sort.")] string? cursor,
        [FromQuery, Description("Rows per page, 1 to 500 (default 50).")] string? limit,
        MeetingApiQueries queries, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var input = new QueryInput(time);
        var text = input.Text("q", q);
        var bodyId = input.Id("body", body);
        var personId = input.Id("person", person);
        var documentId = input.Id("document", document);
        var (fromDate, toDate) = input.Range(from, to);
        var problems = new List<string>(input.Problems);
        var topicId = TopicIds.Find(topic);
        if (!string.IsNullOrWhiteSpace(topic) && topicId is null)
        {
            problems.Add($"topic must be one of {string.Join(", ", TopicIds.All)}.");
        }
        ParticipationRole? roleValue = null;
        if (!string.IsNullOrEmpty(role))
        {
            if (Enum.TryParse<ParticipationRole>(role, ignoreCase: true, out var r) && Enum.IsDefined(r) && !int.TryParse(role, out _))
            {
                roleValue = r;
            }
            else
            {
                problems.Add("role must be chair, speaker or attendee.");
            }
        }
        bool? has = hasDocuments?.ToLowerInvariant() switch
        {
            null or "" => null,
            "true" => true,
            "false" => false,
            _ => Invalid(problems, "hasDocuments must be true or false."),
        };
        var descending = sort switch
        {
            null or "" or "-date" => true,
            "date" => false,
            _ => Invalid(problems, "sort must be date or -date (newest first, the default)."),
        } ?? true;
        var size = Limit(limit, problems);
        var filter = new MeetingFilter(text, bodyId, fromDate, toDate, personId, roleValue, documentId, has, topicId);
        var hash = MeetingCursor.Hash(filter.Key);
        MeetingCursor? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            after = MeetingCursor.Decode(cursor);
            if (after is null)
            {
                problems.Add("cursor is not one this API gave out; start again without it.");
            }
            else if (after.Filter != hash || after.Descending != descending)
            {
                problems.Add("cursor was made for other filters or another sort; use it with the same query it came from.");
            }
        }
        if (problems.Count > 0)
        {
            return BadQuery(problems);
        }

        var (rows, more) = await queries.ListAsync(filter, descending, after, size, ct);
        string? next = null;
        if (more)
        {
            var last = rows[^1];
            next = new MeetingCursor(descending, last.Date, last.Id, hash).Encode();
            NextLink(http, next);
        }
        return TypedResults.Ok(new Page<MeetingSummaryDto>(rows, size, next));
    }

    private static Task<IResult> ListPeopleAsync([FromQuery] string? q, [FromQuery] string? sort, [FromQuery] string? cursor, [FromQuery] string? limit,
        DirectoryApiQueries queries, TimeProvider time, HttpContext http, CancellationToken ct) =>
        NameListAsync(http, time, q, sort, cursor, limit, "name", (_, _) => null, queries.PeopleAsync, p => (p.Name, p.Id), ct);

    private static Task<IResult> ListBodiesAsync([FromQuery] string? q, [FromQuery] string? sort, [FromQuery] string? cursor, [FromQuery] string? limit,
        DirectoryApiQueries queries, TimeProvider time, HttpContext http, CancellationToken ct) =>
        NameListAsync(http, time, q, sort, cursor, limit, "name", (_, _) => null, queries.BodiesAsync, b => (b.Name, b.Id), ct);

    private static Task<IResult> ListDocumentsAsync([FromQuery] string? q, [FromQuery] string? kind, [FromQuery] string? action,
        [FromQuery] string? sort, [FromQuery] string? cursor, [FromQuery] string? limit,
        DirectoryApiQueries queries, TimeProvider time, HttpContext http, CancellationToken ct) =>
        NameListAsync(http, time, q, sort, cursor, limit, "title", (input, problems) =>
        {
            DocumentActionKind? actionValue = null;
            if (!string.IsNullOrEmpty(action))
            {
                if (Enum.TryParse<DocumentActionKind>(action, ignoreCase: true, out var a) && Enum.IsDefined(a) && !int.TryParse(action, out _))
                {
                    actionValue = a;
                }
                else
                {
                    problems.Add($"action must be one of {string.Join(", ", Enum.GetNames<DocumentActionKind>().Select(n => n.ToLowerInvariant()))}.");
                }
            }
            return new NameFilter(input.Text("q", q), input.Text("kind", kind), actionValue);
        }, queries.DocumentsAsync, d => (d.Title, d.Id), ct);

    /// <summary>A list keyset-paged by (name, id): q, sort (name or -name), cursor and limit checked as for meetings.</summary>
    private static async Task<IResult> NameListAsync<T>(HttpContext http, TimeProvider time, string? q, string? sort, string? cursor, string? limit,
        string sortName, Func<QueryInput, List<string>, NameFilter?> filters,
        Func<NameFilter, bool, NameCursor?, int, CancellationToken, Task<(IReadOnlyList<T> Rows, bool More)>> list, Func<T, (string Name, Guid Id)> key,
        CancellationToken ct)
    {
        var input = new QueryInput(time);
        var problems = new List<string>();
        var filter = filters(input, problems) ?? new NameFilter(input.Text("q", q));
        problems.InsertRange(0, input.Problems);
        var descending = sort switch
        {
            null or "" => false,
            _ when sort == sortName => false,
            _ when sort == "-" + sortName => true,
            _ => Invalid(problems, $"sort must be {sortName} (the default) or -{sortName}."),
        } ?? false;
        var size = Limit(limit, problems);
        // The path is in the hash: a cursor of the people list is no position in the bodies list.
        var hash = MeetingCursor.Hash(http.Request.Path + "|" + filter.Key);
        NameCursor? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            after = NameCursor.Decode(cursor);
            if (after is null)
            {
                problems.Add("cursor is not one this API gave out; start again without it.");
            }
            else if (after.Filter != hash || after.Descending != descending)
            {
                problems.Add("cursor was made for other filters or another sort; use it with the same query it came from.");
            }
        }
        if (problems.Count > 0)
        {
            return BadQuery(problems);
        }

        var (rows, more) = await list(filter, descending, after, size, ct);
        string? next = null;
        if (more)
        {
            var (name, id) = key(rows[^1]);
            next = new NameCursor(descending, name, id, hash).Encode();
            NextLink(http, next);
        }
        return TypedResults.Ok(new Page<T>(rows, size, next));
    }

    private static async Task<IResult> GetPersonAsync(Guid id, DirectoryApiQueries queries, HttpContext http, CancellationToken ct) =>
        await queries.PersonAsync(id, ct) is { } person ? Tagged(http, person) : NotFound("person", id);

    private static async Task<IResult> GetBodyAsync(Guid id, DirectoryApiQueries queries, HttpContext http, CancellationToken ct) =>
        await queries.BodyAsync(id, ct) is { } body ? Tagged(http, body) : NotFound("body", id);

    private static async Task<IResult> GetDocumentAsync(Guid id, DirectoryApiQueries queries, HttpContext http, CancellationToken ct) =>
        await queries.DocumentAsync(id, ct) is { } document ? Tagged(http, document) : NotFound("document", id);

    private static async Task<IResult> SearchAsync(
        [FromQuery, Description("Words (\"phrase\", or, -word) or a name; names are matched by part or by similarity (misspellings).")] string? q,
        [FromQuery, Description("Only this group: meetings, reports, resolutions, documents, people or bodies (more hits).")] string? kind,
        [FromQuery, Description("A body's id: only what is tied to its meetings.")] string? body,
        [FromQuery, Description("A year: only what is tied to meetings in it.")] string? year,
        SearchQueries queries, TimeProvider time, CancellationToken ct)
    {
        var input = new QueryInput(time);
        var text = SearchText.Clean(input.Text("q", q));
        var kindValue = input.OneOf("kind", kind, SearchKinds.All);
        var bodyId = input.Id("body", body);
        var yearValue = input.Year(year);
        var problems = new List<string>(input.Problems);
        if (text is null)
        {
            problems.Add("q is required: the words or name to search for.");
        }
        if (problems.Count > 0)
        {
            return BadQuery(problems);
        }
        var results = (await queries.SearchAsync(new SearchFilter(text, kindValue, bodyId, yearValue), ct))!;
        return TypedResults.Ok(SearchApi.ToDto(text!, kindValue, bodyId, yearValue, results));
    }

    private static ProblemHttpResult BadQuery(List<string> problems) =>
        // The pages ignore a bad filter and say so; a script must not get other rows than it asked for.
        TypedResults.Problem(title: "The query has values that cannot be used", detail: string.Join(" ", problems),
            statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["errors"] = problems });

    private static ProblemHttpResult NotFound(string what, Guid id) =>
        TypedResults.Problem(title: $"No such {what}", detail: $"No published {what} has the id {id}.", statusCode: StatusCodes.Status404NotFound);

    private static int Limit(string? limit, List<string> problems)
    {
        var size = DefaultLimit;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            problems.Add($"limit must be a whole number from 1 to {MaxLimit}.");
            size = DefaultLimit;
        }
        return size;
    }

    /// <summary>The next page's URL in a Link header (RFC 8288), the same query with the new cursor.</summary>
    private static void NextLink(HttpContext http, string next)
    {
        var url = http.Request.Path + QueryString.Create(http.Request.Query
            .Where(p => p.Key != "cursor").SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new("cursor", next)));
        http.Response.Headers.Link = $"<{url}>; rel=\"next\"";
    }

    private static async Task<IResult> GetMeetingAsync(Guid id, MeetingApiQueries queries, HttpContext http, CancellationToken ct)
    {
        var meeting = await queries.GetAsync(id, ct);
        return meeting is null ? NotFound("meeting", id) : Tagged(http, meeting);
    }

    /// <summary>JSON with a strong ETag of its bytes; 304 when the client already holds them.</summary>
    private static IResult Tagged<T>(HttpContext http, T value)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, options);
        var etag = $"\"{Convert.ToBase64String(SHA256.HashData(bytes), 0, 16)}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "private, no-cache";
        var sent = http.Request.Headers.IfNoneMatch.ToString();
        if (sent.Split(',').Select(t => t.Trim()).Any(t => t == etag || t == "W/" + etag || t == "*"))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Bytes(bytes, "application/json; charset=utf-8");
    }

    private static bool? Invalid(List<string> problems, string problem)
    {
        problems.Add(problem);
        return null;
    }
}
