using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PolicyTracker.Data.Entities;
using PolicyTracker.Web.Components.Shared;
using PolicyTracker.Web.Hosting.Security;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace PolicyTracker.Web.Features.Api;

/// <summary>The read API for scripts and notebooks: the browse pages' data and roles, with a personal token
/// (<c>Authorization: Bearer pt_...</c>) or the sign-in cookie.</summary>
public static class ApiEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static IServiceCollection AddPolicyTrackerApi(this IServiceCollection services)
    {
        services.AddScoped<MeetingApiQueries>();
        services.Configure<HttpJsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "PolicyTracker API";
                document.Info.Description = "Published meetings, people, bodies and documents. Authenticate with a personal API token "
                    + "(Account, API tokens) as `Authorization: Bearer pt_...`.";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapPolicyTrackerApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/api/openapi/{documentName}.json").RequireAuthorization(Policies.CanBrowse);
        var meetings = app.MapGroup("/api/meetings").RequireAuthorization(Policies.CanBrowse).WithTags("Meetings");
        meetings.MapGet("", ListMeetingsAsync).WithName("ListMeetings")
            .WithSummary("Published meetings, newest first, with every filter of the meetings list; keyset-paged with cursor and limit.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        meetings.MapGet("/{id:guid}", GetMeetingAsync).WithName("GetMeeting")
            .WithSummary("One published meeting: participants (chair first, then as reported), resolutions, documents and their sources.")
            .Produces<MeetingDto>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        // Anything else under /api (a malformed id included) is a JSON 404, not an empty one.
        app.MapGet("/api/{**rest}", (string rest) => TypedResults.Problem(title: "No such API resource",
            detail: $"/api/{rest} is not an endpoint of this API; see /api/openapi/v1.json.", statusCode: StatusCodes.Status404NotFound))
            .RequireAuthorization(Policies.CanBrowse).ExcludeFromDescription();
        return app;
    }

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
        [FromQuery] string? q, [FromQuery] string? body, [FromQuery] string? person, [FromQuery] string? role,
        [FromQuery] string? document, [FromQuery] string? hasDocuments, [FromQuery] string? from, [FromQuery] string? to,
        [FromQuery] string? sort, [FromQuery] string? cursor, [FromQuery] string? limit,
        MeetingApiQueries queries, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var input = new QueryInput(time);
        var text = input.Text("q", q);
        var bodyId = input.Id("body", body);
        var personId = input.Id("person", person);
        var documentId = input.Id("document", document);
        var (fromDate, toDate) = input.Range(from, to);
        var problems = new List<string>(input.Problems);
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
        var size = DefaultLimit;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            problems.Add($"limit must be a whole number from 1 to {MaxLimit}.");
        }
        var filter = new MeetingApiFilter(text, bodyId, personId, roleValue, documentId, has, fromDate, toDate);
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
            // The pages ignore a bad filter and say so; a script must not get other rows than it asked for.
            return TypedResults.Problem(title: "The query has values that cannot be used", detail: string.Join(" ", problems),
                statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["errors"] = problems });
        }

        var (rows, more) = await queries.ListAsync(filter, descending, after, size, ct);
        string? next = null;
        if (more)
        {
            var last = rows[^1];
            next = new MeetingCursor(descending, last.Date, last.Id, hash).Encode();
            var url = http.Request.Path + QueryString.Create(http.Request.Query
                .Where(p => p.Key != "cursor").SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
                .Append(new("cursor", next)));
            http.Response.Headers.Link = $"<{url}>; rel=\"next\"";
        }
        return TypedResults.Ok(new Page<MeetingSummaryDto>(rows, size, next));
    }

    private static async Task<IResult> GetMeetingAsync(Guid id, MeetingApiQueries queries, HttpContext http, CancellationToken ct)
    {
        var meeting = await queries.GetAsync(id, ct);
        return meeting is null
            ? TypedResults.Problem(title: "No such meeting", detail: $"No published meeting has the id {id}.", statusCode: StatusCodes.Status404NotFound)
            : Tagged(http, meeting);
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
